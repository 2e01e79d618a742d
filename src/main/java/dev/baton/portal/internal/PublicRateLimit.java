package dev.baton.portal.internal;

import dev.baton.platform.RateLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Keeps one client address from hammering the unauthenticated progress endpoints (or guessing tokens): 60 requests a
 * minute per address, then 429 with {@code Retry-After}. In memory per node, on the injected clock.
 */
@Component
class PublicRateLimit {

    static final int PER_MINUTE = 60;

    private final RateLimits limits;

    PublicRateLimit(Clock clock) {
        this.limits = new RateLimits(clock, Duration.ofMinutes(5), 100_000);
    }

    /** Counts one request from {@code address}; 429 once the minute's allowance is spent. */
    void check(String address) {
        this.limits.take(address, PER_MINUTE, Duration.ofMinutes(1), "public-rate-limited");
    }
}
