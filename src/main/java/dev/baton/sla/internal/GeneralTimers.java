package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SCHEDULED_TASKS;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.baton.platform.DurableTimers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DurableTimers} for other modules, on the same db-scheduler as the SLA timers: one execution of the task
 * {@value #TASK} per timer, named {@code <kind>|<key>}, handed to the {@link DurableTimers.Handler} of its kind.
 */
@Component
class GeneralTimers implements DurableTimers {

    static final String TASK = "timer";
    private static final Logger log = LoggerFactory.getLogger(GeneralTimers.class);

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final DSLContext db;

    GeneralTimers(SchedulerClient scheduler, OneTimeTask<Void> generalTimerTask, DSLContext db) {
        this.scheduler = scheduler;
        this.task = generalTimerTask;
        this.db = db;
    }

    @Override
    public void schedule(String kind, String key, Instant at) {
        this.scheduler.scheduleIfNotExists(this.task.instance(name(kind, key)), at);
    }

    @Override
    public void cancel(String kind, String keyPrefix) {
        this.db
                .deleteFrom(SCHEDULED_TASKS)
                .where(
                        SCHEDULED_TASKS.TASK_NAME.eq(TASK),
                        SCHEDULED_TASKS.TASK_INSTANCE.startsWith(name(kind, keyPrefix)),
                        SCHEDULED_TASKS.PICKED.isFalse())
                .execute();
    }

    /** The waiting timers of one kind, by key (for tests and views). */
    List<String> waiting(String kind) {
        String prefix = name(kind, "");
        return this.db
                .select(SCHEDULED_TASKS.TASK_INSTANCE)
                .from(SCHEDULED_TASKS)
                .where(SCHEDULED_TASKS.TASK_NAME.eq(TASK), SCHEDULED_TASKS.TASK_INSTANCE.startsWith(prefix))
                .fetch(r -> r.value1().substring(prefix.length()));
    }

    private static String name(String kind, String key) {
        if (kind.isEmpty() || kind.contains("|")) {
            throw new IllegalArgumentException("timer kind must be a non-empty name without '|': " + kind);
        }
        return kind + "|" + key;
    }

    /** Runs one fired timer through its kind's handler, in a transaction. */
    static final class Dispatch {

        private final Map<String, DurableTimers.Handler> handlers;
        private final TransactionTemplate transactions;

        Dispatch(List<DurableTimers.Handler> handlers, PlatformTransactionManager transactions) {
            this.handlers = handlers.stream()
                    .collect(Collectors.toUnmodifiableMap(DurableTimers.Handler::kind, Function.identity()));
            this.transactions = new TransactionTemplate(transactions);
        }

        void fire(String instance) {
            int bar = instance.indexOf('|');
            DurableTimers.Handler handler = bar < 0 ? null : this.handlers.get(instance.substring(0, bar));
            if (handler == null) {
                // a kind whose module is gone: nothing can act on it, and retrying would not change that
                log.warn("no handler for timer {}; dropped", instance);
                return;
            }
            String key = instance.substring(bar + 1);
            this.transactions.executeWithoutResult(s -> handler.fire(key));
        }
    }
}
