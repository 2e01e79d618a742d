package dev.baton.org.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Saves four queries per request. Changes made on this node clear it at once ({@link OrgCaches}); on other nodes of a
 * cluster they show within the expiry, a few seconds.
 */
@Component
class PrincipalCache {

    private final Cache<String, Entry> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    /**
     * @param now the clock's time: an entry past its own validity (an expiring API key) counts as absent
     */
    Optional<CurrentUser> get(String key, Instant now, Supplier<Entry> loader) {
        Entry entry = this.cache.get(key, k -> loader.get());
        if (entry.validUntil() != null && !now.isBefore(entry.validUntil())) {
            return Optional.empty();
        }
        return entry.user();
    }

    void invalidateAll() {
        this.cache.invalidateAll();
    }

    /** A resolved caller (or none) and, for API keys with an expiry, until when it holds. */
    record Entry(Optional<CurrentUser> user, @Nullable Instant validUntil) {}
}
