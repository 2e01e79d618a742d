package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;

import dev.baton.platform.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Turns the caller's roles into a SQL condition on {@code users}: the caller themselves, plus the
 * members of every department their roles' data scopes grant ({@link RoleScopes}). Applied inside
 * the query, so paging and counts only ever see visible users.
 */
@Component
class UserScopes {

    private final RoleScopes roleScopes;

    UserScopes(RoleScopes roleScopes) {
        this.roleScopes = roleScopes;
    }

    Condition visibleTo(CurrentUser me) {
        RoleScopes.Grant grant = this.roleScopes.of(me);
        if (grant.all()) {
            return DSL.trueCondition();
        }
        List<Condition> any = new ArrayList<>();
        any.add(me.userId() == null ? DSL.falseCondition() : USERS.ID.eq(me.userId()));
        for (Select<Record1<Long>> departments : grant.departments()) {
            any.add(memberOf(me.tenantId(), departments));
        }
        return DSL.or(any);
    }

    private static Condition memberOf(long tenant, Select<Record1<Long>> departments) {
        return USERS.ID.in(DSL.select(USER_DEPARTMENTS.USER_ID)
                .from(USER_DEPARTMENTS)
                .where(USER_DEPARTMENTS.TENANT_ID.eq(tenant), USER_DEPARTMENTS.DEPARTMENT_ID.in(departments)));
    }
}
