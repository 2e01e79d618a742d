package dev.baton.platform.internal;

import static dev.baton.platform.db.Tables.AUDIT_LOG;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search of the administrative audit trail, newest first by default. */
@RestController
@RequestMapping("/api/v1/audit-log")
class AuditLogController {

    private final DSLContext db;

    AuditLogController(DSLContext db) {
        this.db = db;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit.read')")
    PageResult<AuditEntry> search(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable Long actorId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        PageQuery paging = PageQuery.of(page, size, sort, Set.of("occurredAt"), "occurredAt,desc");
        List<Condition> where = new ArrayList<>();
        where.add(AUDIT_LOG.TENANT_ID.eq(CurrentUser.require().tenantId()));
        if (action != null) {
            where.add(AUDIT_LOG.ACTION.eq(action));
        }
        if (entityType != null) {
            where.add(AUDIT_LOG.ENTITY_TYPE.eq(entityType));
        }
        if (entityId != null) {
            where.add(AUDIT_LOG.ENTITY_ID.eq(entityId));
        }
        if (actorId != null) {
            where.add(AUDIT_LOG.ACTOR_ID.eq(actorId));
        }
        if (from != null) {
            where.add(AUDIT_LOG.OCCURRED_AT.ge(from));
        }
        if (to != null) {
            where.add(AUDIT_LOG.OCCURRED_AT.lt(to));
        }
        SortField<?> order = paging.ascending() ? AUDIT_LOG.ID.asc() : AUDIT_LOG.ID.desc();
        long total = this.db.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> items = this.db
                .selectFrom(AUDIT_LOG)
                .where(where)
                .orderBy(order)
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(r -> new AuditEntry(
                        r.getId(),
                        r.getOccurredAt(),
                        r.getActorId(),
                        r.getActorName(),
                        r.getAction(),
                        r.getEntityType(),
                        r.getEntityId(),
                        r.getDetail(),
                        r.getRequestId()));
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    record AuditEntry(
            long id,
            Instant occurredAt,
            @Nullable Long actorId,
            @Nullable String actorName,
            String action,
            String entityType,
            @Nullable String entityId,
            @Nullable String detail,
            @Nullable String requestId) {}
}
