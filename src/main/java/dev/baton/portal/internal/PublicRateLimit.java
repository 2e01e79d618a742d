package dev.baton.portal.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
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

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();
    private final TimeMeter time;

    PublicRateLimit(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return Duration.ofMillis(clock.millis()).toNanos();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Counts one request from {@code address}; 429 once the minute's allowance is spent. */
    void check(String address) {
        ConsumptionProbe probe = this.buckets
                .get(
                        address,
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(PER_MINUTE)
                                        .refillGreedy(PER_MINUTE, Duration.ofMinutes(1))
                                        .build())
                                .withCustomTimePrecision(this.time)
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new TooManyRequestsException("public-rate-limited", seconds);
        }
    }
}
