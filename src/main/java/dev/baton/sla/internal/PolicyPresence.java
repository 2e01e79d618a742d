package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_POLICIES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether a tenant has any enabled SLA policy, cached briefly: a tenant without one follows no ticket, so its ticket
 * events cost the SLA module one cache lookup instead of a transaction's worth of writes. A change on this node is
 * seen at once, on another within the expiry.
 */
@Component
class PolicyPresence {

    private final DSLContext db;
    private final Cache<Long, Boolean> enabled = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    PolicyPresence(DSLContext db) {
        this.db = db;
    }

    boolean any(long tenantId) {
        return this.enabled.get(
                tenantId,
                t -> this.db.fetchExists(
                        SLA_POLICIES, SLA_POLICIES.TENANT_ID.eq(t).and(SLA_POLICIES.ENABLED.isTrue())));
    }

    @EventListener
    void on(SlaChanged changed) {
        this.enabled.invalidate(changed.tenantId());
    }
}
