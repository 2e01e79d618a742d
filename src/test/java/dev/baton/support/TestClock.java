package dev.baton.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move by hand instead of sleeping. It starts at the moment the test JVM started and
 * never moves by itself: the browser test's Chromium compares token expiry with the real clock, so
 * the server's idea of "now" must not lie in the past.
 */
public final class TestClock extends Clock {

    public static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private volatile Instant now = START;

    public void advance(Duration duration) {
        this.now = this.now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return this.now;
    }
}
