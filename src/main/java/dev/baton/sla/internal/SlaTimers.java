package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SCHEDULED_TASKS;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A ticket's durable SLA timers, one db-scheduler execution each, named
 * {@code t<tenant>|<ticket>|<metric>|<kind>|<due epoch second>}. Rescheduling drops the ticket's waiting executions
 * and adds the current plan, in the caller's transaction (db-scheduler writes through a transaction-aware
 * DataSource), so a rolled-back change leaves the old timers. An execution already picked by a scheduler is left
 * alone; since the due time is part of its name, a new plan never collides with it unless it is the same timer.
 */
@Component
class SlaTimers {

    static final String TASK = "sla-timer";

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final DSLContext db;

    SlaTimers(SchedulerClient scheduler, OneTimeTask<Void> slaTimerTask, DSLContext db) {
        this.scheduler = scheduler;
        this.task = slaTimerTask;
        this.db = db;
    }

    void replace(long tenantId, long ticketId, List<SlaClock.Timer> timers) {
        cancel(tenantId, ticketId);
        for (SlaClock.Timer t : timers) {
            this.scheduler.scheduleIfNotExists(
                    this.task.instance(Id.of(tenantId, ticketId, t).text()), t.at());
        }
    }

    void cancel(long tenantId, long ticketId) {
        this.db
                .deleteFrom(SCHEDULED_TASKS)
                .where(
                        SCHEDULED_TASKS.TASK_NAME.eq(TASK),
                        SCHEDULED_TASKS.TASK_INSTANCE.startsWith(prefix(tenantId, ticketId)),
                        SCHEDULED_TASKS.PICKED.isFalse())
                .execute();
    }

    /** The timers waiting for one ticket, for tests and the SLA view. */
    List<Id> waiting(long tenantId, long ticketId) {
        return this.db
                .select(SCHEDULED_TASKS.TASK_INSTANCE)
                .from(SCHEDULED_TASKS)
                .where(
                        SCHEDULED_TASKS.TASK_NAME.eq(TASK),
                        SCHEDULED_TASKS.TASK_INSTANCE.startsWith(prefix(tenantId, ticketId)))
                .fetch(r -> Id.parse(r.value1()));
    }

    private static String prefix(long tenantId, long ticketId) {
        return "t" + tenantId + "|" + ticketId + "|";
    }

    /** What a timer execution is about, written into its instance name. */
    record Id(long tenantId, long ticketId, String metric, String kind, Instant dueAt) {

        static Id of(long tenantId, long ticketId, SlaClock.Timer t) {
            return new Id(tenantId, ticketId, t.metric(), t.kind(), t.dueAt());
        }

        String text() {
            return prefix(this.tenantId, this.ticketId) + this.metric + "|" + this.kind + "|"
                    + this.dueAt.getEpochSecond();
        }

        static Id parse(String text) {
            String[] p = text.split("\\|");
            return new Id(
                    Long.parseLong(p[0].substring(1)),
                    Long.parseLong(p[1]),
                    p[2],
                    p[3],
                    Instant.ofEpochSecond(Long.parseLong(p[4])));
        }
    }
}
