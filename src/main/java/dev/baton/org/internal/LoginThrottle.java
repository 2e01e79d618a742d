package dev.baton.org.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: 5 failed log-ins per account and 30 per client address within 15
 * minutes, then refusal until the window refills. Kept in memory per node (a cluster multiplies the
 * allowance by its size, still far below what guessing needs). Time comes from the injected clock.
 */
@Component
class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .maximumSize(100_000)
            .build();
    private final TimeMeter time;

    LoginThrottle(Clock clock) {
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

    /** Seconds to wait before another attempt is allowed, if either limit is exhausted. */
    OptionalLong retryAfter(String account, String address) {
        long wait = Math.max(waitNanos(accountKey(account), PER_ACCOUNT), waitNanos(addressKey(address), PER_ADDRESS));
        return wait > 0 ? OptionalLong.of(Math.max(1, Duration.ofNanos(wait).toSeconds())) : OptionalLong.empty();
    }

    void failed(String account, String address) {
        bucket(accountKey(account), PER_ACCOUNT).tryConsume(1);
        bucket(addressKey(address), PER_ADDRESS).tryConsume(1);
    }

    void succeeded(String account) {
        this.buckets.invalidate(accountKey(account));
    }

    private long waitNanos(String key, int capacity) {
        Bucket bucket = this.buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int capacity) {
        return this.buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillIntervally(capacity, WINDOW)
                                .build())
                        .withCustomTimePrecision(this.time)
                        .build());
    }

    private static String accountKey(String account) {
        return "a:" + account.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
