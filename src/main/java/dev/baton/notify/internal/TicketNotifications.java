package dev.baton.notify.internal;

import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import dev.baton.platform.OrgDirectory;
import dev.baton.ticket.TicketEvent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened to a ticket. Ticket events come from the ticket module's relay after the change
 * committed, inside the relay's transaction, at least once: the dedup key (ticket, version, event) makes a
 * repeat write nothing. Nobody is told about their own action.
 *
 * <ul>
 *   <li>created → the creator (a receipt, which matters when the ticket was opened for them by an integration)
 *   <li>assigned → the assigned user, or the candidates of the role or department (at most 50)
 *   <li>commented → the users @mentioned
 *   <li>urged → the ticket's current handlers
 *   <li>approved, rejected → the creator
 *   <li>closed → the creator
 * </ul>
 */
@Component
class TicketNotifications {

    /** Candidates told about work offered to a role or department; a larger group is a pool to grab from. */
    static final int MAX_CANDIDATES = 50;

    private final Notifier notifier;
    private final OrgDirectory org;
    private final TicketFacts tickets;
    private final TenantSettings settings;

    TicketNotifications(Notifier notifier, OrgDirectory org, TicketFacts tickets, TenantSettings settings) {
        this.notifier = notifier;
        this.org = org;
        this.tickets = tickets;
        this.settings = settings;
    }

    @EventListener
    void on(TicketEvent event) {
        long tenant = event.tenantId();
        if (!this.settings.enabled(tenant)) {
            return; // before finding recipients, which costs reads
        }
        switch (event) {
            case TicketEvent.TicketCreated e -> send(e, "created", optional(e.creatorId()), null, Map.of());
            case TicketEvent.TicketAssigned e -> {
                Set<Long> who = new LinkedHashSet<>();
                if (e.userId() != null) {
                    who.add(e.userId());
                } else if (e.roleCode() != null) {
                    who.addAll(this.org.usersWithRole(tenant, e.roleCode(), MAX_CANDIDATES));
                } else if (e.departmentId() != null) {
                    who.addAll(this.org.membersOf(tenant, e.departmentId(), MAX_CANDIDATES));
                }
                // one event per node and person: a ticket assigned twice at one version (two tasks) is told twice
                send(
                        e,
                        "assigned:" + e.nodeId() + ":" + e.userId() + ":" + e.roleCode() + ":" + e.departmentId(),
                        who,
                        null,
                        node(e, e.nodeId()));
            }
            case TicketEvent.CommentAdded e -> send(e, "commented", e.mentioned(), e.authorId(), Map.of());
            case TicketEvent.TicketUrged e ->
                send(e, "urged", Set.copyOf(this.tickets.handlers(tenant, e.ticketId())), e.byUserId(), Map.of());
            case TicketEvent.ApprovalDecided e ->
                send(e, e.approved() ? "approved" : "rejected", creator(e), e.byUserId(), node(e, e.nodeId()));
            case TicketEvent.TicketClosed e -> send(e, "closed", creator(e), null, Map.of());
            default -> {}
        }
    }

    private Map<String, String> node(TicketEvent e, String nodeId) {
        return Map.of("node.id", nodeId, "node.name", this.tickets.nodeName(e.tenantId(), e.ticketId(), nodeId));
    }

    private Set<Long> creator(TicketEvent e) {
        return this.tickets.creator(e.tenantId(), e.ticketId()).map(Set::of).orElse(Set.of());
    }

    private static Set<Long> optional(@Nullable Long id) {
        return id == null ? Set.of() : Set.of(id);
    }

    /** @param kind the event code, optionally followed by {@code :detail} to tell two events of one version apart */
    private void send(
            TicketEvent e, String kind, Set<Long> recipients, @Nullable Long actor, Map<String, String> extra) {
        Set<Long> who = new LinkedHashSet<>(recipients);
        if (actor != null) {
            who.remove(actor);
        }
        if (who.isEmpty()) {
            return;
        }
        Map<String, String> variables = new HashMap<>(extra);
        // the version the event left the ticket at: what an action straight from the message (WeCom's 接单) expects
        variables.put("ticket.version", String.valueOf(e.ticketVersion()));
        if (actor != null) {
            Optional.ofNullable(this.org.names(e.tenantId(), List.of(actor)).get(actor))
                    .ifPresent(name -> variables.put("actor.name", name));
        }
        String event = kind.contains(":") ? kind.substring(0, kind.indexOf(':')) : kind;
        String key = "ticket:" + e.ticketId() + ":v" + e.ticketVersion() + ":" + kind;
        this.notifier.notify(new Notification(e.tenantId(), event, e.ticketId(), who, variables, key));
    }
}
