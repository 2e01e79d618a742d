package dev.baton.sla.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Opens {@link TimerConfig#build} to {@code dev.baton.bench.TimerBench}, so the bench runs the scheduler exactly as
 * production configures it (polling strategy, threads, heartbeat) rather than a copy that could drift.
 */
public final class BenchTimers {

    private BenchTimers() {}

    public static Scheduler build(
            DataSource dataSource, Clock clock, Duration pollInterval, int threads, String name, Task<?>... tasks) {
        return TimerConfig.build(dataSource, clock, pollInterval, threads, name, tasks);
    }

    /** The production defaults of {@code baton.sla.timers.poll-interval} and {@code baton.sla.timers.threads}. */
    public static Duration defaultPollInterval() {
        return TimerConfig.DEFAULT_POLL_INTERVAL;
    }

    public static int defaultThreads() {
        return TimerConfig.DEFAULT_THREADS;
    }
}
