package dev.baton.flow;

import java.util.Optional;

/** What a task's handler may do with one template field. */
public enum FieldRule {
    EDITABLE,
    REQUIRED,
    READONLY,
    HIDDEN;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<FieldRule> ofCode(String code) {
        return Codes.parse(FieldRule.class, code);
    }
}
