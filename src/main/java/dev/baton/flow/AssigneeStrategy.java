package dev.baton.flow;

import java.util.Optional;

/** How the handler or approver of a node is chosen; {@link #code()} is the JSON {@code strategy}. */
public enum AssigneeStrategy {
    USER,
    ROLE,
    DEPARTMENT,
    DEPARTMENT_LEADER,
    CREATOR,
    FIELD,
    RULES;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<AssigneeStrategy> ofCode(String code) {
        return Codes.parse(AssigneeStrategy.class, code);
    }
}
