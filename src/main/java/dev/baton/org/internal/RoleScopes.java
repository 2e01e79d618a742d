package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.ROLES;
import static dev.baton.platform.db.Tables.ROLE_SCOPE_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;

import dev.baton.org.DataScope;
import dev.baton.platform.CurrentUser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * What the caller's roles grant over department-owned data: the union of every role's data scope,
 * as subqueries of department ids. One definition for the user list ({@link UserScopes}, which puts
 * the subqueries inside its query) and for {@link OrgDirectoryService} (which fetches them).
 */
@Component
class RoleScopes {

    private final DSLContext db;

    RoleScopes(DSLContext db) {
        this.db = db;
    }

    Grant of(CurrentUser me) {
        long tenant = me.tenantId();
        if (me.roleIds().isEmpty()) {
            return Grant.NONE;
        }
        var roles = this.db
                .select(ROLES.ID, ROLES.DATA_SCOPE)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenant), ROLES.ID.in(me.roleIds()))
                .fetch();
        Set<DataScope> scopes = EnumSet.noneOf(DataScope.class);
        List<Long> customRoles = new ArrayList<>();
        for (var role : roles) {
            DataScope scope = DataScope.valueOf(role.value2());
            scopes.add(scope);
            if (scope == DataScope.CUSTOM) {
                customRoles.add(role.value1());
            }
        }
        if (scopes.contains(DataScope.ALL)) {
            return new Grant(true, List.of());
        }
        List<Select<Record1<Long>>> departments = new ArrayList<>();
        if (me.userId() != null) {
            var myDepartments = DSL.select(USER_DEPARTMENTS.DEPARTMENT_ID)
                    .from(USER_DEPARTMENTS)
                    .where(USER_DEPARTMENTS.TENANT_ID.eq(tenant), USER_DEPARTMENTS.USER_ID.eq(me.userId()));
            if (scopes.contains(DataScope.DEPARTMENT)) {
                departments.add(myDepartments);
            }
            if (scopes.contains(DataScope.DEPARTMENT_TREE)) {
                var mine = DEPARTMENTS.as("mine");
                var below = DEPARTMENTS.as("below");
                departments.add(DSL.select(below.ID)
                        .from(below)
                        .join(mine)
                        .on(mine.TENANT_ID.eq(below.TENANT_ID), below.PATH.startsWith(mine.PATH))
                        .where(below.TENANT_ID.eq(tenant), mine.ID.in(myDepartments)));
            }
        }
        if (!customRoles.isEmpty()) {
            departments.add(DSL.select(ROLE_SCOPE_DEPARTMENTS.DEPARTMENT_ID)
                    .from(ROLE_SCOPE_DEPARTMENTS)
                    .where(
                            ROLE_SCOPE_DEPARTMENTS.TENANT_ID.eq(tenant),
                            ROLE_SCOPE_DEPARTMENTS.ROLE_ID.in(customRoles)));
        }
        return new Grant(false, List.copyOf(departments));
    }

    /**
     * @param all the roles see everything in the tenant
     * @param departments when not {@code all}: each selects department ids whose records the roles
     *     see; the grant is their union (empty: only what concerns the caller themselves)
     */
    record Grant(boolean all, List<Select<Record1<Long>>> departments) {

        static final Grant NONE = new Grant(false, List.of());
    }
}
