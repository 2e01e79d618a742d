package dev.baton.sla.internal;

import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket's history means to its SLA clocks: the facts, in order, folded from its logged events. Pure: the
 * same history gives the same facts wherever and however often it is read, so nothing of it needs storing.
 *
 * <p>First response is the first human action after creation: accepting (open → in progress), a comment by someone
 * other than the creator, or moving the ticket on (completing a node). Closing stops it too.
 *
 * @param created the creation (null for a history that lacks it: nothing is followed then)
 * @param closedAt when the ticket was closed, resolved or cancelled, null while it runs (a reopen clears it)
 */
record SlaHistory(
        TicketEvent.@Nullable TicketCreated created,
        List<SlaFact> facts,
        int lastVersion,
        @Nullable Instant closedAt) {

    SlaHistory {
        facts = List.copyOf(facts);
    }

    /** What policies match on. */
    SlaPolicy.Subject subject() {
        TicketEvent.TicketCreated c = java.util.Objects.requireNonNull(this.created);
        return new SlaPolicy.Subject(c.templateId(), c.priority(), null, c.source());
    }

    /**
     * @param legacyTarget a node's own SLA for events logged before {@link TicketEvent.NodeEntered#sla()} was
     *     recorded (looked up in the flow version the ticket runs on)
     */
    static SlaHistory of(List<TicketEvent> events, Function<TicketEvent.NodeEntered, @Nullable String> legacyTarget) {
        TicketEvent.TicketCreated created = null;
        List<SlaFact> facts = new ArrayList<>();
        int last = 0;
        Instant closedAt = null;
        for (TicketEvent event : events) {
            last = Math.max(last, event.ticketVersion());
            Instant at = event.at();
            switch (event) {
                case TicketEvent.TicketCreated c -> {
                    created = c;
                    facts.add(SlaFact.of(at, SlaFact.Kind.CREATED));
                }
                case TicketEvent.NodeEntered e -> {
                    String target = e.sla() == null ? legacyTarget.apply(e) : e.sla();
                    facts.add(SlaFact.node(
                            at,
                            SlaFact.Kind.NODE_ENTERED,
                            e.nodeId(),
                            target == null || target.isEmpty() ? null : target));
                }
                case TicketEvent.NodeCompleted e -> {
                    facts.add(SlaFact.node(at, SlaFact.Kind.NODE_COMPLETED, e.nodeId(), null));
                    // the start node completes as the ticket is created: that is not a response
                    if (created == null || created.ticketVersion() != e.ticketVersion()) {
                        facts.add(SlaFact.of(at, SlaFact.Kind.RESPONSE));
                    }
                }
                case TicketEvent.TicketAssigned a ->
                    facts.add(new SlaFact(
                            at,
                            SlaFact.Kind.ASSIGNED,
                            null,
                            a.nodeId(),
                            null,
                            a.userId(),
                            a.departmentId(),
                            a.roleCode()));
                case TicketEvent.TicketStatusChanged s -> {
                    facts.add(SlaFact.status(at, s.to()));
                    if (s.from().equals(TicketStatus.OPEN.code()) && s.to().equals(TicketStatus.IN_PROGRESS.code())) {
                        facts.add(SlaFact.of(at, SlaFact.Kind.RESPONSE));
                    }
                    if (TicketStatus.ofCode(s.to()).map(TicketStatus::running).orElse(false)) {
                        closedAt = null;
                    }
                }
                case TicketEvent.TicketClosed c -> {
                    facts.add(new SlaFact(at, SlaFact.Kind.CLOSED, c.status(), null, null, null, null, null));
                    closedAt = at;
                }
                case TicketEvent.CommentAdded c -> {
                    if (c.authorId() != null
                            && (created == null || !c.authorId().equals(created.creatorId()))) {
                        facts.add(SlaFact.of(at, SlaFact.Kind.RESPONSE));
                    }
                }
                case TicketEvent.TicketUrged u -> {
                    // urging asks for speed; it changes no clock
                }
                case TicketEvent.ApprovalDecided d -> {
                    // the decision also completes or returns from its node, whose events carry what the clocks need
                }
                case TicketEvent.AutomationRequested a -> {
                    // automations are not people
                }
            }
        }
        return new SlaHistory(created, facts, last, closedAt);
    }
}
