package dev.baton.sla.internal;

import dev.baton.platform.Notification;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a due SLA timer does: recompute the ticket now and act only if the timer still holds — the metric is open,
 * not paused, its deadline is the one the timer was made for, and (for a reminder) not yet passed; then record the
 * firing (its key makes it once per deadline, whichever node runs it and however often) and notify, all in one
 * transaction. A stale timer does nothing.
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

    void fire(SlaTimers.Id id) {
        this.tx.executeWithoutResult(s -> {
            SlaTicketsRecord row = this.store.lock(id.tenantId(), id.ticketId()).orElse(null);
            if (row == null || row.getClosedAt() != null) {
                return;
            }
            Instant now = this.clock.instant();
            SlaTracker.Computed c = this.tracker.compute(row, now);
            SlaMetric metric = c.metrics().stream()
                    .filter(m -> m.metric().equals(id.metric()))
                    .findFirst()
                    .orElse(null);
            if (c.policy() == null || metric == null || !holds(metric, id, now)) {
                return;
            }
            Instant due = Instant.ofEpochSecond(id.dueAt().getEpochSecond());
            if (this.store.fired(id.tenantId(), id.ticketId(), id.metric(), id.kind(), due)) {
                return;
            }
            PolicyDefinition definition = c.policy().definition();
            Set<Long> to = this.recipients.forKind(
                    id.tenantId(), this.store.facts(id.tenantId(), id.ticketId()), id.metric(), id.kind(), definition);
            this.store.insertFiring(
                    id.tenantId(),
                    id.ticketId(),
                    new SlaStore.Firing(id.metric(), id.kind(), due, now, SlaStore.ids(to)));
            if (!to.isEmpty()) {
                this.notices.send(new Notification(
                        id.tenantId(),
                        id.kind(),
                        id.ticketId(),
                        to,
                        variables(row, metric, c, id.kind(), definition),
                        "sla|" + id.text()));
            }
            this.tracker.store(row, c, now);
        });
    }

    private static boolean holds(SlaMetric m, SlaTimers.Id id, Instant now) {
        if (!m.open()
                || m.state() == SlaMetric.State.PAUSED
                || m.dueAt().getEpochSecond() != id.dueAt().getEpochSecond()) {
            return false;
        }
        if (id.kind().equals("reminder")) {
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
