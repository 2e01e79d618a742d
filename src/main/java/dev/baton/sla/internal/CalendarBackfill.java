package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.CALENDARS;

import dev.baton.platform.TenantBackfill;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants created before calendars existed have none (a tenant's default calendar cannot be deleted, so no other
 * tenant is without one): on start they get the same starting calendars a new tenant gets.
 */
@Component
@Order(100)
class CalendarBackfill implements ApplicationRunner {

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
        TenantBackfill.seedMissing(
                this.db,
                this.tx,
                CALENDARS,
                CALENDARS.TENANT_ID,
                this.seeding::seed,
                "its starting business calendars");
    }
}
