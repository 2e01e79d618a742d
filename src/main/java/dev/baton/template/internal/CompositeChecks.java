package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of fields whose value is a choice, a list or an object. */
final class CompositeChecks {

    private static final Set<String> REGION_PARTS = Set.of("province", "city", "district");

    private CompositeChecks() {}

    /**
     * A disabled option is refused here because this validates newly submitted values; tickets that
     * already hold it keep it, since stored values are not re-validated against a changed template.
     */
    static void select(FieldDefinition def, String field, Object value, List<FieldError> out) {
        if (!(value instanceof String s)) {
            out.add(new FieldError(field, "{field.not-option}"));
            return;
        }
        option(def, field, s, out);
    }

    static void multiSelect(FieldDefinition def, String field, Object value, List<FieldError> out) {
        if (!(value instanceof List<?> list) || list.size() > def.options().size()) {
            out.add(new FieldError(field, "{field.not-option-list}"));
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                out.add(new FieldError(field, "{field.not-option}"));
            } else if (!seen.add(s)) {
                out.add(new FieldError(field, "{field.option-repeated}"));
            } else {
                option(def, field, s, out);
            }
        }
    }

    private static void option(FieldDefinition def, String field, String value, List<FieldError> out) {
        Optional<FieldOption> option =
                def.options().stream().filter(o -> o.value().equals(value)).findFirst();
        if (option.isEmpty()) {
            out.add(new FieldError(field, "{field.not-option}"));
        } else if (option.get().disabled()) {
            out.add(new FieldError(field, "{field.option-disabled}"));
        }
    }

    /** Image and file fields hold ids of attachments uploaded beforehand; the upload checked size and type. */
    static void attachments(FieldDefinition def, String field, Object value, List<FieldError> out) {
        if (!(value instanceof List<?> list)
                || list.stream().anyMatch(i -> !(i instanceof String s) || s.isBlank() || s.length() > 64)) {
            out.add(new FieldError(field, "{field.not-attachments}"));
            return;
        }
        if (list.size() > def.effectiveMaxFiles()) {
            out.add(new FieldError(field, "{field.too-many-files}"));
        }
    }

    /** {province, city?, district?}; errors inside name the part, e.g. {@code region.city}. */
    static void region(String field, Object value, List<FieldError> out) {
        if (!(value instanceof Map<?, ?> map)) {
            out.add(new FieldError(field, "{field.not-region}"));
            return;
        }
        for (Object part : map.keySet()) {
            if (!REGION_PARTS.contains(part)) {
                out.add(new FieldError(field + "." + part, "{field.unknown}"));
            }
        }
        for (String part : REGION_PARTS) {
            Object text = map.get(part);
            if (text == null || (text instanceof String s && s.isBlank())) {
                if (part.equals("province")) {
                    out.add(new FieldError(field + ".province", "{field.required}"));
                }
            } else if (!(text instanceof String s) || s.length() > 64) {
                out.add(new FieldError(field + "." + part, "{field.not-text}"));
            }
        }
    }
}
