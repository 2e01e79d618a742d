package dev.baton.flow;

import java.util.Optional;

/** Actions a task's handler may take besides completing it. */
public enum TaskAction {
    TRANSFER,
    RETURN,
    ADD_HANDLER;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<TaskAction> ofCode(String code) {
        return Codes.parse(TaskAction.class, code);
    }
}
