package dev.baton.template;

import dev.baton.platform.FieldError;
import dev.baton.template.internal.ValueChecks;
import dev.baton.template.internal.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side validation of the custom field values of a ticket, as parsed from JSON (String, Number,
 * Boolean, List, Map, null). Every failure is reported, named by the field key, so the form can mark all
 * of them at once; the browser's own checks are a convenience, this is the rule.
 */
public final class FieldValues {

    private FieldValues() {}

    /** All failures of {@code values} against the template's {@code defs}; empty when valid. */
    public static List<FieldError> validate(
            List<FieldDefinition> defs, Map<String, ? extends @Nullable Object> values) {
        Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
        defs.forEach(d -> byKey.putIfAbsent(d.key(), d));
        Map<String, @Nullable Object> submitted = new LinkedHashMap<>(values);
        List<FieldError> errors = new ArrayList<>();
        for (String key : submitted.keySet()) {
            if (!byKey.containsKey(key)) {
                errors.add(new FieldError(key, "{field.not-in-template}"));
            }
        }
        for (FieldDefinition def : byKey.values()) {
            Object value = submitted.get(def.key());
            if (isEmpty(value)) {
                // Hidden fields are never required, and the system fills chat excerpts itself.
                if (def.required()
                        && def.type() != FieldType.CHAT_EXCERPT
                        && Visibility.isVisible(def, byKey, submitted)) {
                    errors.add(new FieldError(def.key(), "{field.required}"));
                }
            } else {
                // A hidden field's value is still checked: nothing invalid is stored even if it is not shown.
                ValueChecks.check(def, def.key(), value, errors);
            }
        }
        return errors;
    }

    /** Missing, null, blank text, an empty list or an empty object all mean "not filled in". */
    public static boolean isEmpty(@Nullable Object value) {
        return switch (value) {
            case null -> true;
            case String s -> s.isBlank();
            case Collection<?> c -> c.isEmpty();
            case Map<?, ?> m -> m.isEmpty();
            default -> false;
        };
    }
}
