package dev.baton.flow.internal;

import static dev.baton.platform.db.Tables.FLOWS;
import static dev.baton.platform.db.Tables.FLOW_VERSIONS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.FlowsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Flow drafts and their immutable published versions; definitions are JSON text. */
@Repository
class FlowRepository {

    private final DSLContext db;

    FlowRepository(DSLContext db) {
        this.db = db;
    }

    Optional<FlowsRecord> find(long tenantId, long id) {
        return this.db
                .selectFrom(FLOWS)
                .where(FLOWS.TENANT_ID.eq(tenantId), FLOWS.ID.eq(id))
                .fetchOptional();
    }

    long insert(long tenantId, String name, long templateId, String draft, Instant now) {
        return this.db
                .insertInto(FLOWS)
                .set(FLOWS.TENANT_ID, tenantId)
                .set(FLOWS.NAME, name)
                .set(FLOWS.TEMPLATE_ID, templateId)
                .set(FLOWS.DRAFT, draft)
                .set(FLOWS.CREATED_AT, now)
                .set(FLOWS.UPDATED_AT, now)
                .returning(FLOWS.ID)
                .fetchSingle()
                .getId();
    }

    boolean updateDraft(long tenantId, long id, int version, String name, String draft, Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(FLOWS)
                        .set(FLOWS.NAME, name)
                        .set(FLOWS.DRAFT, draft)
                        .set(FLOWS.UPDATED_AT, now),
                FLOWS,
                tenantId,
                id,
                version);
    }

    /** Records version {@code versionNo} as the published one, if the draft is still at {@code version}. */
    boolean markPublished(long tenantId, long id, int version, int versionNo, Instant now) {
        return OptimisticLock.execute(
                this.db.update(FLOWS).set(FLOWS.PUBLISHED_VERSION, versionNo).set(FLOWS.UPDATED_AT, now),
                FLOWS,
                tenantId,
                id,
                version);
    }

    void insertVersion(
            long tenantId,
            long flowId,
            int versionNo,
            int templateVersion,
            String definition,
            @Nullable String nodeMapping,
            @Nullable Long by,
            Instant now) {
        this.db
                .insertInto(FLOW_VERSIONS)
                .set(FLOW_VERSIONS.TENANT_ID, tenantId)
                .set(FLOW_VERSIONS.FLOW_ID, flowId)
                .set(FLOW_VERSIONS.VERSION_NO, versionNo)
                .set(FLOW_VERSIONS.TEMPLATE_VERSION, templateVersion)
                .set(FLOW_VERSIONS.DEFINITION, definition)
                .set(FLOW_VERSIONS.NODE_MAPPING, nodeMapping)
                .set(FLOW_VERSIONS.CREATED_BY, by)
                .set(FLOW_VERSIONS.CREATED_AT, now)
                .execute();
    }

    List<dev.baton.platform.db.tables.records.FlowVersionsRecord> versions(long tenantId, long flowId) {
        return this.db
                .selectFrom(FLOW_VERSIONS)
                .where(FLOW_VERSIONS.TENANT_ID.eq(tenantId), FLOW_VERSIONS.FLOW_ID.eq(flowId))
                .orderBy(FLOW_VERSIONS.VERSION_NO.desc())
                .fetch();
    }

    Optional<dev.baton.platform.db.tables.records.FlowVersionsRecord> version(
            long tenantId, long flowId, int versionNo) {
        return this.db
                .selectFrom(FLOW_VERSIONS)
                .where(
                        FLOW_VERSIONS.TENANT_ID.eq(tenantId),
                        FLOW_VERSIONS.FLOW_ID.eq(flowId),
                        FLOW_VERSIONS.VERSION_NO.eq(versionNo))
                .fetchOptional();
    }

    PageResult<FlowView.Summary> page(long tenantId, Condition filter, PageQuery paging) {
        Condition where = FLOWS.TENANT_ID.eq(tenantId).and(filter);
        Field<?> order = paging.sortKey().equals("updatedAt") ? FLOWS.UPDATED_AT : FLOWS.NAME;
        var items = this.db
                .selectFrom(FLOWS)
                .where(where)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), FLOWS.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(r -> new FlowView.Summary(
                        r.getId(),
                        r.getName(),
                        r.getTemplateId(),
                        r.getPublishedVersion(),
                        r.getVersion(),
                        r.getUpdatedAt()));
        return new PageResult<>(items, paging.page(), paging.size(), this.db.fetchCount(FLOWS, where));
    }
}
