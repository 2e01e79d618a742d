package dev.baton.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What people do to a ticket: {@code POST /api/v1/tickets/{id}/actions/{code}}. */
public enum TicketAction {
    ACCEPT,
    SAVE,
    SUBMIT,
    APPROVE,
    REJECT,
    TRANSFER,
    RETURN,
    ADD_HANDLER,
    COMMENT,
    URGE,
    SUSPEND,
    RESUME,
    CLOSE,
    REOPEN,
    CANCEL,
    /** Gives a claimed task back to the candidates it was offered to (or the pool): by its handler or a supervisor. */
    RELEASE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Comments and urging never conflict with other changes, so they need no expected version. */
    public boolean needsVersion() {
        return this != COMMENT && this != URGE;
    }

    public static Optional<TicketAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }
}
