package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;
import static dev.baton.platform.db.Tables.NOTIFICATION_SENDERS;

import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Keeps a channel's {@link RateLimit} per recipient address. A claimed delivery either takes one of the
 * recipient's sends (its {@code counted_at}, set before it is sent, so another node counts it while it is in
 * flight) or, when the window is full, is merged into the recipient's digest, which waits until the window has
 * room; a digest that finds the window full again simply waits longer. Sends are counted with the application
 * clock.
 */
@Component
class Throttle {

    enum Outcome {
        SEND,
        MERGED,
        POSTPONED
    }

    private final DSLContext db;
    private final Digests digests;

    Throttle(DSLContext db, Digests digests) {
        this.db = db;
        this.digests = digests;
    }

    /** Decides a claimed delivery's fate; runs in a transaction of its own, before the send. */
    Outcome admit(NotificationDeliveriesRecord row, RateLimit limit, Instant now) {
        lockSender(row);
        Optional<Instant> busy = limit.busyUntil(now, sendLog(row));
        if (busy.isEmpty()) {
            this.db
                    .update(NOTIFICATION_DELIVERIES)
                    .set(NOTIFICATION_DELIVERIES.COUNTED_AT, now)
                    .where(ofRow(row))
                    .execute();
            return Outcome.SEND;
        }
        if (Digests.EVENT.equals(row.getEvent())) {
            // not an attempt: the claim's count is given back
            this.db
                    .update(NOTIFICATION_DELIVERIES)
                    .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, busy.get())
                    .set(NOTIFICATION_DELIVERIES.ATTEMPTS, row.getAttempts() - 1)
                    .where(ofRow(row))
                    .execute();
            return Outcome.POSTPONED;
        }
        this.digests.merge(row, busy.get(), now);
        return Outcome.MERGED;
    }

    /** Serialises the recipient's counting and merging across nodes: one row per address, locked. */
    private void lockSender(NotificationDeliveriesRecord row) {
        try {
            this.db
                    .insertInto(NOTIFICATION_SENDERS)
                    .set(NOTIFICATION_SENDERS.TENANT_ID, row.getTenantId())
                    .set(NOTIFICATION_SENDERS.CHANNEL, row.getChannel())
                    .set(NOTIFICATION_SENDERS.ADDRESS, row.getAddress())
                    .onConflictDoNothing()
                    .execute();
        } catch (DuplicateKeyException e) {
            // H2 emulates ON CONFLICT with a MERGE that two transactions can race; the row exists, which is all we
            // need (H2 undoes only the statement; PostgreSQL's real ON CONFLICT never gets here)
        }
        this.db
                .selectOne()
                .from(NOTIFICATION_SENDERS)
                .where(
                        NOTIFICATION_SENDERS.TENANT_ID.eq(row.getTenantId()),
                        NOTIFICATION_SENDERS.CHANNEL.eq(row.getChannel()),
                        NOTIFICATION_SENDERS.ADDRESS.eq(row.getAddress()))
                .forUpdate()
                .execute();
    }

    private RateLimit.SendLog sendLog(NotificationDeliveriesRecord row) {
        Condition recipient = NOTIFICATION_DELIVERIES
                .TENANT_ID
                .eq(row.getTenantId())
                .and(NOTIFICATION_DELIVERIES.CHANNEL.eq(row.getChannel()))
                .and(NOTIFICATION_DELIVERIES.ADDRESS.eq(row.getAddress()));
        return new RateLimit.SendLog() {
            @Override
            public int countAfter(Instant from) {
                return Throttle.this.db.fetchCount(
                        NOTIFICATION_DELIVERIES, recipient.and(NOTIFICATION_DELIVERIES.COUNTED_AT.gt(from)));
            }

            @Override
            public Instant latest(int n) {
                return Throttle.this
                        .db
                        .select(NOTIFICATION_DELIVERIES.COUNTED_AT)
                        .from(NOTIFICATION_DELIVERIES)
                        .where(recipient, NOTIFICATION_DELIVERIES.COUNTED_AT.isNotNull())
                        .orderBy(NOTIFICATION_DELIVERIES.COUNTED_AT.desc())
                        .limit(1)
                        .offset(n - 1)
                        .fetchSingle(NOTIFICATION_DELIVERIES.COUNTED_AT);
            }
        };
    }

    static Condition ofRow(NotificationDeliveriesRecord row) {
        return NOTIFICATION_DELIVERIES.TENANT_ID.eq(row.getTenantId()).and(NOTIFICATION_DELIVERIES.ID.eq(row.getId()));
    }
}
