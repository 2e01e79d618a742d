package dev.baton.sla.internal;

import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One SLA clock of a ticket at a moment: {@code first_response}, {@code resolution} or {@code node:<id>}.
 *
 * @param dueAt when it falls (or fell) due; while paused, as if the pause ended now
 * @param stoppedAt when it was met or ended breached; null while it runs
 * @param paused business time spent paused, by which the deadline moved
 */
record SlaMetric(
        String metric,
        BusinessDuration target,
        Instant startedAt,
        Instant dueAt,
        State state,
        @Nullable Instant stoppedAt,
        Duration paused,
        List<Entry> history) {

    enum State {
        RUNNING,
        PAUSED,
        MET,
        BREACHED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code started}, {@code paused}, {@code resumed}, {@code breached}, {@code met}, {@code restarted}. */
    record Entry(Instant at, String event) {}

    static final String FIRST_RESPONSE = "first_response";
    static final String RESOLUTION = "resolution";
    static final String NODE = "node:";

    /** Still counting or waiting: a stopped metric's result is final. */
    boolean open() {
        return this.stoppedAt == null;
    }
}
