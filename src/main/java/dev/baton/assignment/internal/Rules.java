package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.ASSIGNMENT_RULES;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.AssignmentRulesRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeping the ordered routing rules: checked, version-guarded, audited, and the routing snapshot told. */
@Service
class Rules {

    static final Set<String> SORT_KEYS = Set.of("position", "name", "updatedAt");
    private static final Map<String, Field<?>> SORT_COLUMNS = Map.of(
            "position", ASSIGNMENT_RULES.POSITION,
            "name", ASSIGNMENT_RULES.NAME,
            "updatedAt", ASSIGNMENT_RULES.UPDATED_AT);

    private final DSLContext db;
    private final RuleChecks checks;
    private final AssignmentJson json;
    private final RoutingSnapshots snapshots;
    private final DatabaseCursors cursors;
    private final AuditTrail audit;
    private final Clock clock;

    Rules(
            DSLContext db,
            RuleChecks checks,
            AssignmentJson json,
            RoutingSnapshots snapshots,
            DatabaseCursors cursors,
            AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.checks = checks;
        this.json = json;
        this.snapshots = snapshots;
        this.cursors = cursors;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<RuleView> list(long tenantId, PageQuery paging) {
        Field<?> column = SORT_COLUMNS.get(paging.sortKey());
        SortField<?> order = paging.ascending() ? column.asc() : column.desc();
        List<RuleView> items = this.db
                .selectFrom(ASSIGNMENT_RULES)
                .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId))
                .orderBy(order, ASSIGNMENT_RULES.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(this::view);
        int total = this.db.fetchCount(ASSIGNMENT_RULES, ASSIGNMENT_RULES.TENANT_ID.eq(tenantId));
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    RuleView get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    @Transactional
    RuleView create(long tenantId, RuleCommand cmd) {
        RuleDefinition definition = this.checks.check(tenantId, cmd);
        String name = cmd.name().strip();
        nameFree(tenantId, name, null);
        Integer last = this.db
                .select(org.jooq.impl.DSL.max(ASSIGNMENT_RULES.POSITION))
                .from(ASSIGNMENT_RULES)
                .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId))
                .fetchOne(0, Integer.class);
        Instant now = this.clock.instant();
        long id = this.db
                .insertInto(ASSIGNMENT_RULES)
                .set(ASSIGNMENT_RULES.TENANT_ID, tenantId)
                .set(ASSIGNMENT_RULES.NAME, name)
                .set(ASSIGNMENT_RULES.POSITION, last == null ? 0 : last + 1)
                .set(ASSIGNMENT_RULES.ENABLED, cmd.enabled() == null || cmd.enabled())
                .set(ASSIGNMENT_RULES.DEFINITION, this.json.write(definition))
                .set(ASSIGNMENT_RULES.CREATED_AT, now)
                .set(ASSIGNMENT_RULES.UPDATED_AT, now)
                .set(ASSIGNMENT_RULES.VERSION, 0)
                .returning(ASSIGNMENT_RULES.ID)
                .fetchOne(ASSIGNMENT_RULES.ID);
        this.cursors.create(tenantId, "rule:" + id);
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.rule.create", "assignment_rule", id, name);
        return get(tenantId, id);
    }

    @Transactional
    RuleView update(long tenantId, long id, RuleCommand cmd) {
        AssignmentRulesRecord row = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        if (row.getVersion() != cmd.version().intValue()) {
            throw new VersionConflictException("assignment_rule", id, row.getVersion());
        }
        RuleDefinition definition = this.checks.check(tenantId, cmd);
        String name = cmd.name().strip();
        nameFree(tenantId, name, id);
        boolean updated = OptimisticLock.execute(
                this.db
                        .update(ASSIGNMENT_RULES)
                        .set(ASSIGNMENT_RULES.NAME, name)
                        .set(ASSIGNMENT_RULES.ENABLED, cmd.enabled() == null || cmd.enabled())
                        .set(ASSIGNMENT_RULES.DEFINITION, this.json.write(definition))
                        .set(ASSIGNMENT_RULES.UPDATED_AT, this.clock.instant()),
                ASSIGNMENT_RULES,
                tenantId,
                id,
                cmd.version());
        if (!updated) {
            throw new VersionConflictException(
                    "assignment_rule", id, row(tenantId, id).getVersion());
        }
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.rule.update", "assignment_rule", id, name);
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id, int version) {
        AssignmentRulesRecord row = row(tenantId, id);
        int deleted = this.db
                .deleteFrom(ASSIGNMENT_RULES)
                .where(
                        ASSIGNMENT_RULES.TENANT_ID.eq(tenantId),
                        ASSIGNMENT_RULES.ID.eq(id),
                        ASSIGNMENT_RULES.VERSION.eq(version))
                .execute();
        if (deleted == 0) {
            throw new VersionConflictException("assignment_rule", id, row.getVersion());
        }
        this.cursors.delete(tenantId, "rule:" + id);
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.rule.delete", "assignment_rule", id, row.getName());
    }

    /** Puts the rules in the given order (every rule of the tenant, each once); first match wins from the top. */
    @Transactional
    List<RuleView> reorder(long tenantId, @Nullable List<Long> ids) {
        if (ids == null) {
            throw new ValidationException("ids", "{validation.required}");
        }
        Set<Long> existing = new HashSet<>(this.db
                .select(ASSIGNMENT_RULES.ID)
                .from(ASSIGNMENT_RULES)
                .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId))
                .forUpdate()
                .fetch(ASSIGNMENT_RULES.ID));
        if (ids.size() != existing.size() || !existing.equals(new HashSet<>(ids))) {
            throw new ValidationException("ids", "{assignment.order.incomplete}");
        }
        for (int i = 0; i < ids.size(); i++) {
            this.db
                    .update(ASSIGNMENT_RULES)
                    .set(ASSIGNMENT_RULES.POSITION, i)
                    .set(ASSIGNMENT_RULES.VERSION, ASSIGNMENT_RULES.VERSION.plus(1))
                    .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId), ASSIGNMENT_RULES.ID.eq(ids.get(i)))
                    .execute();
        }
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.rule.reorder", "assignment_rule", "*", ids.toString());
        return this.db
                .selectFrom(ASSIGNMENT_RULES)
                .where(ASSIGNMENT_RULES.TENANT_ID.eq(tenantId))
                .orderBy(ASSIGNMENT_RULES.POSITION)
                .fetch(this::view);
    }

    private void nameFree(long tenantId, String name, @Nullable Long self) {
        boolean taken = this.db.fetchExists(
                ASSIGNMENT_RULES,
                ASSIGNMENT_RULES.TENANT_ID.eq(tenantId),
                ASSIGNMENT_RULES.NAME.eq(name),
                self == null ? org.jooq.impl.DSL.trueCondition() : ASSIGNMENT_RULES.ID.ne(self));
        if (taken) {
            throw new ValidationException(List.of(new FieldError("name", "{assignment.rule.name-taken}")));
        }
    }

    private AssignmentRulesRecord row(long tenantId, long id) {
        AssignmentRulesRecord r =
                this.db.fetchOne(ASSIGNMENT_RULES, ASSIGNMENT_RULES.TENANT_ID.eq(tenantId), ASSIGNMENT_RULES.ID.eq(id));
        if (r == null) {
            throw new NotFoundException("assignment_rule", id);
        }
        return r;
    }

    private RuleView view(AssignmentRulesRecord r) {
        RuleDefinition d = this.json.definition(r.getDefinition());
        return new RuleView(
                r.getId(),
                r.getName(),
                r.getPosition(),
                r.getEnabled(),
                d.conditions(),
                d.target(),
                d.strategy(),
                d.fallback(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getVersion());
    }
}
