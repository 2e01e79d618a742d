package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Who sees a ticket and who may work on it. A ticket is visible to callers whose data scope covers the
 * creator's department, to its creator, and to everyone who may work on it now (the user named on a task,
 * holders of a candidate role, members of a candidate department, and handlers for pool work), and to
 * everyone who took part in it (an action in its history). The same
 * rule is a SQL condition for lists, so paging and counts only ever see visible tickets.
 */
@Component
class TicketAccess {

    static final String HANDLE = "ticket.handle";
    static final String ASSIGN = "ticket.assign";

    private final OrgDirectory org;
    private final org.jooq.DSLContext db;

    TicketAccess(OrgDirectory org, org.jooq.DSLContext db) {
        this.org = org;
        this.db = db;
    }

    /** What an access decision needs about the caller, looked up once per request. */
    record Caller(CurrentUser me, Set<Long> departments, OrgDirectory.Visibility scope) {

        boolean mayWork(TaskRow r) {
            Long user = this.me.userId();
            if (r.userId() != null) {
                return r.userId().equals(user);
            }
            if (r.roleCode() != null) {
                return this.me.roleCodes().contains(r.roleCode());
            }
            if (r.departmentId() != null) {
                return this.departments.contains(r.departmentId());
            }
            return this.me.can(HANDLE);
        }

        boolean can(String permission) {
            return this.me.can(permission);
        }

        boolean isCreator(Loaded t) {
            return this.me.userId() != null && this.me.userId().equals(t.row().getCreatorId());
        }
    }

    /** Baton acting on its own: no user, supervisor rights, every ticket of the tenant in view. */
    static Caller system(long tenantId) {
        CurrentUser me =
                new CurrentUser(tenantId, "", null, "system", Set.of(HANDLE, ASSIGN), Set.of(), Set.of(), null);
        return new Caller(me, Set.of(), new OrgDirectory.Visibility(true, Set.of()));
    }

    Caller caller(CurrentUser me) {
        Set<Long> departments =
                me.userId() == null ? Set.of() : new HashSet<>(this.org.departmentsOf(me.tenantId(), me.userId()));
        return new Caller(me, departments, this.org.visibility(me));
    }

    boolean canSee(Caller c, Loaded t) {
        if (c.scope().all()
                || (t.row().getDepartmentId() != null
                        && c.scope().departmentIds().contains(t.row().getDepartmentId()))
                || c.isCreator(t)) {
            return true;
        }
        return t.tasks().stream().anyMatch(c::mayWork) || tookPart(c, t.row().getId());
    }

    private boolean tookPart(Caller c, long ticketId) {
        Long user = c.me().userId();
        return user != null
                && this.db.fetchExists(
                        TICKET_EVENTS,
                        TICKET_EVENTS.TENANT_ID.eq(c.me().tenantId()),
                        TICKET_EVENTS.ACTOR_ID.eq(user),
                        TICKET_EVENTS.TICKET_ID.eq(ticketId));
    }

    /** {@link #canSee} as a condition on {@code tickets}. */
    Condition visible(Caller c) {
        if (c.scope().all()) {
            return DSL.trueCondition();
        }
        long tenant = c.me().tenantId();
        List<Condition> any = new ArrayList<>();
        if (!c.scope().departmentIds().isEmpty()) {
            any.add(TICKETS.DEPARTMENT_ID.in(c.scope().departmentIds()));
        }
        if (c.me().userId() != null) {
            any.add(TICKETS.CREATOR_ID.eq(c.me().userId()));
            any.add(TICKETS.ID.in(DSL.select(TICKET_EVENTS.TICKET_ID)
                    .from(TICKET_EVENTS)
                    .where(TICKET_EVENTS.TENANT_ID.eq(tenant), TICKET_EVENTS.ACTOR_ID.eq(c.me().userId()))));
        }
        any.add(workable(c, true));
        return DSL.or(any);
    }

    /** Tickets the caller may work on now: the "mine" queue (including candidate and pool work). */
    Condition workable(Caller c, boolean includePool) {
        return TICKETS.ID.in(
                DSL.select(TICKET_TASKS.TICKET_ID).from(TICKET_TASKS).where(workTasks(c, includePool)));
    }

    /** The task rows the caller may work on now. */
    Condition workTasks(Caller c, boolean includePool) {
        List<Condition> work = new ArrayList<>();
        if (c.me().userId() != null) {
            work.add(TICKET_TASKS.USER_ID.eq(c.me().userId()));
        }
        work.add(TICKET_TASKS.USER_ID.isNull().and(TICKET_TASKS.ROLE_CODE.in(c.me().roleCodes())));
        if (!c.departments().isEmpty()) {
            work.add(TICKET_TASKS.USER_ID.isNull().and(TICKET_TASKS.DEPARTMENT_ID.in(c.departments())));
        }
        if (includePool && c.can(HANDLE)) {
            work.add(TICKET_TASKS
                    .USER_ID
                    .isNull()
                    .and(TICKET_TASKS.ROLE_CODE.isNull())
                    .and(TICKET_TASKS.DEPARTMENT_ID.isNull()));
        }
        return TICKET_TASKS.TENANT_ID.eq(c.me().tenantId()).and(DSL.or(work));
    }
}
