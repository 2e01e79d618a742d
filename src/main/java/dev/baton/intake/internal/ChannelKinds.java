package dev.baton.intake.internal;

import dev.baton.ticket.TicketSource;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which ticket sources a channel may be, and which of them are public forms anyone may open. */
final class ChannelKinds {

    /** {@code api} and {@code import} are how software talks to Baton, not channels a customer meets. */
    static final Set<String> ALL = Arrays.stream(TicketSource.values())
            .map(TicketSource::code)
            .filter(c -> !c.equals("api") && !c.equals("import"))
            .collect(Collectors.toUnmodifiableSet());

    /** Kinds served by the public form ({@code /f/<tenant>/<channel>}); WeCom entries and mail come in otherwise. */
    static final Set<String> PUBLIC = Set.of("web", "mini_program", "official_account", "wecom_customer_page");

    private ChannelKinds() {}

    static boolean isPublic(String kind) {
        return PUBLIC.contains(kind);
    }
}
