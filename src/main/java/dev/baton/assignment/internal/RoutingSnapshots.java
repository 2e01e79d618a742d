package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.ASSIGNMENT_KEYWORDS;
import static dev.baton.platform.db.Tables.ASSIGNMENT_RULES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each tenant's compiled rules and keyword automata, built on first use and kept until a rule or keyword
 * changes (on this node at once and again after commit; other nodes within a minute).
 */
@Component
class RoutingSnapshots {

    private final DSLContext db;
    private final AssignmentJson json;
    private final Cache<Long, RoutingSnapshot> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    RoutingSnapshots(DSLContext db, AssignmentJson json) {
        this.db = db;
        this.json = json;
    }

    RoutingSnapshot of(long tenantId) {
        return this.cache.get(tenantId, this::load);
    }

    private RoutingSnapshot load(long tenantId) {
        List<CompiledRule> rules = this.db
                .selectFrom(ASSIGNMENT_RULES)
                .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId), ASSIGNMENT_RULES.ENABLED.isTrue())
                .orderBy(ASSIGNMENT_RULES.POSITION, ASSIGNMENT_RULES.ID)
                .fetch(r -> CompiledRule.of(r.getId(), r.getName(), this.json.definition(r.getDefinition())));
        List<RoutingSnapshot.KeywordEntry> keywords = this.db
                .selectFrom(ASSIGNMENT_KEYWORDS)
                .where(ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId))
                .fetch(r -> new RoutingSnapshot.KeywordEntry(
                        r.getKeyword(),
                        r.getCategory(),
                        r.getTemplateId(),
                        r.getPriority(),
                        this.json.strings(r.getTags())));
        return RoutingSnapshot.of(rules, keywords);
    }

    void changed(long tenantId) {
        this.cache.invalidate(tenantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    RoutingSnapshots.this.cache.invalidate(tenantId);
                }
            });
        }
    }
}
