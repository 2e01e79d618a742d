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

    /**
     * Kinds served by the public form ({@code /f/<tenant>/<channel>}), for people without an account: the web form,
     * the mini-program's web-view and the official account's menu. WeCom entries (the customer page included, which
     * is an employee's view inside WeCom) and mail come in otherwise.
     */
    static final Set<String> PUBLIC = Set.of("web", "mini_program", "official_account");

    private ChannelKinds() {}

    static boolean isPublic(String kind) {
        return PUBLIC.contains(kind);
    }
}
