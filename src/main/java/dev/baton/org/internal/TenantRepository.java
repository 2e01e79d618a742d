package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.TENANTS;

import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.TenantsRecord;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

    private final DSLContext db;

    TenantRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Tenant> findByCode(String code) {
        return this.db.selectFrom(TENANTS).where(TENANTS.CODE.eq(code)).fetchOptional(TenantRepository::toTenant);
    }

    Optional<Tenant> findById(long id) {
        return this.db.selectFrom(TENANTS).where(TENANTS.TENANT_ID.eq(id)).fetchOptional(TenantRepository::toTenant);
    }

    long insert(String code, String name, Instant now) {
        return this.db
                .insertInto(TENANTS)
                .set(TENANTS.CODE, code)
                .set(TENANTS.NAME, name)
                .set(TENANTS.CREATED_AT, now)
                .returning(TENANTS.TENANT_ID)
                .fetchSingle()
                .getTenantId();
    }

    PageResult<Tenant> page(PageQuery paging) {
        var order = switch (paging.sortKey()) {
            case "code" -> TENANTS.CODE;
            case "name" -> TENANTS.NAME;
            default -> TENANTS.CREATED_AT;
        };
        var items = this.db
                .selectFrom(TENANTS)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), TENANTS.TENANT_ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(TenantRepository::toTenant);
        return new PageResult<>(items, paging.page(), paging.size(), this.db.fetchCount(TENANTS));
    }

    private static Tenant toTenant(TenantsRecord r) {
        return new Tenant(r.getTenantId(), r.getCode(), r.getName(), r.getActive(), r.getCreatedAt());
    }
}
