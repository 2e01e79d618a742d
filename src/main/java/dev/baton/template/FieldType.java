package dev.baton.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of custom field a template can hold; {@link #code()} is the stable JSON name. */
public enum FieldType {
    TEXT,
    TEXTAREA,
    NUMBER,
    MONEY,
    DATE,
    DATETIME,
    SELECT,
    MULTI_SELECT,
    RATING,
    IMAGE,
    FILE,
    PHONE,
    EMAIL,
    USER,
    DEPARTMENT,
    CUSTOMER,
    REGION,
    CHAT_EXCERPT;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The lower-case JSON code, e.g. {@code multi_select}. */
    public String code() {
        return this.code;
    }

    /** The type with this exact code; empty for an unknown or differently-cased code. */
    public static Optional<FieldType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** Whether the field offers a fixed list of options. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }
}
