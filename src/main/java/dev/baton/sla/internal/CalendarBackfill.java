package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.CALENDARS;
import static dev.baton.platform.db.Tables.TENANTS;

import dev.baton.platform.TenantCreated;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants created before calendars existed have none (a tenant's default calendar cannot be deleted, so no other
 * tenant is without one): on start they get the same starting calendars a new tenant gets.
 */
@Component
@Order(100)
class CalendarBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarBackfill.class);

    private final DSLContext db;
    private final CalendarSeeding seeding;
    private final TransactionTemplate tx;

    CalendarBackfill(DSLContext db, CalendarSeeding seeding, TransactionTemplate tx) {
        this.db = db;
        this.seeding = seeding;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> missing = this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .whereNotExists(DSL.selectOne().from(CALENDARS).where(CALENDARS.TENANT_ID.eq(TENANTS.TENANT_ID)))
                .fetch(TENANTS.TENANT_ID);
        for (long tenantId : missing) {
            try {
                this.tx.executeWithoutResult(s -> this.seeding.seed(new TenantCreated(tenantId, "")));
                log.info("gave tenant {} its starting business calendars", tenantId);
            } catch (DataIntegrityViolationException e) {
                // another node starting at the same time did it first
                log.info("tenant {} got its calendars from another node", tenantId);
            }
        }
    }
}
