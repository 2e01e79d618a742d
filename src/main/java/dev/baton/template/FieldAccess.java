package dev.baton.template;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Field-level permissions: which of a template's fields a caller with given role codes may see and
 * write. Reads drop hidden fields entirely (absent, not null), so responses, exports and search
 * results built from {@link #readable} never leak them; writes name every field refused.
 */
public final class FieldAccess {

    private FieldAccess() {}

    public static boolean canSee(FieldDefinition def, Set<String> roleCodes) {
        return def.visibleTo().isEmpty() || intersects(def.visibleTo(), roleCodes);
    }

    public static boolean canEdit(FieldDefinition def, Set<String> roleCodes) {
        return canSee(def, roleCodes) && (def.editableBy().isEmpty() || intersects(def.editableBy(), roleCodes));
    }

    /** The values without those of fields the roles may not see; keys without a definition are dropped too. */
    public static Map<String, @Nullable Object> readable(
            List<FieldDefinition> defs, Map<String, ? extends @Nullable Object> values, Set<String> roleCodes) {
        Map<String, @Nullable Object> visible = new LinkedHashMap<>();
        for (FieldDefinition def : defs) {
            if (values.containsKey(def.key()) && canSee(def, roleCodes)) {
                visible.put(def.key(), values.get(def.key()));
            }
        }
        return visible;
    }

    /** The definitions the roles may see, e.g. to render a form or list filterable columns. */
    public static List<FieldDefinition> visibleDefinitions(List<FieldDefinition> defs, Set<String> roleCodes) {
        return defs.stream().filter(d -> canSee(d, roleCodes)).toList();
    }

    /**
     * The submitted keys the roles may not write, in submission order. Unknown keys are left to
     * {@link FieldValues#validate}, which rejects them as not part of the template.
     */
    public static List<String> refusedWrites(
            List<FieldDefinition> defs, Collection<String> submittedKeys, Set<String> roleCodes) {
        Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
        defs.forEach(d -> byKey.putIfAbsent(d.key(), d));
        return submittedKeys.stream()
                .filter(k -> byKey.containsKey(k) && !canEdit(byKey.get(k), roleCodes))
                .toList();
    }

    private static boolean intersects(List<String> allowed, Set<String> roleCodes) {
        return allowed.stream().anyMatch(roleCodes::contains);
    }
}
