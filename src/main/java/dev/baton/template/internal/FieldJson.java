package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldOption;
import dev.baton.template.FieldType;
import dev.baton.template.VisibleWhen;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field definition as JSON, in the API and in stored template versions. The type is a plain string
 * here so that an unknown type is reported with its path ({@code fields[3].type}) together with every
 * other problem, instead of failing the whole body at the first one.
 */
public record FieldJson(
        String key,
        String label,
        @Nullable String labelEn,
        @Nullable String helpText,
        String type,
        @Nullable Boolean required,
        @Nullable Object defaultValue,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable Integer scale,
        @Nullable String pattern,
        @Nullable String patternMessage,
        @Nullable List<OptionJson> options,
        @Nullable Integer maxFiles,
        @Nullable Long maxFileSize,
        @Nullable List<String> allowedContentTypes,
        @Nullable Integer ratingMax,
        @Nullable VisibleWhen visibleWhen,
        @Nullable Boolean searchable,
        @Nullable List<String> visibleTo,
        @Nullable List<String> editableBy) {

    /** The definition, or null after adding to {@code errors} what makes it impossible to build. */
    @Nullable
    FieldDefinition toDefinition(String at, List<FieldError> errors) {
        int before = errors.size();
        if (this.key == null || this.key.isBlank()) {
            errors.add(new FieldError(at + ".key", "{validation.required}"));
        }
        if (this.label == null || this.label.isBlank()) {
            errors.add(new FieldError(at + ".label", "{validation.required}"));
        }
        FieldType fieldType =
                this.type == null ? null : FieldType.ofCode(this.type).orElse(null);
        if (fieldType == null) {
            errors.add(new FieldError(at + ".type", "{fielddef.type-unknown}"));
        }
        List<OptionJson> given = this.options == null ? List.of() : this.options;
        List<FieldOption> opts = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            OptionJson o = given.get(i);
            if (o == null
                    || o.value() == null
                    || o.value().isBlank()
                    || o.label() == null
                    || o.label().isBlank()) {
                errors.add(new FieldError(at + ".options[" + i + "]", "{fielddef.option-incomplete}"));
            } else {
                opts.add(new FieldOption(o.value(), o.label(), Boolean.TRUE.equals(o.disabled())));
            }
        }
        if (errors.size() > before || fieldType == null) {
            return null;
        }
        return new FieldDefinition(
                this.key,
                this.label,
                this.labelEn,
                this.helpText,
                fieldType,
                Boolean.TRUE.equals(this.required),
                this.defaultValue,
                this.min,
                this.max,
                this.minLength,
                this.maxLength,
                this.scale,
                this.pattern,
                this.patternMessage,
                opts,
                this.maxFiles,
                this.maxFileSize,
                this.allowedContentTypes,
                this.ratingMax,
                this.visibleWhen,
                Boolean.TRUE.equals(this.searchable),
                this.visibleTo,
                this.editableBy);
    }

    /** A choice of a select field; {@code disabled} may be omitted. */
    public record OptionJson(
            String value, String label, @Nullable Boolean disabled) {}

    /** The definition of a stored field, which was checked before it was stored. */
    FieldDefinition stored() {
        List<FieldError> errors = new java.util.ArrayList<>();
        FieldDefinition def = toDefinition("", errors);
        if (def == null) {
            throw new IllegalStateException("stored field " + this.key + " is invalid: " + errors);
        }
        return def;
    }

    static FieldJson of(FieldDefinition d) {
        return new FieldJson(
                d.key(),
                d.label(),
                d.labelEn(),
                d.helpText(),
                d.type().code(),
                d.required(),
                d.defaultValue(),
                d.min(),
                d.max(),
                d.minLength(),
                d.maxLength(),
                d.scale(),
                d.pattern(),
                d.patternMessage(),
                d.options().stream()
                        .map(o -> new OptionJson(o.value(), o.label(), o.disabled()))
                        .toList(),
                d.maxFiles(),
                d.maxFileSize(),
                d.allowedContentTypes(),
                d.ratingMax(),
                d.visibleWhen(),
                d.searchable(),
                d.visibleTo(),
                d.editableBy());
    }
}
