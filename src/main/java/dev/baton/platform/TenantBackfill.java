package dev.baton.platform;

import static dev.baton.platform.db.Tables.TENANTS;

import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives tenants that existed before a module did its starting data, on start: every tenant without a row in the
 * module's marker table is seeded as if it had just been created, each in its own transaction. Two nodes starting at
 * once may race; the loser's unique-key failure is expected and only logged.
 */
public final class TenantBackfill {

    private static final Logger log = LoggerFactory.getLogger(TenantBackfill.class);

    private TenantBackfill() {}

    /**
     * @param marker a table every seeded tenant has at least one row in, for good
     * @param markerTenant its tenant column
     * @param what what the tenants get, for the log ("its starting business calendars")
     */
    public static void seedMissing(
            DSLContext db,
            TransactionTemplate tx,
            Table<?> marker,
            Field<Long> markerTenant,
            Consumer<TenantCreated> seeding,
            String what) {
        Condition seeded = markerTenant.eq(TENANTS.TENANT_ID);
        List<Long> missing = db.select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .whereNotExists(DSL.selectOne().from(marker).where(seeded))
                .fetch(TENANTS.TENANT_ID);
        for (long tenantId : missing) {
            try {
                tx.executeWithoutResult(s -> seeding.accept(new TenantCreated(tenantId, "")));
                log.info("gave tenant {} {}", tenantId, what);
            } catch (DataIntegrityViolationException e) {
                log.info("tenant {} got {} from another node", tenantId, what);
            }
        }
    }
}
