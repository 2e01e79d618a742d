package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.ASSIGNMENT_KEYWORDS;
import static dev.baton.platform.db.Tables.TEMPLATES;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.AssignmentKeywordsRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classification keywords: one per normalised text (ＶＩＰ and vip are the same keyword), checked, version-guarded,
 * audited; bulk import replaces keywords with the same normalised text.
 */
@Service
class Keywords {

    static final Set<String> SORT_KEYS = Set.of("keyword", "updatedAt");
    static final int MAX_IMPORT = 10_000;
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final DSLContext db;
    private final AssignmentJson json;
    private final RoutingSnapshots snapshots;
    private final AuditTrail audit;
    private final Clock clock;

    Keywords(DSLContext db, AssignmentJson json, RoutingSnapshots snapshots, AuditTrail audit, Clock clock) {
        this.db = db;
        this.json = json;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<KeywordView> list(long tenantId, @Nullable String q, PageQuery paging) {
        Condition where = ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId);
        if (q != null && !q.isBlank()) {
            where = where.and(ASSIGNMENT_KEYWORDS.NORMALIZED.contains(Text.normalize(q.strip())));
        }
        Field<?> column =
                paging.sortKey().equals("keyword") ? ASSIGNMENT_KEYWORDS.NORMALIZED : ASSIGNMENT_KEYWORDS.UPDATED_AT;
        List<KeywordView> items = this.db
                .selectFrom(ASSIGNMENT_KEYWORDS)
                .where(where)
                .orderBy(paging.ascending() ? column.asc() : column.desc(), ASSIGNMENT_KEYWORDS.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(this::view);
        return new PageResult<>(items, paging.page(), paging.size(), this.db.fetchCount(ASSIGNMENT_KEYWORDS, where));
    }

    @Transactional(readOnly = true)
    KeywordView get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    @Transactional
    KeywordView create(long tenantId, KeywordCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        check(tenantId, "", cmd, errors);
        if (errors.isEmpty() && taken(tenantId, Text.normalize(cmd.keyword().strip()), null)) {
            errors.add(new FieldError("keyword", "{assignment.keyword.taken}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = insert(tenantId, cmd, this.clock.instant());
        this.snapshots.changed(tenantId);
        this.audit.record(
                "assignment.keyword.create",
                "assignment_keyword",
                id,
                cmd.keyword().strip());
        return get(tenantId, id);
    }

    @Transactional
    KeywordView update(long tenantId, long id, KeywordCommand cmd) {
        AssignmentKeywordsRecord row = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        List<FieldError> errors = new ArrayList<>();
        check(tenantId, "", cmd, errors);
        if (errors.isEmpty() && taken(tenantId, Text.normalize(cmd.keyword().strip()), id)) {
            errors.add(new FieldError("keyword", "{assignment.keyword.taken}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String keyword = cmd.keyword().strip();
        boolean updated = OptimisticLock.execute(
                this.db
                        .update(ASSIGNMENT_KEYWORDS)
                        .set(ASSIGNMENT_KEYWORDS.KEYWORD, keyword)
                        .set(ASSIGNMENT_KEYWORDS.NORMALIZED, Text.normalize(keyword))
                        .set(ASSIGNMENT_KEYWORDS.CATEGORY, blankToNull(cmd.category()))
                        .set(ASSIGNMENT_KEYWORDS.TEMPLATE_ID, cmd.templateId())
                        .set(ASSIGNMENT_KEYWORDS.PRIORITY, cmd.priority())
                        .set(ASSIGNMENT_KEYWORDS.TAGS, this.json.write(tags(cmd)))
                        .set(ASSIGNMENT_KEYWORDS.UPDATED_AT, this.clock.instant()),
                ASSIGNMENT_KEYWORDS,
                tenantId,
                id,
                cmd.version());
        if (!updated) {
            throw new VersionConflictException("assignment_keyword", id, row.getVersion());
        }
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.keyword.update", "assignment_keyword", id, keyword);
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id, int version) {
        AssignmentKeywordsRecord row = row(tenantId, id);
        int deleted = this.db
                .deleteFrom(ASSIGNMENT_KEYWORDS)
                .where(
                        ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId),
                        ASSIGNMENT_KEYWORDS.ID.eq(id),
                        ASSIGNMENT_KEYWORDS.VERSION.eq(version))
                .execute();
        if (deleted == 0) {
            throw new VersionConflictException("assignment_keyword", id, row.getVersion());
        }
        this.snapshots.changed(tenantId);
        this.audit.record("assignment.keyword.delete", "assignment_keyword", id, row.getKeyword());
    }

    /** All or nothing: any invalid entry is a 400 naming it ({@code [12].priority}); nothing is stored then. */
    @Transactional
    KeywordView.Imported importAll(long tenantId, @Nullable List<KeywordCommand> commands) {
        if (commands == null || commands.isEmpty()) {
            throw new ValidationException("keywords", "{validation.required}");
        }
        if (commands.size() > MAX_IMPORT) {
            throw new ValidationException("keywords", "{assignment.values.too-many}");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, KeywordCommand> byText = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            KeywordCommand cmd = commands.get(i);
            int before = errors.size();
            check(tenantId, "[" + i + "].", cmd, errors);
            if (errors.size() == before) {
                byText.put(Text.normalize(cmd.keyword().strip()), cmd); // the last of duplicates wins
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().limit(100).toList());
        }
        Set<String> existing = new HashSet<>(this.db
                .select(ASSIGNMENT_KEYWORDS.NORMALIZED)
                .from(ASSIGNMENT_KEYWORDS)
                .where(ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId), ASSIGNMENT_KEYWORDS.NORMALIZED.in(byText.keySet()))
                .fetch(ASSIGNMENT_KEYWORDS.NORMALIZED));
        if (!existing.isEmpty()) {
            this.db
                    .deleteFrom(ASSIGNMENT_KEYWORDS)
                    .where(ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId), ASSIGNMENT_KEYWORDS.NORMALIZED.in(existing))
                    .execute();
        }
        Instant now = this.clock.instant();
        var insert = this.db.batch(byText.values().stream()
                .map(cmd -> insertQuery(tenantId, cmd, now))
                .toList());
        insert.execute();
        this.snapshots.changed(tenantId);
        this.audit.record(
                "assignment.keyword.import",
                "assignment_keyword",
                "*",
                byText.size() + " (" + existing.size() + " replaced)");
        return new KeywordView.Imported(byText.size() - existing.size(), existing.size());
    }

    private void check(long tenantId, String prefix, @Nullable KeywordCommand cmd, List<FieldError> errors) {
        if (cmd == null) {
            errors.add(new FieldError(
                    prefix.isEmpty() ? "keyword" : prefix.substring(0, prefix.length() - 1), "{validation.required}"));
            return;
        }
        String keyword = cmd.keyword() == null ? "" : cmd.keyword().strip();
        if (keyword.isEmpty()) {
            errors.add(new FieldError(prefix + "keyword", "{validation.required}"));
        } else if (keyword.length() > 100) {
            errors.add(new FieldError(prefix + "keyword", "{assignment.text.too-long}"));
        }
        if (cmd.category() != null && cmd.category().length() > 64) {
            errors.add(new FieldError(prefix + "category", "{assignment.text.too-long}"));
        }
        if (cmd.priority() != null && !PRIORITIES.contains(cmd.priority())) {
            errors.add(new FieldError(prefix + "priority", "{assignment.priority.unknown}"));
        }
        List<String> tags = tags(cmd);
        if (tags.size() > 20) {
            errors.add(new FieldError(prefix + "tags", "{assignment.values.too-many}"));
        }
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null || tags.get(i).isBlank() || tags.get(i).length() > 32) {
                errors.add(new FieldError(prefix + "tags[" + i + "]", "{assignment.value.invalid}"));
            }
        }
        if (cmd.templateId() != null
                && !this.db.fetchExists(
                        TEMPLATES, TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.ID.eq(cmd.templateId()))) {
            errors.add(new FieldError(prefix + "templateId", "{assignment.template.unknown}"));
        }
        if (blankToNull(cmd.category()) == null
                && cmd.templateId() == null
                && cmd.priority() == null
                && tags.isEmpty()) {
            errors.add(new FieldError(prefix + "category", "{assignment.keyword.no-effect}"));
        }
    }

    private static List<String> tags(KeywordCommand cmd) {
        return cmd.tags() == null ? List.of() : cmd.tags();
    }

    private boolean taken(long tenantId, String normalized, @Nullable Long self) {
        return this.db.fetchExists(
                ASSIGNMENT_KEYWORDS,
                ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId),
                ASSIGNMENT_KEYWORDS.NORMALIZED.eq(normalized),
                self == null ? DSL.trueCondition() : ASSIGNMENT_KEYWORDS.ID.ne(self));
    }

    private long insert(long tenantId, KeywordCommand cmd, Instant now) {
        return insertQuery(tenantId, cmd, now).returning(ASSIGNMENT_KEYWORDS.ID).fetchOne(ASSIGNMENT_KEYWORDS.ID);
    }

    private org.jooq.InsertSetMoreStep<AssignmentKeywordsRecord> insertQuery(
            long tenantId, KeywordCommand cmd, Instant now) {
        String keyword = cmd.keyword().strip();
        return this.db
                .insertInto(ASSIGNMENT_KEYWORDS)
                .set(ASSIGNMENT_KEYWORDS.TENANT_ID, tenantId)
                .set(ASSIGNMENT_KEYWORDS.KEYWORD, keyword)
                .set(ASSIGNMENT_KEYWORDS.NORMALIZED, Text.normalize(keyword))
                .set(ASSIGNMENT_KEYWORDS.CATEGORY, blankToNull(cmd.category()))
                .set(ASSIGNMENT_KEYWORDS.TEMPLATE_ID, cmd.templateId())
                .set(ASSIGNMENT_KEYWORDS.PRIORITY, cmd.priority())
                .set(ASSIGNMENT_KEYWORDS.TAGS, this.json.write(tags(cmd)))
                .set(ASSIGNMENT_KEYWORDS.CREATED_AT, now)
                .set(ASSIGNMENT_KEYWORDS.UPDATED_AT, now)
                .set(ASSIGNMENT_KEYWORDS.VERSION, 0);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private AssignmentKeywordsRecord row(long tenantId, long id) {
        AssignmentKeywordsRecord r = this.db.fetchOne(
                ASSIGNMENT_KEYWORDS, ASSIGNMENT_KEYWORDS.TENANT_ID.eq(tenantId), ASSIGNMENT_KEYWORDS.ID.eq(id));
        if (r == null) {
            throw new NotFoundException("assignment_keyword", id);
        }
        return r;
    }

    private KeywordView view(AssignmentKeywordsRecord r) {
        return new KeywordView(
                r.getId(),
                r.getKeyword(),
                r.getCategory(),
                r.getTemplateId(),
                r.getPriority(),
                this.json.strings(r.getTags()),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getVersion());
    }
}
