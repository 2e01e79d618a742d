package dev.baton.template;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link FieldDefinition} without spelling out its twenty components; for code and tests. */
public final class FieldDefinitionBuilder {

    private final String key;
    private final String label;
    private final FieldType type;
    private @Nullable String labelEn;
    private @Nullable String helpText;
    private boolean required;
    private @Nullable Object defaultValue;
    private @Nullable BigDecimal min;
    private @Nullable BigDecimal max;
    private @Nullable Integer minLength;
    private @Nullable Integer maxLength;
    private @Nullable Integer scale;
    private @Nullable String pattern;
    private @Nullable String patternMessage;
    private List<FieldOption> options = List.of();
    private @Nullable Integer maxFiles;
    private @Nullable Long maxFileSize;
    private List<String> allowedContentTypes = List.of();
    private @Nullable Integer ratingMax;
    private @Nullable VisibleWhen visibleWhen;
    private boolean searchable;
    private List<String> visibleTo = List.of();
    private List<String> editableBy = List.of();

    FieldDefinitionBuilder(String key, String label, FieldType type) {
        this.key = key;
        this.label = label;
        this.type = type;
    }

    public FieldDefinitionBuilder labelEn(@Nullable String value) {
        this.labelEn = value;
        return this;
    }

    public FieldDefinitionBuilder helpText(@Nullable String value) {
        this.helpText = value;
        return this;
    }

    public FieldDefinitionBuilder required(boolean value) {
        this.required = value;
        return this;
    }

    public FieldDefinitionBuilder defaultValue(@Nullable Object value) {
        this.defaultValue = value;
        return this;
    }

    public FieldDefinitionBuilder range(@Nullable BigDecimal lower, @Nullable BigDecimal upper) {
        this.min = lower;
        this.max = upper;
        return this;
    }

    public FieldDefinitionBuilder length(@Nullable Integer lower, @Nullable Integer upper) {
        this.minLength = lower;
        this.maxLength = upper;
        return this;
    }

    public FieldDefinitionBuilder scale(@Nullable Integer value) {
        this.scale = value;
        return this;
    }

    public FieldDefinitionBuilder pattern(@Nullable String regex, @Nullable String message) {
        this.pattern = regex;
        this.patternMessage = message;
        return this;
    }

    public FieldDefinitionBuilder options(List<FieldOption> value) {
        this.options = value;
        return this;
    }

    public FieldDefinitionBuilder files(@Nullable Integer most, @Nullable Long size, List<String> contentTypes) {
        this.maxFiles = most;
        this.maxFileSize = size;
        this.allowedContentTypes = contentTypes;
        return this;
    }

    public FieldDefinitionBuilder ratingMax(@Nullable Integer value) {
        this.ratingMax = value;
        return this;
    }

    public FieldDefinitionBuilder visibleWhen(@Nullable VisibleWhen value) {
        this.visibleWhen = value;
        return this;
    }

    public FieldDefinition build() {
        return new FieldDefinition(
                this.key,
                this.label,
                this.labelEn,
                this.helpText,
                this.type,
                this.required,
                this.defaultValue,
                this.min,
                this.max,
                this.minLength,
                this.maxLength,
                this.scale,
                this.pattern,
                this.patternMessage,
                this.options,
                this.maxFiles,
                this.maxFileSize,
                this.allowedContentTypes,
                this.ratingMax,
                this.visibleWhen,
                this.searchable,
                this.visibleTo,
                this.editableBy);
    }

    public FieldDefinitionBuilder searchable(boolean value) {
        this.searchable = value;
        return this;
    }

    public FieldDefinitionBuilder visibleTo(List<String> roleCodes) {
        this.visibleTo = roleCodes;
        return this;
    }

    public FieldDefinitionBuilder editableBy(List<String> roleCodes) {
        this.editableBy = roleCodes;
        return this;
    }
}
