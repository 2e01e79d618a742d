package dev.baton.template;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One custom field of a template. Kept flat (no per-type subclasses) so that it maps one-to-one onto the
 * JSON the designer edits; rules that do not apply to {@link #type()} are ignored, and
 * {@link FieldDefinitions#check} reports rules that contradict each other.
 *
 * @param key stable JSON name of the value, {@code [a-z][a-z0-9_]*}, at most 64 characters
 * @param label zh-CN label; {@code labelEn} is the English one
 * @param min lower bound of a number or money value (inclusive); {@code max} likewise
 * @param minLength length bounds of text in code points
 * @param scale most decimal places of a number (no limit when null) or money (2 when null)
 * @param patternMessage shown instead of the generic message when {@code pattern} does not match
 * @param maxFiles most attachments of an image or file field ({@link #DEFAULT_MAX_FILES} when null)
 * @param maxFileSize and {@code allowedContentTypes} are enforced when a file is uploaded, not here
 * @param ratingMax 5 or 10 (5 when null)
 * @param searchable whether the value is indexed for filtering (typed index rows, see {@link FieldIndex})
 * @param visibleTo role codes that may see the field; empty means every role
 * @param editableBy role codes that may write the field; empty means every role that may see it
 */
public record FieldDefinition(
        String key,
        String label,
        @Nullable String labelEn,
        @Nullable String helpText,
        FieldType type,
        boolean required,
        @Nullable Object defaultValue,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable Integer scale,
        @Nullable String pattern,
        @Nullable String patternMessage,
        List<FieldOption> options,
        @Nullable Integer maxFiles,
        @Nullable Long maxFileSize,
        List<String> allowedContentTypes,
        @Nullable Integer ratingMax,
        @Nullable VisibleWhen visibleWhen,
        boolean searchable,
        List<String> visibleTo,
        List<String> editableBy) {

    /** Attachments per field when the template does not say; bounds what one ticket can reference. */
    public static final int DEFAULT_MAX_FILES = 20;

    /** Money is kept in minor units of most currencies unless the template says otherwise. */
    public static final int DEFAULT_MONEY_SCALE = 2;

    public static final int DEFAULT_RATING_MAX = 5;

    /**
     * Text length when the template sets no maximum: a ceiling is always applied so that a template
     * pattern never runs over unbounded input.
     */
    public static final int DEFAULT_TEXT_MAX = 500;

    public static final int DEFAULT_TEXTAREA_MAX = 10_000;

    public FieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
        allowedContentTypes = allowedContentTypes == null ? List.of() : List.copyOf(allowedContentTypes);
        visibleTo = visibleTo == null ? List.of() : List.copyOf(visibleTo);
        editableBy = editableBy == null ? List.of() : List.copyOf(editableBy);
    }

    public static FieldDefinitionBuilder builder(String key, String label, FieldType type) {
        return new FieldDefinitionBuilder(key, label, type);
    }

    public int effectiveMaxFiles() {
        return this.maxFiles == null ? DEFAULT_MAX_FILES : this.maxFiles;
    }

    public int effectiveRatingMax() {
        return this.ratingMax == null ? DEFAULT_RATING_MAX : this.ratingMax;
    }

    public int effectiveMaxLength() {
        if (this.maxLength != null) {
            return this.maxLength;
        }
        return this.type == FieldType.TEXTAREA ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXT_MAX;
    }

    /** Most decimal places, or null for no limit. */
    public @Nullable Integer effectiveScale() {
        if (this.scale == null && this.type == FieldType.MONEY) {
            return DEFAULT_MONEY_SCALE;
        }
        return this.scale;
    }
}
