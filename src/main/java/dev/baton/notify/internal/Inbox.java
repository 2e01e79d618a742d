package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_INBOX;

import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications (the bell): newest first, with an unread count. */
@Service
class Inbox {

    static final Set<String> SORT_KEYS = Set.of("createdAt");

    private final DSLContext db;
    private final Clock clock;

    Inbox(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Item(
            long id,
            String event,
            @Nullable Long ticketId,
            String title,
            String body,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt) {}

    @Transactional(readOnly = true)
    PageResult<Item> page(long tenantId, long userId, PageQuery page, boolean unreadOnly) {
        Condition where = mine(tenantId, userId);
        if (unreadOnly) {
            where = where.and(NOTIFICATION_INBOX.READ_AT.isNull());
        }
        int total = this.db.fetchCount(NOTIFICATION_INBOX, where);
        var items = this.db
                .selectFrom(NOTIFICATION_INBOX)
                .where(where)
                .orderBy(page.ascending() ? NOTIFICATION_INBOX.ID.asc() : NOTIFICATION_INBOX.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new Item(
                        r.getId(),
                        r.getEvent(),
                        r.getTicketId(),
                        r.getTitle(),
                        r.getBody(),
                        r.getLink(),
                        r.getCreatedAt(),
                        r.getReadAt()));
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    int unread(long tenantId, long userId) {
        return this.db.fetchCount(NOTIFICATION_INBOX, mine(tenantId, userId).and(NOTIFICATION_INBOX.READ_AT.isNull()));
    }

    /** Marks one as read; reading it twice keeps the first time. Another user's item is a 404. */
    @Transactional
    void read(long tenantId, long userId, long id) {
        Condition item = mine(tenantId, userId).and(NOTIFICATION_INBOX.ID.eq(id));
        if (!this.db.fetchExists(NOTIFICATION_INBOX, item)) {
            throw new NotFoundException("notification", id);
        }
        this.db
                .update(NOTIFICATION_INBOX)
                .set(NOTIFICATION_INBOX.READ_AT, this.clock.instant())
                .where(item, NOTIFICATION_INBOX.READ_AT.isNull())
                .execute();
    }

    @Transactional
    int readAll(long tenantId, long userId) {
        return this.db
                .update(NOTIFICATION_INBOX)
                .set(NOTIFICATION_INBOX.READ_AT, this.clock.instant())
                .where(mine(tenantId, userId), NOTIFICATION_INBOX.READ_AT.isNull())
                .execute();
    }

    private static Condition mine(long tenantId, long userId) {
        return NOTIFICATION_INBOX.TENANT_ID.eq(tenantId).and(NOTIFICATION_INBOX.USER_ID.eq(userId));
    }
}
