package dev.baton.sla.internal;

import dev.baton.flow.Node;
import dev.baton.flow.PublishedFlows;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessCalendars;
import dev.baton.sla.NoWorkingTimeException;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows tickets for their SLAs: each ticket event becomes facts ({@code sla_facts}), and the ticket's metrics and
 * timers are recomputed from all its facts. Runs inside the ticket module's delivery transaction (its relay
 * publishes the events there), so facts, metrics and timers commit with the delivery. Events come at least once
 * and in order per ticket: an event older than the last one read is a repeat, and a fact already stored for its
 * version is not stored again.
 *
 * <p>First response is the first human action after creation: accepting (open → in progress), a comment by someone
 * other than the creator, or moving the ticket on (completing a node). Closing stops it too.
 */
@Component
class SlaTracker {

    private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);

    private final SlaStore store;
    private final BusinessCalendars calendars;
    private final PublishedFlows flows;
    private final SlaTimers timers;
    private final Clock clock;
    private final PolicyCache cached;

    SlaTracker(
            SlaStore store,
            BusinessCalendars calendars,
            PublishedFlows flows,
            SlaTimers timers,
            Clock clock,
            PolicyCache cached) {
        this.store = store;
        this.calendars = calendars;
        this.flows = flows;
        this.timers = timers;
        this.clock = clock;
        this.cached = cached;
    }

    @EventListener
    void on(TicketEvent event) {
        long tenant = event.tenantId();
        long ticket = event.ticketId();
        if (!this.cached.any(tenant)) {
            // No policy, no SLA: tickets that run while a tenant has none are not followed, even once it has one.
            return;
        }
        SlaTicketsRecord row = this.store.lock(tenant, ticket).orElse(null);
        if (event instanceof TicketEvent.TicketCreated created) {
            if (row != null) {
                return;
            }
            row = new SlaTicketsRecord();
            row.setTenantId(tenant);
            row.setTicketId(ticket);
            row.setTemplateId(created.templateId());
            row.setPriority(created.priority());
            row.setSource(created.source());
            row.setCreatorId(created.creatorId());
            row.setFlowId(this.store.flowOf(tenant, ticket).map(FlowAt::flowId).orElse(null));
            row.setCreatedAt(created.at());
            row.setLastVersion(created.ticketVersion());
            this.store.insertTicket(row);
        } else if (row == null || event.ticketVersion() < row.getLastVersion()) {
            // a ticket from before SLAs were followed, or a repeated delivery
            return;
        }
        boolean added = false;
        for (Keyed k : facts(row, event)) {
            if (!this.store.hasFact(tenant, ticket, event.ticketVersion(), k.key())) {
                this.store.insertFact(tenant, ticket, event.ticketVersion(), k.key(), k.fact());
                added = true;
            }
        }
        if (!added) {
            return;
        }
        boolean wasClosed = row.getClosedAt() != null;
        row.setLastVersion(Math.max(row.getLastVersion(), event.ticketVersion()));
        if (event instanceof TicketEvent.TicketClosed closed) {
            row.setClosedAt(closed.at());
        } else if (event instanceof TicketEvent.TicketStatusChanged s
                && TicketStatus.ofCode(s.to()).map(TicketStatus::running).orElse(false)) {
            row.setClosedAt(null);
        }
        this.store.updateTicket(row);
        // a closed ticket keeps the result it closed with; the last event of the close itself still counts
        if (!wasClosed || row.getClosedAt() == null) {
            store(row, compute(row, this.clock.instant()), this.clock.instant());
        }
    }

    /** What the ticket's SLA is at {@code now}, from its facts, the first matching policy and its calendar. */
    Computed compute(SlaTicketsRecord row, Instant now) {
        long tenant = row.getTenantId();
        SlaPolicy.Subject subject =
                new SlaPolicy.Subject(row.getTemplateId(), row.getPriority(), row.getCustomerLevel(), row.getSource());
        List<SlaPolicy> ordered = this.cached.ordered(tenant);
        Optional<SlaPolicy> policy = SlaPolicy.firstMatch(ordered, subject);
        if (policy.isEmpty()) {
            return new Computed(null, BusinessCalendar.allDay(ZoneId.of(CalendarRules.DEFAULT_ZONE)), List.of());
        }
        BusinessCalendar calendar = calendar(tenant, policy.get().calendarId());
        List<SlaFact> facts = this.store.facts(tenant, row.getTicketId());
        try {
            return new Computed(
                    policy.get(), calendar, SlaClock.compute(facts, policy.get().targets(), calendar, now));
        } catch (NoWorkingTimeException e) {
            log.warn("ticket {} has no SLA deadline: {}", row.getTicketId(), e.getMessage());
            return new Computed(policy.get(), calendar, List.of());
        }
    }

    /** Stores the metrics and puts the timers that have not fired yet in place of the old ones. */
    void store(SlaTicketsRecord row, Computed c, Instant now) {
        long tenant = row.getTenantId();
        long ticket = row.getTicketId();
        SlaPolicy policy = c.policy();
        this.store.saveMetrics(tenant, ticket, policy == null ? null : policy.id(), c.metrics(), now);
        Long policyId = policy == null ? null : policy.id();
        if (!java.util.Objects.equals(row.getPolicyId(), policyId)) {
            row.setPolicyId(policyId);
            this.store.updateTicket(row);
        }
        List<SlaClock.Timer> plan = new ArrayList<>();
        if (policy != null && row.getClosedAt() == null) {
            var fired = this.store.firings(tenant, ticket);
            for (SlaMetric m : c.metrics()) {
                for (SlaClock.Timer t :
                        SlaClock.timers(m, c.calendar(), policy.reminderBefore(), policy.escalationOffsets())) {
                    boolean done = fired.stream()
                            .anyMatch(f -> f.metric().equals(t.metric())
                                    && f.kind().equals(t.kind())
                                    && f.dueAt().getEpochSecond() == t.dueAt().getEpochSecond());
                    if (!done) {
                        plan.add(t);
                    }
                }
            }
        }
        this.timers.replace(tenant, ticket, plan);
    }

    /** Recomputes one open ticket now (after a policy or calendar change). */
    void recompute(long tenantId, long ticketId) {
        this.store.lock(tenantId, ticketId).filter(r -> r.getClosedAt() == null).ifPresent(row -> {
            Instant now = this.clock.instant();
            store(row, compute(row, now), now);
        });
    }

    BusinessCalendar calendar(long tenantId, @Nullable Long calendarId) {
        Optional<BusinessCalendar> c = calendarId == null
                ? this.calendars.defaultFor(tenantId)
                : this.calendars.find(tenantId, calendarId).or(() -> this.calendars.defaultFor(tenantId));
        return c.orElseGet(() -> BusinessCalendar.allDay(ZoneId.of(CalendarRules.DEFAULT_ZONE)));
    }

    /** @param policy null when no policy matches: the ticket has no SLA */
    record Computed(@Nullable SlaPolicy policy, BusinessCalendar calendar, List<SlaMetric> metrics) {}

    private record Keyed(String key, SlaFact fact) {}

    private List<Keyed> facts(SlaTicketsRecord row, TicketEvent event) {
        Instant at = event.at();
        List<Keyed> out = new ArrayList<>();
        switch (event) {
            case TicketEvent.TicketCreated c -> out.add(new Keyed("created", SlaFact.of(at, SlaFact.Kind.CREATED)));
            case TicketEvent.NodeEntered e ->
                out.add(new Keyed(
                        "entered:" + e.nodeId(),
                        SlaFact.node(at, SlaFact.Kind.NODE_ENTERED, e.nodeId(), nodeSla(row, e.nodeId()))));
            case TicketEvent.NodeCompleted e -> {
                out.add(new Keyed(
                        "completed:" + e.nodeId(), SlaFact.node(at, SlaFact.Kind.NODE_COMPLETED, e.nodeId(), null)));
                // the start node completes as the ticket is created: that is not a response
                if (!this.store.hasFact(row.getTenantId(), row.getTicketId(), e.ticketVersion(), "created")) {
                    out.add(new Keyed("response", SlaFact.of(at, SlaFact.Kind.RESPONSE)));
                }
            }
            case TicketEvent.TicketAssigned a ->
                out.add(new Keyed(
                        "assigned:" + a.nodeId() + ":" + a.userId() + ":" + a.roleCode() + ":" + a.departmentId(),
                        new SlaFact(
                                at,
                                SlaFact.Kind.ASSIGNED,
                                null,
                                a.nodeId(),
                                null,
                                a.userId(),
                                a.departmentId(),
                                a.roleCode())));
            case TicketEvent.TicketStatusChanged s -> {
                out.add(new Keyed("status:" + s.to(), SlaFact.status(at, s.to())));
                if (s.from().equals(TicketStatus.OPEN.code()) && s.to().equals(TicketStatus.IN_PROGRESS.code())) {
                    out.add(new Keyed("response", SlaFact.of(at, SlaFact.Kind.RESPONSE)));
                }
            }
            case TicketEvent.TicketClosed c ->
                out.add(new Keyed(
                        "closed", new SlaFact(at, SlaFact.Kind.CLOSED, c.status(), null, null, null, null, null)));
            case TicketEvent.CommentAdded c -> {
                if (c.authorId() != null && !c.authorId().equals(row.getCreatorId())) {
                    out.add(new Keyed("response", SlaFact.of(at, SlaFact.Kind.RESPONSE)));
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
        return out;
    }

    /**
     * The entered node's own SLA, from the flow version the ticket is on now (read from its row: published versions
     * are immutable, so unlike "the newest version" this cannot be a stale cached answer).
     */
    private @Nullable String nodeSla(SlaTicketsRecord row, String nodeId) {
        return node(row.getTenantId(), row.getTicketId(), nodeId)
                .filter(n -> n instanceof Node.Task)
                .map(n -> ((Node.Task) n).sla())
                .map(dev.baton.flow.Sla::iso)
                .orElse(null);
    }

    Optional<Node> node(long tenantId, long ticketId, String nodeId) {
        return this.store
                .flowOf(tenantId, ticketId)
                .flatMap(f -> this.flows.version(tenantId, f.flowId(), f.version()))
                .map(r -> r.stepper().graph().nodes().get(nodeId));
    }

    /** The flow version a ticket runs on. */
    record FlowAt(long flowId, int version) {}
}
