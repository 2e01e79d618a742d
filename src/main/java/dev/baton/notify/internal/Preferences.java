package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_PREFERENCES;
import static dev.baton.platform.db.Tables.NOTIFICATION_USER_SETTINGS;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Users' choices: which channels each event may use (only changes from {@link Channel#onByDefault()} are stored)
 * and their own quiet hours, which replace the tenant's.
 */
@Repository
class Preferences {

    private final DSLContext db;

    Preferences(DSLContext db) {
        this.db = db;
    }

    record Choice(String event, String channel, boolean enabled) {}

    /** @param start null together with {@code end} for "the tenant's quiet hours"; equal to it for none at all */
    record UserQuietHours(@Nullable String start, @Nullable String end) {}

    /** The stored choices of these users for one event: user → channel → enabled. */
    Map<Long, Map<Channel, Boolean>> forEvent(long tenantId, Collection<Long> userIds, String event) {
        Map<Long, Map<Channel, Boolean>> out = new HashMap<>();
        this.db
                .selectFrom(NOTIFICATION_PREFERENCES)
                .where(
                        NOTIFICATION_PREFERENCES.TENANT_ID.eq(tenantId),
                        NOTIFICATION_PREFERENCES.USER_ID.in(userIds),
                        NOTIFICATION_PREFERENCES.EVENT.eq(event))
                .forEach(r -> Channel.ofCode(r.getChannel())
                        .ifPresent(c -> out.computeIfAbsent(r.getUserId(), k -> new HashMap<>())
                                .put(c, r.getEnabled())));
        return out;
    }

    List<Choice> of(long tenantId, long userId) {
        return this.db
                .selectFrom(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.TENANT_ID.eq(tenantId), NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                .fetch(r -> new Choice(r.getEvent(), r.getChannel(), r.getEnabled()));
    }

    /** Replaces the user's choices with these (only those that differ from the default are kept). */
    void replace(long tenantId, long userId, Collection<Choice> choices) {
        this.db
                .deleteFrom(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.TENANT_ID.eq(tenantId), NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                .execute();
        var insert = this.db.insertInto(
                NOTIFICATION_PREFERENCES,
                NOTIFICATION_PREFERENCES.TENANT_ID,
                NOTIFICATION_PREFERENCES.USER_ID,
                NOTIFICATION_PREFERENCES.EVENT,
                NOTIFICATION_PREFERENCES.CHANNEL,
                NOTIFICATION_PREFERENCES.ENABLED);
        boolean any = false;
        for (Choice c : choices) {
            if (Channel.ofCode(c.channel()).orElseThrow().onByDefault() != c.enabled()) {
                insert = insert.values(tenantId, userId, c.event(), c.channel(), c.enabled());
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    /** Users' own quiet hours, for those who set them. */
    Map<Long, UserQuietHours> quietHours(long tenantId, Collection<Long> userIds) {
        Map<Long, UserQuietHours> out = new HashMap<>();
        this.db
                .selectFrom(NOTIFICATION_USER_SETTINGS)
                .where(
                        NOTIFICATION_USER_SETTINGS.TENANT_ID.eq(tenantId),
                        NOTIFICATION_USER_SETTINGS.USER_ID.in(userIds))
                .forEach(r -> out.put(r.getUserId(), new UserQuietHours(r.getQuietStart(), r.getQuietEnd())));
        return out;
    }

    Optional<UserQuietHours> quietHours(long tenantId, long userId) {
        return Optional.ofNullable(quietHours(tenantId, List.of(userId)).get(userId));
    }

    void setQuietHours(long tenantId, long userId, @Nullable UserQuietHours hours) {
        this.db
                .deleteFrom(NOTIFICATION_USER_SETTINGS)
                .where(NOTIFICATION_USER_SETTINGS.TENANT_ID.eq(tenantId), NOTIFICATION_USER_SETTINGS.USER_ID.eq(userId))
                .execute();
        if (hours != null) {
            this.db
                    .insertInto(NOTIFICATION_USER_SETTINGS)
                    .set(NOTIFICATION_USER_SETTINGS.TENANT_ID, tenantId)
                    .set(NOTIFICATION_USER_SETTINGS.USER_ID, userId)
                    .set(NOTIFICATION_USER_SETTINGS.QUIET_START, hours.start())
                    .set(NOTIFICATION_USER_SETTINGS.QUIET_END, hours.end())
                    .execute();
        }
    }
}
