package dev.baton.assignment.internal;

import dev.baton.platform.BusinessTime;
import dev.baton.platform.DurableTimers;
import dev.baton.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The pool's two durable timers, on the tenant's default business calendar: a ticket offered to the pool and not
 * grabbed within {@code escalateAfterMinutes} escalates ({@link PoolEscalation}); a grabbed ticket left untouched
 * for {@code returnAfterMinutes} goes back to the pool ({@link PoolReturn}). Each timer's key says what it is about,
 * and its handler checks that this still holds when it fires, so a ticket that moved on is left alone; the timers of
 * a ticket are also dropped as soon as it is grabbed, completes the node or closes.
 */
@Component
class PoolTimers {

    static final String ESCALATE = "pool-escalate";
    static final String RETURN = "pool-return";

    private final DurableTimers timers;
    private final BusinessTime time;
    private final PoolSettings settings;

    PoolTimers(DurableTimers timers, BusinessTime time, PoolSettings settings) {
        this.timers = timers;
        this.time = time;
        this.settings = settings;
    }

    /** Delivered by the ticket event relay inside its transaction, so a timer commits with the relay's cursor. */
    @EventListener
    void on(TicketEvent event) {
        switch (event) {
            case TicketEvent.TicketAssigned a
            when a.userId() == null && a.roleCode() == null && a.departmentId() == null -> {
                Integer minutes = this.settings.cached(a.tenantId()).escalateAfterMinutes();
                if (minutes != null) {
                    var key = new Offer(a.tenantId(), a.ticketId(), a.nodeId(), a.at());
                    this.timers.schedule(ESCALATE, key.text(), due(a.tenantId(), a.at(), minutes));
                }
            }
            // a creation's events hold the offer before the start node's completion: only this node's timers go
            case TicketEvent.NodeCompleted c ->
                cancel(c.tenantId(), prefix(c.tenantId(), c.ticketId()) + c.nodeId() + "|");
            case TicketEvent.TicketClosed c -> cancel(c.tenantId(), prefix(c.tenantId(), c.ticketId()));
            default -> {}
        }
    }

    /** A grab: the offer needs no escalation any more, and the grabber has a while to act. */
    void grabbed(long tenantId, long ticketId, String nodeId, int version, long userId, Instant at) {
        this.timers.cancel(ESCALATE, prefix(tenantId, ticketId) + nodeId + "|");
        Integer minutes = this.settings.cached(tenantId).returnAfterMinutes();
        if (minutes != null) {
            var key = new Grab(tenantId, ticketId, nodeId, version, userId);
            this.timers.schedule(RETURN, key.text(), due(tenantId, at, minutes));
        }
    }

    /**
     * Two deletes for every completed node were most of the event relay's statements; a tenant without pool timers
     * has none to delete. Timers left from before their settings were switched off check the settings as they fire.
     */
    private void cancel(long tenantId, String keyPrefix) {
        PoolSettingsView rules = this.settings.cached(tenantId);
        if (rules.escalateAfterMinutes() == null && rules.returnAfterMinutes() == null) {
            return;
        }
        this.timers.cancel(ESCALATE, keyPrefix);
        this.timers.cancel(RETURN, keyPrefix);
    }

    /** Business minutes on the default calendar; wall-clock minutes for a tenant without working time. */
    private Instant due(long tenantId, Instant from, int minutes) {
        return this.time
                .deadline(tenantId, from, Duration.ofMinutes(minutes).toString())
                .map(ZonedDateTime::toInstant)
                .orElse(from.plus(Duration.ofMinutes(minutes)));
    }

    private static String prefix(long tenantId, long ticketId) {
        return tenantId + "|" + ticketId + "|";
    }

    /** A ticket offered to the pool at one node at one moment. */
    record Offer(long tenantId, long ticketId, String nodeId, Instant offeredAt) {

        String text() {
            return prefix(this.tenantId, this.ticketId) + this.nodeId + "|" + this.offeredAt.toEpochMilli();
        }

        static Offer parse(String text) {
            String[] p = text.split("\\|");
            return new Offer(
                    Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], Instant.ofEpochMilli(Long.parseLong(p[3])));
        }
    }

    /** A grab, by the ticket's version right after it: any change since means someone acted. */
    record Grab(long tenantId, long ticketId, String nodeId, int version, long userId) {

        String text() {
            return prefix(this.tenantId, this.ticketId) + this.nodeId + "|" + this.version + "|" + this.userId;
        }

        static Grab parse(String text) {
            String[] p = text.split("\\|");
            return new Grab(
                    Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], Integer.parseInt(p[3]), Long.parseLong(p[4]));
        }
    }
}
