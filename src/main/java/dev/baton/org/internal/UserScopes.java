package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.ROLES;
import static dev.baton.platform.db.Tables.ROLE_SCOPE_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;

import dev.baton.org.DataScope;
import dev.baton.platform.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Turns the caller's roles into a SQL condition on {@code users}: the union of every role's data
 * scope. Applied inside the query, so paging and counts only ever see visible users.
 */
@Component
class UserScopes {

    private final DSLContext db;

    UserScopes(DSLContext db) {
        this.db = db;
    }

    Condition visibleTo(CurrentUser me) {
        long tenant = me.tenantId();
        if (me.roleIds().isEmpty()) {
            return selfOnly(me);
        }
        var roles = this.db
                .select(ROLES.ID, ROLES.DATA_SCOPE)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenant), ROLES.ID.in(me.roleIds()))
                .fetch();
        Set<DataScope> scopes = new java.util.HashSet<>();
        List<Long> customRoles = new ArrayList<>();
        for (var role : roles) {
            DataScope scope = DataScope.valueOf(role.value2());
            scopes.add(scope);
            if (scope == DataScope.CUSTOM) {
                customRoles.add(role.value1());
            }
        }
        if (scopes.contains(DataScope.ALL)) {
            return DSL.trueCondition();
        }
        List<Condition> any = new ArrayList<>();
        any.add(selfOnly(me));
        if (me.userId() != null) {
            var myDepartments = DSL.select(USER_DEPARTMENTS.DEPARTMENT_ID)
                    .from(USER_DEPARTMENTS)
                    .where(USER_DEPARTMENTS.TENANT_ID.eq(tenant), USER_DEPARTMENTS.USER_ID.eq(me.userId()));
            if (scopes.contains(DataScope.DEPARTMENT)) {
                any.add(memberOf(tenant, myDepartments));
            }
            if (scopes.contains(DataScope.DEPARTMENT_TREE)) {
                var mine = DEPARTMENTS.as("mine");
                var subtree = DSL.select(DEPARTMENTS.ID)
                        .from(DEPARTMENTS)
                        .join(mine)
                        .on(mine.TENANT_ID.eq(DEPARTMENTS.TENANT_ID), DEPARTMENTS.PATH.startsWith(mine.PATH))
                        .where(DEPARTMENTS.TENANT_ID.eq(tenant), mine.ID.in(myDepartments));
                any.add(memberOf(tenant, subtree));
            }
        }
        if (!customRoles.isEmpty()) {
            any.add(memberOf(
                    tenant,
                    DSL.select(ROLE_SCOPE_DEPARTMENTS.DEPARTMENT_ID)
                            .from(ROLE_SCOPE_DEPARTMENTS)
                            .where(
                                    ROLE_SCOPE_DEPARTMENTS.TENANT_ID.eq(tenant),
                                    ROLE_SCOPE_DEPARTMENTS.ROLE_ID.in(customRoles))));
        }
        return DSL.or(any);
    }

    private static Condition selfOnly(CurrentUser me) {
        return me.userId() == null ? DSL.falseCondition() : USERS.ID.eq(me.userId());
    }

    private static Condition memberOf(long tenant, org.jooq.Select<? extends org.jooq.Record1<Long>> departments) {
        return USERS.ID.in(DSL.select(USER_DEPARTMENTS.USER_ID)
                .from(USER_DEPARTMENTS)
                .where(USER_DEPARTMENTS.TENANT_ID.eq(tenant), USER_DEPARTMENTS.DEPARTMENT_ID.in(departments)));
    }
}
