package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_SETTINGS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.NotificationSettingsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** A tenant's notification settings: its quiet hours and its outgoing webhook. One row per tenant. */
@Repository
class TenantSettings {

    static final String DEFAULT_ZONE = "Asia/Shanghai";

    private final DSLContext db;
    private final Clock clock;

    TenantSettings(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Settings(
            @Nullable LocalTime quietStart,
            @Nullable LocalTime quietEnd,
            ZoneId zone,
            @Nullable String webhookUrl,
            @Nullable String webhookSecret,
            boolean enabled,
            int version) {

        Optional<QuietHours> quietHours() {
            return this.quietStart == null || this.quietEnd == null
                    ? Optional.empty()
                    : Optional.of(new QuietHours(this.quietStart, this.quietEnd, this.zone));
        }
    }

    // Asked on every ticket event; a change on this node is seen at once, on another within the expiry.
    private final Cache<Long, Boolean> enabled = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    /** Whether anything is to be queued for the tenant at all. */
    boolean enabled(long tenantId) {
        return this.enabled.get(tenantId, t -> of(t).enabled());
    }

    void seed(long tenantId) {
        this.db
                .insertInto(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.TENANT_ID, tenantId)
                .set(NOTIFICATION_SETTINGS.QUIET_ZONE, DEFAULT_ZONE)
                .set(NOTIFICATION_SETTINGS.UPDATED_AT, this.clock.instant())
                .execute();
    }

    Settings of(long tenantId) {
        NotificationSettingsRecord r =
                this.db.fetchOne(NOTIFICATION_SETTINGS, NOTIFICATION_SETTINGS.TENANT_ID.eq(tenantId));
        if (r == null) {
            return new Settings(null, null, ZoneId.of(DEFAULT_ZONE), null, null, true, 0);
        }
        return new Settings(
                time(r.getQuietStart()),
                time(r.getQuietEnd()),
                ZoneId.of(r.getQuietZone()),
                r.getWebhookUrl(),
                r.getWebhookSecret(),
                r.getEnabled(),
                r.getVersion());
    }

    /** Saves them if {@code expectedVersion} is still current; a null secret keeps the stored one. */
    void save(long tenantId, Settings s, int expectedVersion) {
        var update = this.db
                .update(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.QUIET_START, text(s.quietStart()))
                .set(NOTIFICATION_SETTINGS.QUIET_END, text(s.quietEnd()))
                .set(NOTIFICATION_SETTINGS.QUIET_ZONE, s.zone().getId())
                .set(NOTIFICATION_SETTINGS.WEBHOOK_URL, s.webhookUrl())
                .set(NOTIFICATION_SETTINGS.ENABLED, s.enabled())
                .set(NOTIFICATION_SETTINGS.UPDATED_AT, this.clock.instant());
        if (s.webhookSecret() != null || s.webhookUrl() == null) {
            update = update.set(NOTIFICATION_SETTINGS.WEBHOOK_SECRET, s.webhookSecret());
        }
        // OptimisticLock's guard by hand: the settings row has no id column, the tenant is the row
        int rows = update.set(NOTIFICATION_SETTINGS.VERSION, NOTIFICATION_SETTINGS.VERSION.plus(1))
                .where(NOTIFICATION_SETTINGS.TENANT_ID.eq(tenantId), NOTIFICATION_SETTINGS.VERSION.eq(expectedVersion))
                .execute();
        this.enabled.invalidate(tenantId);
        if (rows != 1) {
            throw new VersionConflictException(
                    "notification-settings", tenantId, of(tenantId).version());
        }
    }

    static @Nullable LocalTime time(@Nullable String hhmm) {
        return hhmm == null ? null : LocalTime.parse(hhmm);
    }

    static @Nullable String text(@Nullable LocalTime t) {
        return t == null ? null : t.toString();
    }
}
