package dev.baton.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finds the tickets whose next SLA moment has come ({@code sla_tickets.due_at}, indexed) and looks at each
 * ({@link SlaFiring#check}), every {@code baton.sla.timers.poll-interval} (0.5 s) on every node. Nothing needs to
 * elect a node: looking at a ticket locks its row and a firing's key is once per deadline, so two nodes that find the
 * same ticket due notify once, and a node that goes down leaves nothing claimed behind (a single cluster-wide task
 * would stop every SLA until its death was noticed). A poll is one indexed query when nothing is due. The tickets a
 * poll finds are looked at by {@code baton.sla.timers.workers} threads (4): each look is its own short transaction
 * on its own ticket's row, and one thread left half the machine idle while a burst of deadlines drained.
 */
@Component
class SlaDue implements SmartLifecycle {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SlaDue.class);

    private final SlaStore store;
    private final SlaFiring firing;
    private final Clock clock;
    private final Duration interval;
    private final int workers;
    private volatile @org.jspecify.annotations.Nullable ExecutorService lookers;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile boolean paused;
    private volatile ScheduledExecutorService poller;

    SlaDue(
            SlaStore store,
            SlaFiring firing,
            Clock clock,
            @Value("${baton.sla.timers.poll-interval:" + TimerConfig.POLL_INTERVAL + "}") Duration interval,
            @Value("${baton.sla.timers.workers:4}") int workers) {
        this.store = store;
        this.firing = firing;
        this.clock = clock;
        this.interval = interval;
        this.workers = Math.max(1, workers);
    }

    /** Looks at every ticket due now (at the application clock's now); how many. */
    int run() {
        this.polling.lock(); // a poll of this node at a time: the scheduled one and a test's
        try {
            int looked = 0;
            List<SlaStore.Key> due;
            do {
                due = this.store.due(this.clock.instant(), BATCH);
                look(due);
                looked += due.size();
            } while (due.size() == BATCH && looked < 50 * BATCH);
            return looked;
        } finally {
            this.polling.unlock();
        }
    }

    /** Looks at each ticket, on the workers when there are several, and returns when every look has ended. */
    private void look(List<SlaStore.Key> due) {
        ExecutorService pool = this.workers > 1 && due.size() > 1 ? lookers() : null;
        if (pool == null) {
            due.forEach(this::lookAt);
            return;
        }
        // the batch in as many slices as there are workers, each in the poll's order (most overdue first)
        List<Callable<Void>> slices = new ArrayList<>();
        for (int w = 0; w < Math.min(this.workers, due.size()); w++) {
            int first = w;
            slices.add(() -> {
                for (int i = first; i < due.size(); i += this.workers) {
                    lookAt(due.get(i));
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(slices)) {
                f.get();
            }
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            due.forEach(this::lookAt); // stopped meanwhile: the caller's thread looks instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("an SLA worker failed; the next poll tries again", e.getCause());
        }
    }

    private void lookAt(SlaStore.Key k) {
        try {
            this.firing.check(k.tenantId(), k.ticketId());
        } catch (RuntimeException e) {
            // its moment stays: the next poll tries again
            log.warn("could not look at the SLA of ticket {}: {}", k.ticketId(), e.toString());
        }
    }

    private synchronized ExecutorService lookers() {
        ExecutorService pool = this.lookers;
        if (pool == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            pool = Executors.newFixedThreadPool(this.workers, r -> {
                Thread t = new Thread(r, "sla-look-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.lookers = pool;
        }
        return pool;
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
        ExecutorService pool;
        synchronized (this) {
            pool = this.lookers;
            this.lookers = null; // a restart makes new ones
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return this.poller != null;
    }
}
