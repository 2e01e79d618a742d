package dev.baton.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a ticket came in; recorded on every ticket and available to flow conditions as {@code ticket.source}. */
public enum TicketSource {
    WEB,
    API,
    WECOM_SIDEBAR,
    WECOM_CUSTOMER_PAGE,
    WECOM_WORKBENCH,
    WECOM_GROUP,
    OFFICIAL_ACCOUNT,
    MINI_PROGRAM,
    EMAIL,
    IMPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketSource> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
