package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.baton.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cluster check at its scale: two Baton nodes' schedulers (built exactly as production builds them) on
 * one database, 1,000 timers falling due at the same moment, and each fires exactly once. The task is this test's
 * own, and the application's scheduler is paused meanwhile.
 */
class TimerClusterScaleIT extends IntegrationTest {

    private static final int TIMERS = 1_000;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock appClock;

    @Autowired
    Scheduler slaScheduler;

    @Test
    void aThousandTimersDueAtOnceOnTwoNodesFireExactlyOnceEach() {
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        OneTimeTask<Void> task = Tasks.oneTime("cluster-check-" + UUID.randomUUID())
                .execute((instance, context) -> {
                    fired.computeIfAbsent(instance.getId(), k -> new AtomicInteger())
                            .incrementAndGet();
                    byNode.computeIfAbsent(context.getExecution().pickedBy, k -> new AtomicInteger())
                            .incrementAndGet();
                });
        Scheduler a = TimerConfig.build(this.dataSource, this.appClock, Duration.ofHours(1), 4, "node-a", task);
        Scheduler b = TimerConfig.build(this.dataSource, this.appClock, Duration.ofHours(1), 4, "node-b", task);
        Instant due = this.appClock.instant().plus(Duration.ofMinutes(1));
        for (int i = 0; i < TIMERS; i++) {
            a.scheduleIfNotExists(task.instance("t" + i), due);
        }
        // the application's own node does not know this task; on PostgreSQL its lock-and-fetch poll could claim
        // some of these executions and sit on them, so it rests while the two nodes under test run
        this.slaScheduler.pause();
        a.start();
        b.start();
        try {
            this.clock.advance(Duration.ofMinutes(2));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        a.triggerCheckForDueExecutions();
                        b.triggerCheckForDueExecutions();
                        return fired.size() == TIMERS;
                    });
            a.triggerCheckForDueExecutions();
            b.triggerCheckForDueExecutions();
        } finally {
            a.stop();
            b.stop();
            this.slaScheduler.resume();
        }
        assertThat(fired).hasSize(TIMERS);
        assertThat(fired.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(byNode.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(TIMERS);
        assertThat(a.getScheduledExecutionsForTask(task.getName())).isEmpty();
    }
}
