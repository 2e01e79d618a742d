package dev.baton.sla.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.sla.BusinessCalendar;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Computable calendars by tenant and id (id 0: the tenant's default). A change on this node evicts the tenant's
 * entries at once and again after the transaction ends (so a read that slipped in before the commit does not
 * keep the old calendar); other nodes see the change within the expiry.
 */
@Component
class CalendarCache {

    static final long DEFAULT = 0;

    private final Cache<Key, Optional<BusinessCalendar>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Optional<BusinessCalendar> get(long tenantId, long calendarId, Supplier<Optional<BusinessCalendar>> load) {
        return this.cache.get(new Key(tenantId, calendarId), k -> load.get());
    }

    private final ApplicationEventPublisher events;

    CalendarCache(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Also tells the SLA clocks: open tickets are recomputed on the changed calendar once this commits. */
    void changed(long tenantId) {
        evict(tenantId);
        this.events.publishEvent(new SlaChanged(tenantId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict(tenantId);
                }
            });
        }
    }

    private void evict(long tenantId) {
        this.cache.asMap().keySet().removeIf(k -> k.tenantId() == tenantId);
    }

    private record Key(long tenantId, long calendarId) {}
}
