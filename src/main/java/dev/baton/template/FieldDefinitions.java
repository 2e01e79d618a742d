package dev.baton.template;

import dev.baton.platform.FieldError;
import dev.baton.template.internal.ValueChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** Checks a template's field definitions before they are saved; errors name paths like {@code fields[3].key}. */
public final class FieldDefinitions {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Template patterns run on every submission; a short one limits how costly it can be. */
    private static final int MAX_PATTERN_LENGTH = 500;

    private FieldDefinitions() {}

    /** All problems of {@code defs}; empty when the template can be saved. */
    public static List<FieldError> check(List<FieldDefinition> defs) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        defs.forEach(d -> keys.add(d.key()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            FieldDefinition def = defs.get(i);
            String at = "fields[" + i + "].";
            if (def.key() == null || !KEY.matcher(def.key()).matches()) {
                errors.add(new FieldError(at + "key", "{fielddef.key.pattern}"));
            } else if (!seen.add(def.key())) {
                errors.add(new FieldError(at + "key", "{fielddef.key.duplicate}"));
            }
            if (def.label() == null || def.label().isBlank()) {
                errors.add(new FieldError(at + "label", "{field.required}"));
            }
            if (def.type() == null) {
                errors.add(new FieldError(at + "type", "{field.required}"));
                continue;
            }
            limits(def, at, errors);
            pattern(def, at, errors);
            options(def, at, errors);
            if (def.ratingMax() != null && def.ratingMax() != 5 && def.ratingMax() != 10) {
                errors.add(new FieldError(at + "ratingMax", "{fielddef.rating-max}"));
            }
            visibleWhen(def, keys, at, errors);
            if (def.defaultValue() != null
                    && errors.stream().noneMatch(e -> e.field().startsWith(at))) {
                // Only a consistent definition can judge its own default.
                ValueChecks.check(def, at + "defaultValue", def.defaultValue(), errors);
            }
        }
        return errors;
    }

    private static void limits(FieldDefinition def, String at, List<FieldError> errors) {
        negative(def.minLength(), at + "minLength", errors);
        negative(def.maxLength(), at + "maxLength", errors);
        negative(def.scale(), at + "scale", errors);
        negative(def.maxFiles(), at + "maxFiles", errors);
        negative(def.maxFileSize(), at + "maxFileSize", errors);
        BigDecimal min = def.min();
        BigDecimal max = def.max();
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError(at + "min", "{fielddef.min-above-max}"));
        }
        Integer minLength = def.minLength();
        Integer maxLength = def.maxLength();
        if (minLength != null && maxLength != null && minLength > maxLength) {
            errors.add(new FieldError(at + "minLength", "{fielddef.min-above-max}"));
        }
    }

    private static void negative(@Nullable Number limit, String field, List<FieldError> errors) {
        if (limit != null && limit.longValue() < 0) {
            errors.add(new FieldError(field, "{fielddef.negative}"));
        }
    }

    private static void pattern(FieldDefinition def, String at, List<FieldError> errors) {
        String regex = def.pattern();
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
            if (regex.length() > MAX_PATTERN_LENGTH) {
                errors.add(new FieldError(at + "pattern", "{fielddef.pattern.too-long}"));
            }
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(at + "pattern", "{fielddef.pattern.invalid}"));
        }
    }

    private static void options(FieldDefinition def, String at, List<FieldError> errors) {
        if (!def.type().hasOptions()) {
            return;
        }
        if (def.options().isEmpty()) {
            errors.add(new FieldError(at + "options", "{fielddef.options.required}"));
        }
        Set<String> values = new HashSet<>();
        for (int j = 0; j < def.options().size(); j++) {
            FieldOption option = def.options().get(j);
            String path = at + "options[" + j + "].";
            if (option.value() == null || option.value().isBlank()) {
                errors.add(new FieldError(path + "value", "{field.required}"));
            } else if (!values.add(option.value())) {
                errors.add(new FieldError(path + "value", "{fielddef.options.duplicate}"));
            }
            if (option.label() == null || option.label().isBlank()) {
                errors.add(new FieldError(path + "label", "{field.required}"));
            }
        }
    }

    private static void visibleWhen(FieldDefinition def, Set<String> keys, String at, List<FieldError> errors) {
        VisibleWhen when = def.visibleWhen();
        if (when == null) {
            return;
        }
        if (when.fieldKey().equals(def.key())) {
            errors.add(new FieldError(at + "visibleWhen.fieldKey", "{fielddef.visible-when.self}"));
        } else if (!keys.contains(when.fieldKey())) {
            errors.add(new FieldError(at + "visibleWhen.fieldKey", "{fielddef.visible-when.unknown}"));
        }
        if (when.values().isEmpty()) {
            errors.add(new FieldError(at + "visibleWhen.values", "{field.required}"));
        }
    }
}
