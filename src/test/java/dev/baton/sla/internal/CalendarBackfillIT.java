package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.CALENDARS;
import static dev.baton.platform.db.Tables.CALENDAR_DAYS;
import static dev.baton.platform.db.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CalendarBackfillIT extends IntegrationTest {

    @Autowired
    DSLContext db;

    @Autowired
    CalendarBackfill backfill;

    @Autowired
    CalendarCache cache;

    @Test
    void aTenantFromBeforeCalendarsGetsTheStartingCalendarsOnStart() {
        Api admin = newTenant();
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long tenantId = this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code))
                .fetchSingle(TENANTS.TENANT_ID);
        this.db
                .deleteFrom(CALENDAR_DAYS)
                .where(CALENDAR_DAYS.TENANT_ID.eq(tenantId))
                .execute();
        this.db.deleteFrom(CALENDARS).where(CALENDARS.TENANT_ID.eq(tenantId)).execute();
        this.cache.changed(tenantId);
        assertThat(admin.get("/api/v1/calendars").json().path("total").asLong()).isZero();

        this.backfill.run(null);
        this.backfill.run(null);

        assertThat(admin.get("/api/v1/calendars").json().path("total").asLong()).isEqualTo(2);
    }
}
