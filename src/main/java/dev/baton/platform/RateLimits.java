package dev.baton.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets by key (bucket4j), each refilled in full once per window, on the injected clock so tests move time
 * instead of waiting. Kept in memory per node: a cluster of n nodes lets n times as much through, still far below
 * what abuse needs, and nothing is shared or persisted. Idle keys are forgotten.
 */
public final class RateLimits {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    /**
     * @param forgetAfter how long an untouched key is kept (at least the longest window in use)
     * @param maxKeys how many keys at most, the least recently used going first
     */
    public RateLimits(Clock clock, Duration forgetAfter, long maxKeys) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(forgetAfter)
                .maximumSize(maxKeys)
                .build();
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

    /**
     * Takes one token from the key's bucket of {@code capacity} per {@code window}.
     *
     * @throws TooManyRequestsException naming {@code problemCode} and the seconds until the bucket refills
     */
    public void take(String key, int capacity, Duration window, String problemCode) {
        ConsumptionProbe probe = bucket(key, capacity, window).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(problemCode, seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** Takes one token if there is one, without refusing (counting failures rather than requests). */
    public void spend(String key, int capacity, Duration window) {
        bucket(key, capacity, window).tryConsume(1);
    }

    /** Seconds until the key's bucket has a token again; empty when it has one now or was never used. */
    public Optional<Long> retryAfter(String key) {
        Bucket bucket = this.buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    public void forget(String key) {
        this.buckets.invalidate(key);
    }

    private Bucket bucket(String key, int capacity, Duration window) {
        return this.buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillIntervally(capacity, window)
                                .build())
                        .withCustomTimePrecision(this.time)
                        .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, Duration.ofNanos(nanos).toSeconds());
    }
}
