package dev.baton.flow;

import java.util.Optional;

/** The status the customer sees, set when the flow reaches an explicit end. */
public enum CustomerStatus {
    SUBMITTED,
    ACCEPTED,
    IN_PROGRESS,
    AWAITING_CONFIRMATION,
    DONE,
    RATED;

    /** The lower-case JSON code. */
    public String code() {
        return Codes.of(this);
    }

    /** The constant with exactly this code; empty for an unknown or differently-cased code. */
    public static Optional<CustomerStatus> ofCode(String code) {
        return Codes.parse(CustomerStatus.class, code);
    }
}
