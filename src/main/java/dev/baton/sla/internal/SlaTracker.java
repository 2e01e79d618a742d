package dev.baton.sla.internal;

import dev.baton.flow.Node;
import dev.baton.flow.PublishedFlows;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessCalendars;
import dev.baton.sla.NoWorkingTimeException;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketEventBatch;
import dev.baton.ticket.TicketEventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows tickets for their SLAs. A ticket's clocks are a pure function of its logged history ({@link SlaHistory}),
 * the first matching policy and its calendar ({@link SlaClock}), so what is stored is only what cannot be derived:
 * the next moment the clocks need looking at ({@code sla_tickets.due_at}, which {@link SlaDue} polls) and, once the
 * ticket closes, the metrics it keeps whatever later happens to policies and calendars ({@code result}).
 *
 * <p>Runs once per delivery round of the ticket module's relay, inside its transaction ({@link TicketEventBatch}),
 * for all the round's tickets at once: one read of their rows (locked), one of their histories, and one batch of
 * writes for the rows whose next moment, policy or close changed — usually none: a ticket's row is written when it
 * starts being followed, when its next moment moves and when it closes.
 */
@Component
class SlaTracker {

    private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);

    private final SlaStore store;
    private final BusinessCalendars calendars;
    private final PublishedFlows flows;
    private final Clock clock;
    private final PolicyCache cached;
    private final TicketEventLog events;

    SlaTracker(
            SlaStore store,
            BusinessCalendars calendars,
            PublishedFlows flows,
            Clock clock,
            PolicyCache cached,
            TicketEventLog events) {
        this.store = store;
        this.calendars = calendars;
        this.flows = flows;
        this.clock = clock;
        this.cached = cached;
        this.events = events;
    }

    @EventListener
    void on(TicketEventBatch batch) {
        Map<Long, Set<Long>> byTenant = new LinkedHashMap<>();
        for (TicketEvent e : batch.events()) {
            // no policy, no SLA: a tenant without one pays one cache lookup per event
            if (this.cached.any(e.tenantId())) {
                byTenant.computeIfAbsent(e.tenantId(), k -> new TreeSet<>()).add(e.ticketId());
            }
        }
        Instant now = this.clock.instant();
        // the round's tickets as far as the round delivered them: what this node delivered needs no read
        byTenant.forEach((tenant, tickets) -> follow(tenant, tickets, now, this.events::historyAsDelivered));
    }

    /** Brings the rows of these tickets up to date with their whole logged history (in the caller's transaction). */
    void follow(long tenant, Collection<Long> tickets, Instant now) {
        follow(tenant, tickets, now, this.events::history);
    }

    private void follow(long tenant, Collection<Long> tickets, Instant now, Histories read) {
        Map<Long, SlaTicketsRecord> rows = this.store.lock(tenant, tickets); // before the histories: a firing waits
        Map<Long, List<TicketEvent>> histories = read.of(tenant, tickets);
        List<SlaTicketsRecord> added = new ArrayList<>();
        List<SlaTicketsRecord> changed = new ArrayList<>();
        histories.forEach((ticket, events) -> {
            SlaTicketsRecord row = rows.get(ticket);
            SlaHistory h = history(tenant, ticket, events);
            if (h.created() == null || (row != null && row.getClosedAt() != null && h.closedAt() != null)) {
                return; // nothing to go by, or closed already: a closed ticket keeps the result it closed with
            }
            Computed c = compute(tenant, h, now);
            if (row == null) {
                if (c.metrics().isEmpty()) {
                    return; // no clock runs for it: nothing to remember
                }
                row = newRow(tenant, ticket, h);
                apply(row, h, c, now);
                added.add(row);
            } else if (apply(row, h, c, now)) {
                changed.add(row);
            }
        });
        this.store.save(added, changed);
    }

    /** {@link TicketEventLog#history} or {@link TicketEventLog#historyAsDelivered}. */
    @FunctionalInterface
    private interface Histories {
        Map<Long, List<TicketEvent>> of(long tenant, Collection<Long> tickets);
    }

    /**
     * Puts the ticket's current state into its row: the policy, the close (with the metrics it keeps) or the next
     * moment a timer is due. Whether anything changed (the version the row was brought to alone is not worth a
     * write).
     */
    private boolean apply(SlaTicketsRecord row, SlaHistory h, Computed c, Instant now) {
        Long policy = c.policy() == null ? null : c.policy().id();
        Instant closed = h.closedAt();
        String result = closed == null ? null : this.store.result(c.metrics());
        Instant due = closed == null ? next(c, List.of(), null) : null;
        if (due != null && due.isBefore(now)) {
            // a timer in the past: it may have fired already (only then are the firings worth reading)
            due = next(c, this.store.firings(row.getTenantId(), row.getTicketId()), null);
        }
        // as the database keeps them, so that an unchanged moment compares equal
        closed = micros(closed);
        due = micros(due);
        boolean changed = !Objects.equals(row.getPolicyId(), policy)
                || !Objects.equals(row.getClosedAt(), closed)
                || !Objects.equals(row.getResult(), result)
                || !Objects.equals(row.getDueAt(), due);
        row.setPolicyId(policy);
        row.setClosedAt(closed);
        row.setResult(result);
        row.setDueAt(due);
        row.setLastVersion(Math.max(row.getLastVersion() == null ? 0 : row.getLastVersion(), h.lastVersion()));
        return changed;
    }

    private static @Nullable Instant micros(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static SlaTicketsRecord newRow(long tenant, long ticket, SlaHistory h) {
        TicketEvent.TicketCreated created = Objects.requireNonNull(h.created());
        SlaTicketsRecord row = new SlaTicketsRecord();
        row.setTenantId(tenant);
        row.setTicketId(ticket);
        row.setTemplateId(created.templateId());
        row.setPriority(created.priority());
        row.setSource(created.source());
        row.setCreatorId(created.creatorId());
        row.setCreatedAt(created.at());
        row.setLastVersion(h.lastVersion());
        return row;
    }

    /**
     * The earliest moment one of the clocks' timers is due and has not fired, or null when none is left. A timer
     * in the past that has not fired (the node was down, or a policy change moved a deadline back) is due now.
     *
     * @param after only timers later than this (a look at the ticket has just dealt with the rest); null for all
     */
    static @Nullable Instant next(Computed c, List<SlaStore.Firing> fired, @Nullable Instant after) {
        Instant next = null;
        for (SlaClock.Timer t : c.timers()) {
            if ((after == null || t.at().isAfter(after))
                    && !fired(t, fired)
                    && (next == null || t.at().isBefore(next))) {
                next = t.at();
            }
        }
        return next;
    }

    static boolean fired(SlaClock.Timer t, List<SlaStore.Firing> fired) {
        return fired.stream()
                .anyMatch(f -> f.metric().equals(t.metric())
                        && f.kind().equals(t.kind())
                        && f.dueAt().getEpochSecond() == t.dueAt().getEpochSecond());
    }

    /** The ticket's history as the clocks read it, from the event log. */
    SlaHistory history(long tenant, long ticket) {
        return history(
                tenant, ticket, this.events.history(tenant, List.of(ticket)).getOrDefault(ticket, List.of()));
    }

    private SlaHistory history(long tenant, long ticket, List<TicketEvent> events) {
        return SlaHistory.of(events, e -> nodeSla(tenant, ticket, e.nodeId()));
    }

    /** What the ticket's SLA is at {@code now}, from its history, the first matching policy and its calendar. */
    Computed compute(long tenant, SlaHistory h, Instant now) {
        Optional<SlaPolicy> policy =
                h.created() == null ? Optional.empty() : SlaPolicy.firstMatch(this.cached.ordered(tenant), h.subject());
        if (policy.isEmpty()) {
            return new Computed(null, BusinessCalendar.allDay(ZoneId.of(CalendarRules.DEFAULT_ZONE)), List.of());
        }
        BusinessCalendar calendar = calendar(tenant, policy.get().calendarId());
        try {
            return new Computed(
                    policy.get(),
                    calendar,
                    SlaClock.compute(h.facts(), policy.get().targets(), calendar, now));
        } catch (NoWorkingTimeException e) {
            log.warn("a ticket of tenant {} has no SLA deadline: {}", tenant, e.getMessage());
            return new Computed(policy.get(), calendar, List.of());
        }
    }

    BusinessCalendar calendar(long tenantId, @Nullable Long calendarId) {
        Optional<BusinessCalendar> c = calendarId == null
                ? this.calendars.defaultFor(tenantId)
                : this.calendars.find(tenantId, calendarId).or(() -> this.calendars.defaultFor(tenantId));
        return c.orElseGet(() -> BusinessCalendar.allDay(ZoneId.of(CalendarRules.DEFAULT_ZONE)));
    }

    /** @param policy null when no policy matches: the ticket has no SLA */
    record Computed(@Nullable SlaPolicy policy, BusinessCalendar calendar, List<SlaMetric> metrics) {

        /** Every timer of the open clocks: reminders, breaches and escalations. */
        List<SlaClock.Timer> timers() {
            List<SlaClock.Timer> out = new ArrayList<>();
            if (this.policy != null) {
                for (SlaMetric m : this.metrics) {
                    out.addAll(SlaClock.timers(
                            m, this.calendar, this.policy.reminderBefore(), this.policy.escalationOffsets()));
                }
            }
            return out;
        }
    }

    /**
     * A node's own SLA for a node entered before events carried it: from the flow version the ticket runs on now
     * (published versions are immutable, so this is never a stale cached answer).
     */
    private @Nullable String nodeSla(long tenantId, long ticketId, String nodeId) {
        return node(tenantId, ticketId, nodeId)
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
