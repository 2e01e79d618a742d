package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_SETTINGS;
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
 * Tenants created before notifications existed have no settings row and no templates: on start they get what a
 * new tenant gets (the settings row is never deleted, so its absence marks exactly those tenants).
 */
@Component
@Order(110)
class NotifyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NotifyBackfill.class);

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
        List<Long> missing = this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .whereNotExists(DSL.selectOne()
                        .from(NOTIFICATION_SETTINGS)
                        .where(NOTIFICATION_SETTINGS.TENANT_ID.eq(TENANTS.TENANT_ID)))
                .fetch(TENANTS.TENANT_ID);
        for (long tenantId : missing) {
            try {
                this.tx.executeWithoutResult(s -> this.seeding.seed(new TenantCreated(tenantId, "")));
                log.info("gave tenant {} its notification settings and templates", tenantId);
            } catch (DataIntegrityViolationException e) {
                // another node starting at the same time did it first
                log.info("tenant {} got its notification settings from another node", tenantId);
            }
        }
    }
}
