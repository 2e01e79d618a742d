package dev.baton.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many messages one recipient may get on a channel: at most {@code max} within any span of {@code per} for
 * each window. The windows slide (any 60 seconds, not each clock minute), which also keeps within a provider that
 * counts per clock minute.
 */
record RateLimit(List<Window> windows) {

    /** WeCom's rule for application messages: 30 a minute and 1,000 an hour per member. */
    static final RateLimit WECOM =
            new RateLimit(List.of(new Window(30, Duration.ofMinutes(1)), new Window(1000, Duration.ofHours(1))));

    record Window(int max, Duration per) {}

    /** The recipient's sends so far, newest first. */
    interface SendLog {

        /** How many sends were counted after this moment. */
        int countAfter(Instant from);

        /** The moment of the n-th latest send (1: the latest); only asked for when there are at least n. */
        Instant latest(int n);
    }

    RateLimit {
        windows = List.copyOf(windows);
    }

    /**
     * When the next send is free, or empty when it is free now. A full window frees a send once its oldest send
     * inside it, the max-th latest, has left it.
     */
    Optional<Instant> busyUntil(Instant now, SendLog log) {
        Instant until = null;
        for (Window w : this.windows) {
            if (log.countAfter(now.minus(w.per())) >= w.max()) {
                Instant free = log.latest(w.max()).plus(w.per());
                if (until == null || free.isAfter(until)) {
                    until = free;
                }
            }
        }
        return Optional.ofNullable(until);
    }
}
