package dev.baton.sla.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * db-scheduler (core, wired here rather than by its Spring Boot 3 starter): it reads the application's
 * {@link Clock} — so tests move time instead of waiting — and writes through a transaction-aware DataSource, so a
 * timer scheduled while handling a ticket event commits or rolls back with it. Executions are claimed by
 * {@code SELECT … FOR UPDATE SKIP LOCKED} on PostgreSQL and by an optimistic update of their row on H2, so any number
 * of nodes on one database run each once; an execution that fell due while every node was down runs at the first
 * poll after start. The poll runs twice a second so that a timer fires within a second of its due time; it is one
 * indexed query.
 */
@Configuration(proxyBeanMethods = false)
class TimerConfig {

    /** Defaults of {@code baton.sla.timers.poll-interval} and {@code baton.sla.timers.threads}. */
    static final String POLL_INTERVAL = "PT0.5S";

    static final String THREADS = "4";

    static final Duration DEFAULT_POLL_INTERVAL = Duration.parse(POLL_INTERVAL);
    static final int DEFAULT_THREADS = Integer.parseInt(THREADS);

    /**
     * Executions of the SLA timers of V11–V28, one per reminder, breach and escalation, named
     * {@code t<tenant>|<ticket>|…}: each looks at its ticket (SLA moments are {@code sla_tickets.due_at} since, which
     * {@link SlaDue} polls).
     */
    static final String LEGACY_SLA_TASK = "sla-timer";

    @Bean
    OneTimeTask<Void> slaTimerTask(ObjectProvider<SlaFiring> firing) {
        return Tasks.oneTime(LEGACY_SLA_TASK).execute((instance, context) -> {
            String[] p = instance.getId().split("\\|");
            firing.getObject().check(Long.parseLong(p[0].substring(1)), Long.parseLong(p[1]));
        });
    }

    /** Other modules' timers ({@link dev.baton.platform.DurableTimers}), on the same scheduler. */
    @Bean
    OneTimeTask<Void> generalTimerTask(
            ObjectProvider<dev.baton.platform.DurableTimers.Handler> handlers,
            PlatformTransactionManager transactions) {
        var dispatch = new java.util.concurrent.atomic.AtomicReference<GeneralTimers.Dispatch>();
        return Tasks.oneTime(GeneralTimers.TASK)
                .execute((instance, context) -> dispatch.updateAndGet(d -> d != null
                                ? d
                                : new GeneralTimers.Dispatch(
                                        handlers.orderedStream().toList(), transactions))
                        .fire(instance.getId()));
    }

    @Bean(destroyMethod = "")
    Scheduler slaScheduler(
            DataSource dataSource,
            OneTimeTask<Void> slaTimerTask,
            OneTimeTask<Void> generalTimerTask,
            Clock clock,
            @Value("${baton.sla.timers.poll-interval:" + POLL_INTERVAL + "}") Duration pollInterval,
            @Value("${baton.sla.timers.threads:" + THREADS + "}") int threads) {
        return build(
                dataSource, clock, pollInterval, threads, "baton-" + UUID.randomUUID(), slaTimerTask, generalTimerTask);
    }

    /** Also used by tests that run a second node's scheduler on the same database. */
    static Scheduler build(
            DataSource dataSource, Clock clock, Duration pollInterval, int threads, String name, Task<?>... tasks) {
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks);
        if (postgres(dataSource)) {
            // one UPDATE … FOR UPDATE SKIP LOCKED … RETURNING claims a batch (threads × 1) for this node; the default
            // (select, then an optimistic update per execution) costs a statement more per timer: 100,000 timers
            // due at once fired at ~1,200/s that way and ~2,700/s this way (bench/timers.sh). H2 has neither the
            // statement nor db-scheduler support for it, so it keeps the default.
            builder = builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(pollInterval)
                .heartbeatInterval(Duration.ofMinutes(1))
                .threads(threads)
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database the timers run on", e);
        }
    }

    /** Starts polling once the application is up and stops before the DataSource closes. */
    @Bean
    SmartLifecycle slaSchedulerLifecycle(Scheduler slaScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                slaScheduler.start();
                this.running = true;
            }

            @Override
            public void stop() {
                slaScheduler.stop();
                this.running = false;
            }

            @Override
            public boolean isRunning() {
                return this.running;
            }

            // A db-scheduler Scheduler cannot start again once stopped, so it must not take part in pausing (Spring's
            // test context cache stops the lifecycle beans of an idle cached context and starts them on reuse).
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}
