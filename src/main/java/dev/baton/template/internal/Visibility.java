package dev.baton.template.internal;

import dev.baton.template.FieldDefinition;
import dev.baton.template.VisibleWhen;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Decides which fields are shown for a set of submitted values, following chains of conditions. */
public final class Visibility {

    private Visibility() {}

    /**
     * Whether {@code def} is shown. A field whose controlling field is hidden is hidden too. An unknown
     * controlling field counts as shown, so a broken template errs towards requiring the value; a cycle
     * (refused by the definition check) is cut off after as many steps as there are fields.
     */
    public static boolean isVisible(
            FieldDefinition def, Map<String, FieldDefinition> byKey, Map<String, @Nullable Object> values) {
        FieldDefinition current = def;
        for (int step = 0; step <= byKey.size(); step++) {
            VisibleWhen when = current.visibleWhen();
            if (when == null) {
                return true;
            }
            FieldDefinition controller = byKey.get(when.fieldKey());
            if (controller == null) {
                return true;
            }
            if (!matches(values.get(when.fieldKey()), when.values())) {
                return false;
            }
            current = controller;
        }
        return false;
    }

    private static boolean matches(@Nullable Object value, List<String> wanted) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(item -> item != null && wanted.contains(text(item)));
        }
        return value != null && wanted.contains(text(value));
    }

    /** Numbers compare by value, so 1, 1.0 and "1" all match the option "1". */
    private static String text(Object value) {
        if (value instanceof Number) {
            return Decimals.parse(value, false)
                    .map(d -> d.stripTrailingZeros().toPlainString())
                    .orElse(String.valueOf(value));
        }
        return String.valueOf(value);
    }
}
