package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.POOL_SETTINGS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.RoleCatalog;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.PoolSettingsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's pool rules: limits and timers. Ticket events ask for them on every offer, so they are cached for a
 * few seconds per tenant (cleared here on save; another node sees a change within the expiry).
 */
@Service
class PoolSettings {

    private final DSLContext db;
    private final RoleCatalog roles;
    private final AuditTrail audit;
    private final Clock clock;
    private final Cache<Long, PoolSettingsView> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    PoolSettings(DSLContext db, RoleCatalog roles, AuditTrail audit, Clock clock) {
        this.db = db;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The settings as of a few seconds ago at most, for the timers. */
    PoolSettingsView cached(long tenantId) {
        return this.cache.get(tenantId, this::settings);
    }

    @Transactional(readOnly = true)
    PoolSettingsView settings(long tenantId) {
        PoolSettingsRecord r = this.db.fetchOne(POOL_SETTINGS, POOL_SETTINGS.TENANT_ID.eq(tenantId));
        return r == null
                ? new PoolSettingsView(null, null, null, null, null, null)
                : new PoolSettingsView(
                        r.getDailyGrabLimit(),
                        r.getMaxHeld(),
                        r.getEscalateAfterMinutes(),
                        r.getReturnAfterMinutes(),
                        r.getEscalateRole(),
                        r.getVersion());
    }

    @Transactional
    PoolSettingsView saveSettings(long tenantId, PoolSettingsView cmd) {
        List<FieldError> errors = new ArrayList<>();
        range("dailyGrabLimit", cmd.dailyGrabLimit(), errors);
        range("maxHeld", cmd.maxHeld(), errors);
        range("escalateAfterMinutes", cmd.escalateAfterMinutes(), errors);
        range("returnAfterMinutes", cmd.returnAfterMinutes(), errors);
        if (cmd.escalateRole() != null && !this.roles.roleCodes(tenantId).contains(cmd.escalateRole())) {
            errors.add(new FieldError("escalateRole", "{assignment.role.unknown}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PoolSettingsView current = settings(tenantId);
        Instant now = this.clock.instant();
        if (current.version() == null) {
            if (cmd.version() != null) {
                throw new VersionConflictException("pool_settings", tenantId, 0);
            }
            this.db
                    .insertInto(POOL_SETTINGS)
                    .set(POOL_SETTINGS.TENANT_ID, tenantId)
                    .set(POOL_SETTINGS.DAILY_GRAB_LIMIT, cmd.dailyGrabLimit())
                    .set(POOL_SETTINGS.MAX_HELD, cmd.maxHeld())
                    .set(POOL_SETTINGS.ESCALATE_AFTER_MINUTES, cmd.escalateAfterMinutes())
                    .set(POOL_SETTINGS.RETURN_AFTER_MINUTES, cmd.returnAfterMinutes())
                    .set(POOL_SETTINGS.ESCALATE_ROLE, cmd.escalateRole())
                    .set(POOL_SETTINGS.UPDATED_AT, now)
                    .set(POOL_SETTINGS.VERSION, 0)
                    .execute();
        } else {
            if (cmd.version() == null) {
                throw new ValidationException("version", "{validation.required}");
            }
            int updated = this.db
                    .update(POOL_SETTINGS)
                    .set(POOL_SETTINGS.DAILY_GRAB_LIMIT, cmd.dailyGrabLimit())
                    .set(POOL_SETTINGS.MAX_HELD, cmd.maxHeld())
                    .set(POOL_SETTINGS.ESCALATE_AFTER_MINUTES, cmd.escalateAfterMinutes())
                    .set(POOL_SETTINGS.RETURN_AFTER_MINUTES, cmd.returnAfterMinutes())
                    .set(POOL_SETTINGS.ESCALATE_ROLE, cmd.escalateRole())
                    .set(POOL_SETTINGS.UPDATED_AT, now)
                    .set(POOL_SETTINGS.VERSION, POOL_SETTINGS.VERSION.plus(1))
                    .where(POOL_SETTINGS.TENANT_ID.eq(tenantId), POOL_SETTINGS.VERSION.eq(cmd.version()))
                    .execute();
            if (updated == 0) {
                throw new VersionConflictException("pool_settings", tenantId, current.version());
            }
        }
        this.cache.invalidate(tenantId);
        this.audit.record("assignment.pool.settings", "pool_settings", tenantId, cmd.toString());
        return settings(tenantId);
    }

    private static void range(String field, @Nullable Integer value, List<FieldError> errors) {
        if (value != null && (value < 0 || value > 100_000)) {
            errors.add(new FieldError(field, "{assignment.limit.range}"));
        }
    }
}
