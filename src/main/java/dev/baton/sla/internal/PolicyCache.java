package dev.baton.sla.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A tenant's SLA policies in list order, read once per tenant rather than once per ticket event, and briefly cached.
 * A change on this node ({@link SlaChanged}) clears the entry at once and again as it commits — before the
 * recomputation that follows the commit reads it, so that never sees the old list; other nodes see it within the
 * expiry.
 */
@Component
class PolicyCache {

    private final PolicyRepository policies;
    private final Cache<Long, List<SlaPolicy>> ordered = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    PolicyCache(PolicyRepository policies) {
        this.policies = policies;
    }

    List<SlaPolicy> ordered(long tenantId) {
        return this.ordered.get(
                tenantId,
                t -> this.policies.ordered(t).stream()
                        .map(this.policies::policy)
                        .toList());
    }

    /** Whether any policy is enabled: a tenant without one follows no ticket. */
    boolean any(long tenantId) {
        return ordered(tenantId).stream().anyMatch(SlaPolicy::enabled);
    }

    @EventListener
    void on(SlaChanged changed) {
        long tenant = changed.tenantId();
        this.ordered.invalidate(tenant);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    PolicyCache.this.ordered.invalidate(tenant);
                }

                @Override
                public int getOrder() {
                    // ahead of the after-commit recomputation
                    return Ordered.HIGHEST_PRECEDENCE;
                }
            });
        }
    }
}
