package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.ROLES;

import dev.baton.platform.RoleCatalog;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

@Component
class OrgRoleCatalog implements RoleCatalog {

    private final DSLContext db;

    OrgRoleCatalog(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<String> roleCodes(long tenantId) {
        return this.db
                .select(ROLES.CODE)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenantId))
                .fetchSet(ROLES.CODE);
    }
}
