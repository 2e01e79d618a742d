package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.POOL_ESCALATIONS;
import static dev.baton.platform.db.Tables.POOL_GRABS;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.DurableTimers;
import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import dev.baton.platform.OrgDirectory;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A ticket still in the pool when its escalation timer fires: the holders of the escalation role hear of it
 * ({@code pool_unclaimed}), the pool list marks it, and the audit log records it — once per offer, since the
 * escalation row's key is the offer.
 */
@Component
class PoolEscalation implements DurableTimers.Handler {

    static final int MAX_RECIPIENTS = 50;

    private final DSLContext db;
    private final PoolSettings settings;
    private final OrgDirectory org;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    PoolEscalation(
            DSLContext db, PoolSettings settings, OrgDirectory org, Notifier notifier, AuditTrail audit, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.org = org;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PoolTimers.ESCALATE;
    }

    @Override
    public void fire(String key) {
        PoolTimers.Offer offer = PoolTimers.Offer.parse(key);
        if (this.settings.cached(offer.tenantId()).escalateAfterMinutes() == null || !stillWaiting(offer)) {
            return;
        }
        int recorded = this.db
                .insertInto(POOL_ESCALATIONS)
                .set(POOL_ESCALATIONS.TENANT_ID, offer.tenantId())
                .set(POOL_ESCALATIONS.TICKET_ID, offer.ticketId())
                .set(POOL_ESCALATIONS.NODE_ID, offer.nodeId())
                .set(POOL_ESCALATIONS.OFFERED_AT, offer.offeredAt())
                .set(POOL_ESCALATIONS.ESCALATED_AT, this.clock.instant())
                .onConflictDoNothing()
                .execute();
        if (recorded == 0) {
            return;
        }
        PoolSettingsView rules = this.settings.cached(offer.tenantId());
        String role = rules.escalateRoleOrDefault();
        var recipients = new LinkedHashSet<>(this.org.usersWithRole(offer.tenantId(), role, MAX_RECIPIENTS));
        // the threshold crossed, in business minutes: what the supervisor set, not the night in between
        String waited = String.valueOf(java.util.Objects.requireNonNullElse(rules.escalateAfterMinutes(), 0));
        if (!recipients.isEmpty()) {
            this.notifier.notify(new Notification(
                    offer.tenantId(),
                    "pool_unclaimed",
                    offer.ticketId(),
                    recipients,
                    Map.of("node.id", offer.nodeId(), "pool.waitedMinutes", waited),
                    "pool-escalate|" + key));
        }
        this.audit.recordBySystem(
                offer.tenantId(),
                "assignment.pool.escalated",
                "ticket",
                offer.ticketId(),
                offer.nodeId() + " → " + role + " (" + recipients.size() + ")");
    }

    /** Still offered to the pool at that node, and nobody grabbed it since the offer. */
    private boolean stillWaiting(PoolTimers.Offer offer) {
        boolean inPool = this.db.fetchExists(this.db
                .selectOne()
                .from(TICKET_TASKS)
                .join(TICKETS)
                .on(TICKETS.TENANT_ID.eq(TICKET_TASKS.TENANT_ID), TICKETS.ID.eq(TICKET_TASKS.TICKET_ID))
                .where(
                        TICKET_TASKS.TENANT_ID.eq(offer.tenantId()),
                        TICKET_TASKS.TICKET_ID.eq(offer.ticketId()),
                        TICKET_TASKS.NODE_ID.eq(offer.nodeId()),
                        TICKET_TASKS.KIND.eq("task"),
                        TICKET_TASKS.USER_ID.isNull(),
                        TICKET_TASKS.ROLE_CODE.isNull(),
                        TICKET_TASKS.DEPARTMENT_ID.isNull(),
                        TICKETS.STATUS.in("open", "in_progress")));
        return inPool
                && !this.db.fetchExists(
                        POOL_GRABS,
                        POOL_GRABS.TENANT_ID.eq(offer.tenantId()),
                        POOL_GRABS.TICKET_ID.eq(offer.ticketId()),
                        POOL_GRABS.GRABBED_AT.ge(offer.offeredAt()));
    }
}
