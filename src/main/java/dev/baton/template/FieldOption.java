package dev.baton.template;

/**
 * One choice of a select or multi-select field. A disabled option is refused for newly submitted values
 * but stays in the definition so that tickets which already hold it still show its label.
 */
public record FieldOption(String value, String label, boolean disabled) {

    public static FieldOption of(String value, String label) {
        return new FieldOption(value, label, false);
    }
}
