package dev.baton.flow;

import java.util.Optional;

/** How the approvers of an approval node decide: one after another, all of them, or the first. */
public enum ApprovalMode {
    SERIAL,
    ALL,
    ANY;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<ApprovalMode> ofCode(String code) {
        return Codes.parse(ApprovalMode.class, code);
    }
}
