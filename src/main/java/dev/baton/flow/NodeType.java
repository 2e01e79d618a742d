package dev.baton.flow;

import java.util.Optional;

/** The kinds of flow node; {@link #code()} is the JSON {@code type}. */
public enum NodeType {
    START,
    TASK,
    APPROVAL,
    CONDITION,
    PARALLEL,
    AUTOMATION,
    END;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<NodeType> ofCode(String code) {
        return Codes.parse(NodeType.class, code);
    }
}
