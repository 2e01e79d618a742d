package dev.baton.intake.internal;

import dev.baton.platform.RateLimits;
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

    private final RateLimits limits;

    IntakeThrottle(Clock clock) {
        this.limits = new RateLimits(clock, Duration.ofHours(2), 200_000);
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
        this.limits.take(key, capacity, window, "intake-rate-limited");
    }
}
