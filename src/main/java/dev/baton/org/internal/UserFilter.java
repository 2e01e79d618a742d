package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Optional filters of the user list: free text over name/username/mobile/email, department, active. */
record UserFilter(
        @Nullable String q,
        @Nullable Long departmentId,
        @Nullable Boolean active) {

    Condition toCondition(long tenantId) {
        Condition c = DSL.trueCondition();
        if (this.q != null && !this.q.isBlank()) {
            String text = this.q.strip();
            c = c.and(USERS.USERNAME
                    .containsIgnoreCase(text)
                    .or(USERS.DISPLAY_NAME.containsIgnoreCase(text))
                    .or(USERS.MOBILE.contains(text))
                    .or(USERS.EMAIL.containsIgnoreCase(text)));
        }
        if (this.departmentId != null) {
            c = c.and(USERS.ID.in(DSL.select(USER_DEPARTMENTS.USER_ID)
                    .from(USER_DEPARTMENTS)
                    .where(
                            USER_DEPARTMENTS.TENANT_ID.eq(tenantId),
                            USER_DEPARTMENTS.DEPARTMENT_ID.eq(this.departmentId))));
        }
        if (this.active != null) {
            c = c.and(USERS.ACTIVE.eq(this.active));
        }
        return c;
    }
}
