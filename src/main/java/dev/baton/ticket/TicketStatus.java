package dev.baton.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a ticket stands for the people working on it (the customer sees a coarser six-step status). */
public enum TicketStatus {
    /** The flow waits and nobody has taken the work yet. */
    OPEN,
    /** Someone has taken a task or an approver has decided. */
    IN_PROGRESS,
    /** Paused by a handler or supervisor; only resume, comment, close and cancel apply. */
    SUSPENDED,
    /** The flow has finished; waiting for the customer's confirmation or a close. */
    RESOLVED,
    /** An approver rejected and the flow ended there. */
    REJECTED,
    CLOSED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The flow still has work waiting for people. */
    public boolean running() {
        return this == OPEN || this == IN_PROGRESS || this == SUSPENDED;
    }

    public static Optional<TicketStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
