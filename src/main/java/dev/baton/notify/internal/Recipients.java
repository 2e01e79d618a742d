package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.USERS;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Users' addresses (e-mail, mobile, WeCom user id). Read from the {@code users} table through the shared jOOQ
 * classes: {@code OrgDirectory} answers names and memberships, not contact details.
 */
@Component
class Recipients {

    private final DSLContext db;

    Recipients(DSLContext db) {
        this.db = db;
    }

    /** The tenant's users among these ids, by id. */
    Map<Long, Recipient> of(long tenantId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return this.db
                .select(USERS.ID, USERS.DISPLAY_NAME, USERS.EMAIL, USERS.MOBILE, USERS.WECOM_USER_ID, USERS.ACTIVE)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.in(userIds))
                .fetch(r -> new Recipient(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()))
                .stream()
                .collect(Collectors.toMap(Recipient::id, Function.identity()));
    }
}
