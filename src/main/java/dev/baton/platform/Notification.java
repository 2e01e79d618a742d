package dev.baton.platform;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One thing to tell some people.
 *
 * @param event the template's event code: {@code created}, {@code assigned}, {@code reminder}, {@code breached},
 *     {@code escalated_l1}, {@code escalated_l2}, {@code escalated_l3}, {@code approved}, {@code rejected},
 *     {@code commented}, {@code closed}, {@code urged}, {@code pool_unclaimed}, {@code automation}
 * @param ticketId the ticket it is about, if any; the notifier fills the {@code ticket.*} and {@code link}
 *     variables from it
 * @param recipients user ids
 * @param variables template variables beyond {@code ticket.*}, keyed by their dotted name ({@code node.name},
 *     {@code sla.dueAt}, {@code sla.metric}, …)
 * @param dedupKey the same key for the same tenant is sent once (a repeated event after a crash sends nothing
 *     twice); null when repeats cannot happen
 */
public record Notification(
        long tenantId,
        String event,
        @Nullable Long ticketId,
        Set<Long> recipients,
        Map<String, String> variables,
        @Nullable String dedupKey) {

    public Notification {
        recipients = Set.copyOf(recipients);
        variables = Map.copyOf(variables);
    }
}
