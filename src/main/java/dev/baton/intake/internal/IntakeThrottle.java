package dev.baton.intake.internal;

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
 * Rate limits of the public endpoints (bucket4j token buckets): per client address, per channel and, for SMS, per
 * phone. Kept in memory per node: a cluster of n nodes lets n times as much through, still far below what abuse
 * needs, and nothing is shared or persisted. Time comes from the injected clock.
 */
@Component
class IntakeThrottle {

    /** What is limited, with its allowance per address and per channel (the channel's is for all addresses). */
    enum Limit {
        CAPTCHA(30, 600, Duration.ofMinutes(1)),
        SMS(5, 300, Duration.ofMinutes(1)),
        SUBMIT(10, 300, Duration.ofMinutes(1));

        final int perAddress;
        final int perChannel;
        final Duration window;

        Limit(int perAddress, int perChannel, Duration window) {
            this.perAddress = perAddress;
            this.perChannel = perChannel;
            this.window = window;
        }
    }

    /** Texts per phone per hour, whatever the address: a phone number is the one thing a bot cannot vary cheaply. */
    static final int SMS_PER_PHONE_HOUR = 5;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();
    private final TimeMeter time;

    IntakeThrottle(Clock clock) {
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

    /** Takes one token from the address's and the channel's bucket; 429 with Retry-After when either is empty. */
    void acquire(Limit limit, String address, long tenantId, long channelId) {
        take("ip:" + limit + ":" + address, limit.perAddress, limit.window);
        take("ch:" + limit + ":" + tenantId + ":" + channelId, limit.perChannel, limit.window);
    }

    void acquirePhone(long tenantId, String phone) {
        take("phone:" + tenantId + ":" + phone, SMS_PER_PHONE_HOUR, Duration.ofHours(1));
    }

    private void take(String key, int capacity, Duration window) {
        Bucket bucket = this.buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillIntervally(capacity, window)
                                .build())
                        .withCustomTimePrecision(this.time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new TooManyRequestsException("intake-rate-limited", seconds);
        }
    }
}
