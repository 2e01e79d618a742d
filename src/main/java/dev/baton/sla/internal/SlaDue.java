package dev.baton.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the tickets whose next SLA moment has come ({@code sla_tickets.due_at}, indexed) and looks at each
 * ({@link SlaFiring#check}), every {@code baton.sla.timers.poll-interval} (0.5 s) on every node. Nothing needs to
 * elect a node: looking at a ticket locks its row and a firing's key is once per deadline, so two nodes that find the
 * same ticket due notify once, and a node that goes down leaves nothing claimed behind (a single cluster-wide task
 * would stop every SLA until its death was noticed). A poll is one indexed query when nothing is due.
 */
@Component
class SlaDue implements SmartLifecycle {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SlaDue.class);

    private final SlaStore store;
    private final SlaFiring firing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile boolean paused;
    private volatile ScheduledExecutorService poller;

    SlaDue(
            SlaStore store,
            SlaFiring firing,
            TransactionTemplate tx,
            Clock clock,
            @Value("${baton.sla.timers.poll-interval:" + TimerConfig.POLL_INTERVAL + "}") Duration interval) {
        this.store = store;
        this.firing = firing;
        this.tx = tx;
        this.clock = clock;
        this.interval = interval;
    }

    /** Looks at every ticket due now (at the application clock's now); how many. */
    int run() {
        this.polling.lock(); // a poll of this node at a time: the scheduled one and a test's
        try {
            int looked = 0;
            List<SlaStore.Key> due;
            do {
                var now = this.clock.instant();
                due = java.util.Objects.requireNonNull(this.tx.execute(s -> this.store.due(now, BATCH)));
                for (SlaStore.Key k : due) {
                    try {
                        this.firing.check(k.tenantId(), k.ticketId());
                    } catch (RuntimeException e) {
                        // its moment stays: the next poll tries again
                        log.warn("could not look at the SLA of ticket {}: {}", k.ticketId(), e.toString());
                    }
                    looked++;
                }
            } while (due.size() == BATCH && looked < 50 * BATCH);
            return looked;
        } finally {
            this.polling.unlock();
        }
    }

    /** Stops and resumes this node's polling (tests: a node that is down). */
    void pause() {
        this.paused = true;
    }

    void resume() {
        this.paused = false;
    }

    @Override
    public void start() {
        ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sla-due");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(10, this.interval.toMillis());
        p.scheduleWithFixedDelay(
                () -> {
                    if (this.paused) {
                        return;
                    }
                    try {
                        run();
                    } catch (RuntimeException e) {
                        log.warn("the SLA poll failed; the next one tries again", e);
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
        this.poller = p;
    }

    @Override
    public void stop() {
        ScheduledExecutorService p = this.poller;
        this.poller = null;
        if (p != null) {
            p.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return this.poller != null;
    }
}
