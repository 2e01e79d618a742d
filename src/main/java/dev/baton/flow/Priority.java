package dev.baton.flow;

import java.util.Optional;

/** Ticket priority as an automation sets it. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<Priority> ofCode(String code) {
        return Codes.parse(Priority.class, code);
    }
}
