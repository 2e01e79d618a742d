package dev.baton.sla.internal;

import dev.baton.platform.Notification;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a ticket's next SLA moment comes: its clocks are computed now from its history, and each timer
 * that is due acts only if it still holds — the metric is open, not paused, and (for a reminder) its deadline not
 * yet passed; its firing is recorded (the key makes it once per deadline, whichever node runs it and however often)
 * and notified, all in one transaction with the ticket's row locked, which also moves the next moment on.
 */
@Component
class SlaFiring {

    private final SlaTracker tracker;
    private final SlaStore store;
    private final SlaRecipients recipients;
    private final SlaNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlaFiring(
            SlaTracker tracker,
            SlaStore store,
            SlaRecipients recipients,
            SlaNotices notices,
            TransactionTemplate tx,
            Clock clock) {
        this.tracker = tracker;
        this.store = store;
        this.recipients = recipients;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Looks at one ticket's clocks now: fires every timer that is due, holds and has not fired, then moves the
     * ticket's next moment to the earliest timer left.
     */
    void check(long tenantId, long ticketId) {
        this.tx.executeWithoutResult(s -> {
            SlaTicketsRecord row = this.store.lock(tenantId, ticketId).orElse(null);
            if (row == null || row.getClosedAt() != null) {
                return;
            }
            Instant now = this.clock.instant();
            SlaHistory history = this.tracker.history(tenantId, ticketId);
            SlaTracker.Computed c = this.tracker.compute(tenantId, history, now);
            List<SlaStore.Firing> fired = new ArrayList<>(this.store.firings(tenantId, ticketId));
            List<SlaClock.Timer> timers = new ArrayList<>(c.timers());
            timers.sort(java.util.Comparator.comparing(SlaClock.Timer::at));
            for (SlaClock.Timer t : timers) {
                if (t.at().isAfter(now) || SlaTracker.fired(t, fired)) {
                    continue;
                }
                SlaMetric metric = c.metrics().stream()
                        .filter(m -> m.metric().equals(t.metric()))
                        .findFirst()
                        .orElseThrow();
                if (holds(metric, t, now)) {
                    fired.add(fire(row, history, c, metric, t, now));
                }
            }
            // what is past and did not hold (a reminder after its deadline) is dropped with the rest of the past
            row.setDueAt(SlaTracker.next(c, fired, now));
            row.setPolicyId(c.policy() == null ? null : c.policy().id());
            this.store.updateTicket(row);
        });
    }

    private SlaStore.Firing fire(
            SlaTicketsRecord row,
            SlaHistory history,
            SlaTracker.Computed c,
            SlaMetric metric,
            SlaClock.Timer t,
            Instant now) {
        long tenantId = row.getTenantId();
        long ticketId = row.getTicketId();
        Instant due = Instant.ofEpochSecond(t.dueAt().getEpochSecond());
        PolicyDefinition definition =
                java.util.Objects.requireNonNull(c.policy()).definition();
        Set<Long> to = this.recipients.forKind(tenantId, history.facts(), t.metric(), t.kind(), definition);
        SlaStore.Firing firing = new SlaStore.Firing(t.metric(), t.kind(), due, now, SlaStore.ids(to));
        this.store.insertFiring(tenantId, ticketId, firing);
        if (!to.isEmpty()) {
            this.notices.send(new Notification(
                    tenantId,
                    t.kind(),
                    ticketId,
                    to,
                    variables(row, metric, c, t.kind(), definition),
                    "sla|t" + tenantId + "|" + ticketId + "|" + t.metric() + "|" + t.kind() + "|"
                            + due.getEpochSecond()));
        }
        return firing;
    }

    private static boolean holds(SlaMetric m, SlaClock.Timer t, Instant now) {
        if (!m.open() || m.state() == SlaMetric.State.PAUSED || !m.dueAt().equals(t.dueAt())) {
            return false;
        }
        if (t.kind().equals("reminder")) {
            return m.state() == SlaMetric.State.RUNNING && now.isBefore(m.dueAt());
        }
        return !now.isBefore(m.dueAt());
    }

    private Map<String, String> variables(
            SlaTicketsRecord row, SlaMetric m, SlaTracker.Computed c, String kind, PolicyDefinition d) {
        Map<String, String> v = new HashMap<>();
        v.put("sla.metric", m.metric());
        v.put("sla.dueAt", m.dueAt().atZone(c.calendar().zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        v.put("node.name", nodeName(row, m.metric()));
        String channels = "";
        if (kind.startsWith("escalated_l")) {
            int level = Integer.parseInt(kind.substring("escalated_l".length()));
            if (level <= d.escalations().size()) {
                channels = String.join(",", d.escalations().get(level - 1).channels());
            }
        }
        v.put("sla.channels", channels);
        return v;
    }

    private String nodeName(SlaTicketsRecord row, String metric) {
        if (!metric.startsWith(SlaMetric.NODE)) {
            return "";
        }
        String nodeId = metric.substring(SlaMetric.NODE.length());
        return this.tracker
                .node(row.getTenantId(), row.getTicketId(), nodeId)
                .map(n -> n.name())
                .orElse(nodeId);
    }
}
