package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_SETTINGS;

import dev.baton.platform.TenantBackfill;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenants created before notifications existed have no settings row and no templates: on start they get what a
 * new tenant gets (the settings row is never deleted, so its absence marks exactly those tenants).
 */
@Component
@Order(110)
class NotifyBackfill implements ApplicationRunner {

    private final DSLContext db;
    private final NotifySeeding seeding;
    private final TransactionTemplate tx;

    NotifyBackfill(DSLContext db, NotifySeeding seeding, TransactionTemplate tx) {
        this.db = db;
        this.seeding = seeding;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantBackfill.seedMissing(
                this.db,
                this.tx,
                NOTIFICATION_SETTINGS,
                NOTIFICATION_SETTINGS.TENANT_ID,
                this.seeding::seed,
                "its notification settings and templates");
    }
}
