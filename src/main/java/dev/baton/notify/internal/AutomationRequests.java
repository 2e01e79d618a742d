package dev.baton.notify.internal;

import dev.baton.platform.Notification;
import dev.baton.ticket.TicketEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An automation node's {@code notify} and {@code webhook}, relayed as {@link TicketEvent.AutomationRequested}: the
 * message goes to the ticket's current handlers (its creator when nobody holds it) as the {@code automation} event on
 * the node's channel; the webhook posts the ticket's notification JSON to the node's URL. Both are outbox rows
 * written in the relay's transaction and keyed by ticket, version and node, so a redelivered event sends nothing
 * twice; the delivery worker signs, retries and logs them like any other.
 */
@Component
class AutomationRequests {

    private final OutboxNotifier outbox;
    private final TicketFacts tickets;

    AutomationRequests(OutboxNotifier outbox, TicketFacts tickets) {
        this.outbox = outbox;
        this.tickets = tickets;
    }

    @EventListener
    void on(TicketEvent.AutomationRequested e) {
        String key = "automation|" + e.ticketId() + "|" + e.ticketVersion() + "|" + e.nodeId();
        switch (e.kind()) {
            case "notify" -> {
                int colon = e.detail().indexOf(':');
                String channel = colon < 0 ? "" : e.detail().substring(0, colon).strip();
                String message = e.detail().substring(colon + 1).strip();
                Set<Long> to = new LinkedHashSet<>(this.tickets.handlers(e.tenantId(), e.ticketId()));
                if (to.isEmpty()) {
                    this.tickets.creator(e.tenantId(), e.ticketId()).ifPresent(to::add);
                }
                if (!to.isEmpty()) {
                    this.outbox.notify(
                            new Notification(
                                    e.tenantId(),
                                    "automation",
                                    e.ticketId(),
                                    to,
                                    Map.of("node.id", e.nodeId(), "automation.message", message),
                                    key),
                            Channel.ofCode(channel).orElse(null));
                }
            }
            case "webhook" ->
                this.outbox.webhook(
                        new Notification(
                                e.tenantId(), "automation", e.ticketId(), Set.of(), Map.of("node.id", e.nodeId()), key),
                        e.detail());
            default -> {}
        }
    }
}
