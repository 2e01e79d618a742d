package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.AGENT_PROFILES;
import static dev.baton.platform.db.Tables.POOL_ESCALATIONS;
import static dev.baton.platform.db.Tables.POOL_GRABS;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.ForbiddenException;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.VersionConflictException;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool (工单池): tickets whose work names nobody, listed for handlers, and grabbed (抢单) through the ticket's
 * own {@code accept}, which is version-guarded: of concurrent grabs exactly one commits, the others are a 409
 * {@code pool-ticket-taken}. Per-user limits (a day's grabs, grabbed tickets held) are checked under a lock on the
 * grabber's profile row, so two grabs by one person cannot both slip under the limit.
 */
@Service
class Pool {

    static final java.util.Set<String> SORT_KEYS = java.util.Set.of("waitingSince", "priority");
    private static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

    private final DSLContext db;
    private final TicketOperations tickets;
    private final AgentProfiles profiles;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final PoolSettings settings;
    private final PoolTimers timers;

    Pool(
            DSLContext db,
            TicketOperations tickets,
            AgentProfiles profiles,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions,
            PoolSettings settings,
            PoolTimers timers) {
        this.settings = settings;
        this.timers = timers;
        this.db = db;
        this.tickets = tickets;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
    }

    private static Condition poolRow() {
        return TICKET_TASKS
                .KIND
                .eq("task")
                .and(TICKET_TASKS.USER_ID.isNull())
                .and(TICKET_TASKS.ROLE_CODE.isNull())
                .and(TICKET_TASKS.DEPARTMENT_ID.isNull());
    }

    /** When this offer of the ticket escalated, if it did ({@link PoolEscalation}). */
    private static Field<Instant> escalatedAt() {
        return DSL.field(DSL.select(DSL.max(POOL_ESCALATIONS.ESCALATED_AT))
                .from(POOL_ESCALATIONS)
                .where(
                        POOL_ESCALATIONS.TENANT_ID.eq(TICKET_TASKS.TENANT_ID),
                        POOL_ESCALATIONS.TICKET_ID.eq(TICKET_TASKS.TICKET_ID),
                        POOL_ESCALATIONS.NODE_ID.eq(TICKET_TASKS.NODE_ID),
                        POOL_ESCALATIONS.OFFERED_AT.ge(TICKET_TASKS.CREATED_AT)));
    }

    @Transactional(readOnly = true)
    PageResult<PoolTicket> list(long tenantId, PageQuery paging) {
        Condition where = TICKET_TASKS.TENANT_ID.eq(tenantId).and(poolRow());
        var order = paging.sortKey().equals("priority")
                ? DSL.when(TICKETS.PRIORITY.eq("urgent"), 3)
                        .when(TICKETS.PRIORITY.eq("high"), 2)
                        .when(TICKETS.PRIORITY.eq("normal"), 1)
                        .otherwise(0)
                : TICKET_TASKS.CREATED_AT;
        List<PoolTicket> items = this.db
                .select(
                        TICKETS.ID,
                        TICKETS.NUMBER,
                        TICKETS.TITLE,
                        TICKETS.PRIORITY,
                        TICKET_TASKS.NODE_ID,
                        TICKET_TASKS.CREATED_AT,
                        escalatedAt(),
                        TICKETS.VERSION)
                .from(TICKET_TASKS)
                .join(TICKETS)
                .on(TICKETS.TENANT_ID.eq(TICKET_TASKS.TENANT_ID), TICKETS.ID.eq(TICKET_TASKS.TICKET_ID))
                .where(where)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), TICKETS.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(r -> new PoolTicket(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8()));
        int total = this.db.fetchCount(this.db.selectOne().from(TICKET_TASKS).where(where));
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Grabs a pool ticket for the caller; 409 {@code pool-ticket-taken} when someone else was first. */
    TicketView grab(CurrentUser me, long ticketId) {
        Long user = me.userId();
        if (user == null) {
            throw new ForbiddenException("pool-grab-needs-user");
        }
        PoolSettingsView settings = this.settings.settings(me.tenantId());
        boolean limited = settings.dailyGrabLimit() != null || settings.maxHeld() != null;
        if (limited) {
            ensureProfile(me.tenantId(), user);
        }
        return java.util.Objects.requireNonNull(
                this.separate.execute(s -> grabOnce(me, user, ticketId, settings, limited)));
    }

    private TicketView grabOnce(CurrentUser me, long user, long ticketId, PoolSettingsView settings, boolean limited) {
        long tenant = me.tenantId();
        if (limited) {
            this.db
                    .select(AGENT_PROFILES.USER_ID)
                    .from(AGENT_PROFILES)
                    .where(AGENT_PROFILES.TENANT_ID.eq(tenant), AGENT_PROFILES.USER_ID.eq(user))
                    .forUpdate()
                    .fetch();
            checkLimits(tenant, user, settings);
        }
        TicketView view;
        try {
            view = this.tickets.get(me, ticketId);
        } catch (NotFoundException e) {
            throw takenOr(tenant, ticketId, e);
        }
        String node = view.nodes().stream()
                .filter(n -> n.handlers().stream()
                        .anyMatch(h -> h.kind().equals("task")
                                && h.userId() == null
                                && h.roleCode() == null
                                && h.departmentId() == null))
                .map(TicketView.NodeView::nodeId)
                .findFirst()
                .orElseThrow(() -> new ConflictException("pool-ticket-taken", view.number()));
        TicketView grabbed;
        try {
            grabbed = this.tickets.act(
                    me,
                    ticketId,
                    TicketAction.ACCEPT,
                    new ActionRequest(view.version(), node, null, null, null, null, null));
        } catch (VersionConflictException e) {
            throw new ConflictException("pool-ticket-taken", view.number());
        } catch (NotFoundException e) {
            throw takenOr(tenant, ticketId, e); // grabbed meanwhile, and outside the caller's scope now
        }
        Instant now = this.clock.instant();
        this.db
                .insertInto(POOL_GRABS)
                .set(POOL_GRABS.TENANT_ID, tenant)
                .set(POOL_GRABS.TICKET_ID, ticketId)
                .set(POOL_GRABS.USER_ID, user)
                .set(POOL_GRABS.GRABBED_AT, now)
                .execute();
        this.audit.record("assignment.pool.grab", "ticket", ticketId, view.number() + " @" + node);
        this.timers.grabbed(tenant, ticketId, node, grabbed.version(), user, now);
        return grabbed;
    }

    /**
     * A pool ticket someone else grabbed may be outside the caller's data scope now, so it looks missing; it was
     * in the pool, though, and the caller deserves to hear that it was taken.
     */
    private RuntimeException takenOr(long tenant, long ticketId, NotFoundException missing) {
        String number = this.db
                .select(TICKETS.NUMBER)
                .from(POOL_GRABS)
                .join(TICKETS)
                .on(TICKETS.TENANT_ID.eq(POOL_GRABS.TENANT_ID), TICKETS.ID.eq(POOL_GRABS.TICKET_ID))
                .where(POOL_GRABS.TENANT_ID.eq(tenant), POOL_GRABS.TICKET_ID.eq(ticketId))
                .limit(1)
                .fetchOne(TICKETS.NUMBER);
        return number == null ? missing : new ConflictException("pool-ticket-taken", number);
    }

    private void checkLimits(long tenant, long user, PoolSettingsView settings) {
        if (settings.dailyGrabLimit() != null) {
            Instant dayStart = this.clock
                    .instant()
                    .atZone(DAY_ZONE)
                    .toLocalDate()
                    .atStartOfDay(DAY_ZONE)
                    .toInstant();
            int today = this.db.fetchCount(
                    POOL_GRABS,
                    POOL_GRABS.TENANT_ID.eq(tenant),
                    POOL_GRABS.USER_ID.eq(user),
                    POOL_GRABS.GRABBED_AT.ge(dayStart));
            if (today >= settings.dailyGrabLimit()) {
                throw new ConflictException("pool-daily-limit", settings.dailyGrabLimit());
            }
        }
        if (settings.maxHeld() != null) {
            int held = this.db.fetchCount(this.db
                    .selectDistinct(POOL_GRABS.TICKET_ID)
                    .from(POOL_GRABS)
                    .join(TICKET_TASKS)
                    .on(
                            TICKET_TASKS.TENANT_ID.eq(POOL_GRABS.TENANT_ID),
                            TICKET_TASKS.TICKET_ID.eq(POOL_GRABS.TICKET_ID),
                            TICKET_TASKS.USER_ID.eq(POOL_GRABS.USER_ID))
                    .where(POOL_GRABS.TENANT_ID.eq(tenant), POOL_GRABS.USER_ID.eq(user)));
            if (held >= settings.maxHeld()) {
                throw new ConflictException("pool-held-limit", settings.maxHeld());
            }
        }
    }

    /** The row the limit lock is taken on, made in its own short transaction so a race never aborts a grab. */
    private void ensureProfile(long tenant, long user) {
        try {
            this.separate.executeWithoutResult(s -> {
                int created = this.db
                        .insertInto(AGENT_PROFILES)
                        .set(AGENT_PROFILES.TENANT_ID, tenant)
                        .set(AGENT_PROFILES.USER_ID, user)
                        .set(AGENT_PROFILES.UPDATED_AT, this.clock.instant())
                        .onConflictDoNothing()
                        .execute();
                if (created > 0) {
                    this.profiles.changed(tenant);
                }
            });
        } catch (DuplicateKeyException e) {
            // H2 emulates "on conflict do nothing" with MERGE, which racing inserts can still collide in.
        }
    }
}
