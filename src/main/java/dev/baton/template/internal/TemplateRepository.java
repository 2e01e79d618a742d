package dev.baton.template.internal;

import static dev.baton.platform.db.Tables.TEMPLATES;
import static dev.baton.platform.db.Tables.TEMPLATE_VERSIONS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.TemplateVersionsRecord;
import dev.baton.platform.db.tables.records.TemplatesRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Templates and their immutable field-definition versions, stored as JSON text. */
@Repository
class TemplateRepository {

    private static final TypeReference<List<FieldJson>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    TemplateRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A template that has not been deleted. */
    Optional<TemplatesRecord> find(long tenantId, long id) {
        return this.db
                .selectFrom(TEMPLATES)
                .where(TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.ID.eq(id), TEMPLATES.DELETED_AT.isNull())
                .fetchOptional();
    }

    Optional<Integer> currentVersion(long tenantId, long id) {
        return this.db
                .select(TEMPLATES.CURRENT_VERSION)
                .from(TEMPLATES)
                .where(TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.ID.eq(id), TEMPLATES.DELETED_AT.isNull())
                .fetchOptional(TEMPLATES.CURRENT_VERSION);
    }

    boolean markDeleted(long tenantId, long id, int version, Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(TEMPLATES)
                        .set(TEMPLATES.DELETED_AT, now)
                        .set(TEMPLATES.ENABLED, false)
                        .set(TEMPLATES.UPDATED_AT, now),
                TEMPLATES,
                tenantId,
                id,
                version);
    }

    Optional<Long> idOf(long tenantId, String code) {
        return this.db
                .select(TEMPLATES.ID)
                .from(TEMPLATES)
                .where(TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.CODE.eq(code), TEMPLATES.DELETED_AT.isNull())
                .fetchOptional(TEMPLATES.ID);
    }

    boolean codeTaken(long tenantId, String code) {
        return this.db.fetchExists(TEMPLATES, TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.CODE.eq(code));
    }

    long insert(long tenantId, TemplateData data, Instant now) {
        return this.db
                .insertInto(TEMPLATES)
                .set(TEMPLATES.TENANT_ID, tenantId)
                .set(TEMPLATES.CODE, data.code())
                .set(TEMPLATES.NAME, data.name())
                .set(TEMPLATES.CATEGORY, data.category())
                .set(TEMPLATES.DESCRIPTION, data.description())
                .set(TEMPLATES.ICON, data.icon())
                .set(TEMPLATES.ENABLED, data.enabled())
                .set(TEMPLATES.STATUS_NAMES, this.json.writeValueAsString(data.statusNames()))
                .set(TEMPLATES.CURRENT_VERSION, 1)
                .set(TEMPLATES.CREATED_AT, now)
                .set(TEMPLATES.UPDATED_AT, now)
                .returning(TEMPLATES.ID)
                .fetchSingle()
                .getId();
    }

    /** Version-guarded update of the template row; false when someone else changed it first. */
    boolean update(long tenantId, long id, int version, TemplateData data, int currentVersion, Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(TEMPLATES)
                        .set(TEMPLATES.NAME, data.name())
                        .set(TEMPLATES.CATEGORY, data.category())
                        .set(TEMPLATES.DESCRIPTION, data.description())
                        .set(TEMPLATES.ICON, data.icon())
                        .set(TEMPLATES.ENABLED, data.enabled())
                        .set(TEMPLATES.STATUS_NAMES, this.json.writeValueAsString(data.statusNames()))
                        .set(TEMPLATES.CURRENT_VERSION, currentVersion)
                        .set(TEMPLATES.UPDATED_AT, now),
                TEMPLATES,
                tenantId,
                id,
                version);
    }

    void insertVersion(
            long tenantId, long templateId, int versionNo, List<FieldJson> fields, @Nullable Long by, Instant now) {
        this.db
                .insertInto(TEMPLATE_VERSIONS)
                .set(TEMPLATE_VERSIONS.TENANT_ID, tenantId)
                .set(TEMPLATE_VERSIONS.TEMPLATE_ID, templateId)
                .set(TEMPLATE_VERSIONS.VERSION_NO, versionNo)
                .set(TEMPLATE_VERSIONS.FIELDS, this.json.writeValueAsString(fields))
                .set(TEMPLATE_VERSIONS.FIELD_COUNT, fields.size())
                .set(TEMPLATE_VERSIONS.CREATED_BY, by)
                .set(TEMPLATE_VERSIONS.CREATED_AT, now)
                .execute();
    }

    Optional<TemplateView.Version> version(long tenantId, long templateId, int versionNo) {
        return this.db
                .selectFrom(TEMPLATE_VERSIONS)
                .where(
                        TEMPLATE_VERSIONS.TENANT_ID.eq(tenantId),
                        TEMPLATE_VERSIONS.TEMPLATE_ID.eq(templateId),
                        TEMPLATE_VERSIONS.VERSION_NO.eq(versionNo))
                .fetchOptional(r -> toVersion(r, true));
    }

    /** Every version, newest first, without their fields. */
    List<TemplateView.Version> versions(long tenantId, long templateId) {
        return this.db
                .selectFrom(TEMPLATE_VERSIONS)
                .where(TEMPLATE_VERSIONS.TENANT_ID.eq(tenantId), TEMPLATE_VERSIONS.TEMPLATE_ID.eq(templateId))
                .orderBy(TEMPLATE_VERSIONS.VERSION_NO.desc())
                .fetch(r -> toVersion(r, false));
    }

    PageResult<TemplateView.Summary> page(long tenantId, Condition filter, PageQuery paging) {
        Condition where = TEMPLATES
                .TENANT_ID
                .eq(tenantId)
                .and(TEMPLATES.DELETED_AT.isNull())
                .and(TEMPLATES.DELETED_AT.isNull())
                .and(filter);
        Field<?> order = switch (paging.sortKey()) {
            case "code" -> TEMPLATES.CODE;
            case "updatedAt" -> TEMPLATES.UPDATED_AT;
            default -> TEMPLATES.NAME;
        };
        var v = TEMPLATE_VERSIONS;
        var items = this.db
                .select(TEMPLATES.asterisk(), v.FIELD_COUNT)
                .from(TEMPLATES)
                .join(v)
                .on(
                        v.TENANT_ID.eq(TEMPLATES.TENANT_ID),
                        v.TEMPLATE_ID.eq(TEMPLATES.ID),
                        v.VERSION_NO.eq(TEMPLATES.CURRENT_VERSION))
                .where(where)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), TEMPLATES.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(r -> new TemplateView.Summary(
                        r.get(TEMPLATES.ID),
                        r.get(TEMPLATES.CODE),
                        r.get(TEMPLATES.NAME),
                        r.get(TEMPLATES.CATEGORY),
                        r.get(TEMPLATES.ICON),
                        r.get(TEMPLATES.ENABLED),
                        r.get(TEMPLATES.CURRENT_VERSION),
                        r.get(v.FIELD_COUNT),
                        r.get(TEMPLATES.VERSION),
                        r.get(TEMPLATES.UPDATED_AT)));
        return new PageResult<>(items, paging.page(), paging.size(), this.db.fetchCount(TEMPLATES, where));
    }

    Map<String, String> statusNames(TemplatesRecord r) {
        return this.json.readValue(r.getStatusNames(), NAMES);
    }

    private TemplateView.Version toVersion(TemplateVersionsRecord r, boolean withFields) {
        return new TemplateView.Version(
                r.getVersionNo(),
                r.getFieldCount(),
                r.getCreatedBy(),
                r.getCreatedAt(),
                withFields ? this.json.readValue(r.getFields(), FIELDS) : List.of());
    }
}
