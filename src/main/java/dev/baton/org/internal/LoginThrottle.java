package dev.baton.org.internal;

import dev.baton.platform.RateLimits;
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

    private final RateLimits limits;

    LoginThrottle(Clock clock) {
        this.limits = new RateLimits(clock, WINDOW.multipliedBy(2), 100_000);
    }

    /** Seconds to wait before another attempt is allowed, if either limit is exhausted. */
    OptionalLong retryAfter(String account, String address) {
        long wait = Math.max(
                this.limits.retryAfter(accountKey(account)).orElse(0L),
                this.limits.retryAfter(addressKey(address)).orElse(0L));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    void failed(String account, String address) {
        this.limits.spend(accountKey(account), PER_ACCOUNT, WINDOW);
        this.limits.spend(addressKey(address), PER_ADDRESS, WINDOW);
    }

    void succeeded(String account) {
        this.limits.forget(accountKey(account));
    }

    private static String accountKey(String account) {
        return "a:" + account.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
