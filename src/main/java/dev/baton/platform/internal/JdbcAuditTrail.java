package dev.baton.platform.internal;

import static dev.baton.platform.db.Tables.AUDIT_LOG;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.CurrentUser;
import java.time.Clock;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Writes audit rows with the caller, the clock's time and the request id. */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final int MAX_DETAIL = 4000;
    /** The actor name of what Baton does on its own. */
    static final String SYSTEM = "system";

    private final DSLContext db;
    private final Clock clock;

    JdbcAuditTrail(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(String action, String entityType, Object entityId, String detail) {
        CurrentUser user = CurrentUser.require();
        write(user.tenantId(), user.userId(), user.name(), action, entityType, entityId, detail);
    }

    @Override
    public void recordBySystem(long tenantId, String action, String entityType, Object entityId, String detail) {
        write(tenantId, null, SYSTEM, action, entityType, entityId, detail);
    }

    private void write(
            long tenantId,
            @Nullable Long actorId,
            String actorName,
            String action,
            String entityType,
            Object entityId,
            String detail) {
        this.db
                .insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.TENANT_ID, tenantId)
                .set(AUDIT_LOG.OCCURRED_AT, this.clock.instant())
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTOR_NAME, actorName)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, String.valueOf(entityId))
                .set(AUDIT_LOG.DETAIL, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail)
                .set(AUDIT_LOG.REQUEST_ID, MDC.get(RequestIdFilter.MDC_KEY))
                .execute();
    }
}
