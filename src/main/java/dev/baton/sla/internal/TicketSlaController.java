package dev.baton.sla.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import dev.baton.sla.BusinessCalendar;
import dev.baton.ticket.TicketOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tickets/{id}/sla}: whoever may see the ticket (the ticket module decides: 404 otherwise) sees
 * its SLA. An open ticket is computed at this moment from its facts; a closed one shows the result it closed with.
 */
@RestController
class TicketSlaController {

    private final TicketOperations tickets;
    private final SlaStore store;
    private final SlaTracker tracker;
    private final PolicyRepository policies;
    private final Clock clock;

    TicketSlaController(
            TicketOperations tickets, SlaStore store, SlaTracker tracker, PolicyRepository policies, Clock clock) {
        this.tickets = tickets;
        this.store = store;
        this.tracker = tracker;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/api/v1/tickets/{id}/sla")
    @Transactional(readOnly = true)
    TicketSlaView get(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        this.tickets.get(me, id);
        long tenant = me.tenantId();
        // an open ticket is computed at this moment from its history; a closed one shows what it closed with
        SlaTicketsRecord row = this.store.ticket(tenant, id).orElse(null);
        Instant now = this.clock.instant();
        Long policyId;
        BusinessCalendar calendar;
        List<SlaMetric> metrics;
        if (row == null || row.getClosedAt() == null) {
            SlaHistory history = this.tracker.history(tenant, id);
            if (history.closedAt() != null) {
                // closed with no clock running: nothing was kept
                return new TicketSlaView(id, null, null, List.of());
            }
            SlaTracker.Computed c = this.tracker.compute(tenant, history, now);
            policyId = c.policy() == null ? null : c.policy().id();
            calendar = c.calendar();
            metrics = c.metrics();
        } else {
            policyId = row.getPolicyId();
            var policy = policyId == null
                    ? null
                    : this.policies.find(tenant, policyId).orElse(null);
            calendar = this.tracker.calendar(tenant, policy == null ? null : policy.getCalendarId());
            metrics =
                    row.getResult() == null ? this.store.legacyMetrics(tenant, id) : this.store.result(row.getResult());
        }
        String name = policyId == null
                ? null
                : this.policies.find(tenant, policyId).map(r -> r.getName()).orElse(null);
        var firings = this.store.firings(tenant, id);
        List<TicketSlaView.Metric> out = new ArrayList<>();
        for (SlaMetric m : metrics) {
            List<TicketSlaView.Entry> history = new ArrayList<>();
            m.history().forEach(e -> history.add(new TicketSlaView.Entry(e.at(), e.event(), null)));
            firings.stream()
                    .filter(f -> f.metric().equals(m.metric()))
                    .forEach(f -> history.add(new TicketSlaView.Entry(
                            f.firedAt(),
                            f.kind(),
                            SlaStore.parseIds(f.recipients()).stream().sorted().toList())));
            history.sort(Comparator.comparing(TicketSlaView.Entry::at));
            out.add(metric(m, calendar, now, history));
        }
        return new TicketSlaView(id, policyId, name, out);
    }

    private static TicketSlaView.Metric metric(
            SlaMetric m, BusinessCalendar calendar, Instant now, List<TicketSlaView.Entry> history) {
        Instant end = m.stoppedAt() == null ? now : m.stoppedAt();
        Duration remaining = null;
        Duration overdue = null;
        if (end.isAfter(m.dueAt())) {
            overdue = calendar.elapsed(m.dueAt(), end);
        } else {
            remaining = calendar.elapsed(end, m.dueAt());
        }
        return new TicketSlaView.Metric(
                m.metric(),
                m.target().toString(),
                m.startedAt(),
                m.dueAt().atZone(calendar.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                m.state().code(),
                m.stoppedAt(),
                remaining == null ? null : remaining.toString(),
                remaining == null ? null : remaining.toMinutes(),
                overdue == null ? null : overdue.toString(),
                overdue == null ? null : overdue.toMinutes(),
                m.paused().toString(),
                history);
    }
}
