package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.AGENT_PROFILES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.db.tables.records.AgentProfilesRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Agent profiles (skills, region, availability, cap), read per tenant into memory: a decision over 2,000
 * candidates must not be 2,000 queries. A change on this node clears the tenant's entry at once and after
 * commit; other nodes see it within the expiry.
 */
@Component
class AgentProfiles {

    private final DSLContext db;
    private final AssignmentJson json;
    private final Cache<Long, Map<Long, Agents.AgentProfile>> byTenant = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    AgentProfiles(DSLContext db, AssignmentJson json) {
        this.db = db;
        this.json = json;
    }

    Map<Long, Agents.AgentProfile> all(long tenantId) {
        return this.byTenant.get(tenantId, this::load);
    }

    Optional<Agents.AgentProfile> find(long tenantId, long userId) {
        return Optional.ofNullable(all(tenantId).get(userId));
    }

    private Map<Long, Agents.AgentProfile> load(long tenantId) {
        Map<Long, Agents.AgentProfile> profiles = new LinkedHashMap<>();
        this.db
                .selectFrom(AGENT_PROFILES)
                .where(AGENT_PROFILES.TENANT_ID.eq(tenantId))
                .orderBy(AGENT_PROFILES.USER_ID)
                .forEach(r -> profiles.put(r.getUserId(), of(r)));
        return Map.copyOf(profiles);
    }

    Agents.AgentProfile of(AgentProfilesRecord r) {
        return new Agents.AgentProfile(
                r.getUserId(),
                this.json.strings(r.getSkills()),
                r.getRegion(),
                r.getStatus(),
                r.getStatusUntil(),
                r.getMaxOpen(),
                r.getVersion());
    }

    void changed(long tenantId) {
        this.byTenant.invalidate(tenantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    AgentProfiles.this.byTenant.invalidate(tenantId);
                }
            });
        }
    }
}
