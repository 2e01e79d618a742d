package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_ATTEMPTS;
import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;

import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries. A round claims a batch in a short transaction — {@code FOR UPDATE SKIP LOCKED}, so two
 * nodes claim different rows, and a lease (the row's next attempt moved {@code baton.notify.lease} ahead), so a
 * claimed row is not claimed again while it is being sent — then sends each row outside any transaction and
 * records the outcome: sent, failed with the next attempt after an exponential backoff, or dead after the last
 * attempt (or at once when the provider's refusal is permanent). Each attempt is kept with the provider's answer.
 * A channel with a {@link RateLimit} asks the {@link Throttle} first, which may merge the row into a digest.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR = 2000;

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final NotifyProperties properties;
    private final Throttle throttle;
    private final JsonMapper json;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);

    DeliveryWorker(
            DSLContext db,
            TransactionTemplate tx,
            Clock clock,
            NotifyProperties properties,
            Throttle throttle,
            JsonMapper json,
            List<NotificationChannel> channels) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.throttle = throttle;
        this.json = json;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    @Scheduled(
            initialDelayString = "${baton.notify.poll-interval:5s}",
            fixedDelayString = "${baton.notify.poll-interval:5s}")
    void poll() {
        try {
            while (deliverDue() == this.properties.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("notification delivery round failed; the next round retries", e);
        }
    }

    /** Claims and sends one batch of due deliveries; returns how many it attempted. */
    int deliverDue() {
        List<NotificationDeliveriesRecord> claimed = this.tx.execute(s -> claim());
        if (claimed == null) {
            return 0;
        }
        for (NotificationDeliveriesRecord row : claimed) {
            deliver(row);
        }
        return claimed.size();
    }

    private List<NotificationDeliveriesRecord> claim() {
        Instant now = this.clock.instant();
        var select = this.db
                .selectFrom(NOTIFICATION_DELIVERIES)
                .where(
                        NOTIFICATION_DELIVERIES.STATUS.in(DeliveryStatus.DUE),
                        NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, NOTIFICATION_DELIVERIES.ID)
                .limit(this.properties.batchSize())
                .forUpdate();
        // H2 locks the rows too but has no SKIP LOCKED: a second H2 node waits for the first one's claim and then
        // finds the leased rows no longer due
        List<NotificationDeliveriesRecord> rows = this.db.dialect().family() == SQLDialect.POSTGRES
                ? select.skipLocked().fetch()
                : select.fetch();
        Instant leaseEnd = now.plus(this.properties.lease());
        for (NotificationDeliveriesRecord r : rows) {
            this.db
                    .update(NOTIFICATION_DELIVERIES)
                    .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, leaseEnd)
                    .set(NOTIFICATION_DELIVERIES.ATTEMPTS, NOTIFICATION_DELIVERIES.ATTEMPTS.plus(1))
                    .where(
                            NOTIFICATION_DELIVERIES.TENANT_ID.eq(r.getTenantId()),
                            NOTIFICATION_DELIVERIES.ID.eq(r.getId()))
                    .execute();
            r.setAttempts(r.getAttempts() + 1);
        }
        return rows;
    }

    private void deliver(NotificationDeliveriesRecord row) {
        Channel channel = Channel.ofCode(row.getChannel()).orElseThrow();
        NotificationChannel sender = this.channels.get(channel);
        if (sender != null && !admitted(row, sender)) {
            return;
        }
        @Nullable DeliveryFailure failure = null;
        try {
            if (sender == null) {
                throw new DeliveryFailure("no such channel: " + row.getChannel(), true);
            }
            sender.send(new Outgoing(
                    row.getTenantId(),
                    row.getId(),
                    row.getRecipientId(),
                    row.getEvent(),
                    row.getTicketId(),
                    row.getAddress(),
                    row.getSubject(),
                    row.getBody(),
                    row.getLink(),
                    details(row)));
        } catch (DeliveryFailure e) {
            failure = e;
        } catch (RuntimeException e) {
            log.warn("notification {} of tenant {} failed unexpectedly", row.getId(), row.getTenantId(), e);
            failure = new DeliveryFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
        DeliveryFailure outcome = failure;
        this.tx.executeWithoutResult(s -> record(row, outcome));
    }

    private Map<String, String> details(NotificationDeliveriesRecord row) {
        return row.getDetails() == null
                ? Map.of()
                : this.json.readValue(row.getDetails(), new TypeReference<Map<String, String>>() {});
    }

    /** Whether the recipient's rate limit lets the row go now; otherwise it was merged or postponed. */
    private boolean admitted(NotificationDeliveriesRecord row, NotificationChannel sender) {
        return sender.rateLimit()
                .map(limit -> this.tx.execute(s -> this.throttle.admit(row, limit, this.clock.instant()))
                        == Throttle.Outcome.SEND)
                .orElse(true);
    }

    private void record(NotificationDeliveriesRecord row, @Nullable DeliveryFailure failure) {
        Instant now = this.clock.instant();
        String error = failure == null ? null : cut(String.valueOf(failure.getMessage()));
        this.db
                .insertInto(NOTIFICATION_ATTEMPTS)
                .set(NOTIFICATION_ATTEMPTS.TENANT_ID, row.getTenantId())
                .set(NOTIFICATION_ATTEMPTS.DELIVERY_ID, row.getId())
                .set(NOTIFICATION_ATTEMPTS.ATTEMPT, attemptNumber(row))
                .set(NOTIFICATION_ATTEMPTS.AT, now)
                .set(NOTIFICATION_ATTEMPTS.OK, failure == null)
                .set(NOTIFICATION_ATTEMPTS.ERROR, error)
                .execute();
        var update = this.db.update(NOTIFICATION_DELIVERIES).set(NOTIFICATION_DELIVERIES.LAST_ERROR, error);
        if (failure == null) {
            update.set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.SENT)
                    .set(NOTIFICATION_DELIVERIES.SENT_AT, now)
                    .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, now);
        } else if (failure.permanent() || row.getAttempts() >= this.properties.maxAttempts()) {
            update.set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.DEAD)
                    .setNull(NOTIFICATION_DELIVERIES.COUNTED_AT)
                    .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, now);
        } else {
            // a message that did not arrive does not count against the recipient's rate limit
            update.set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.FAILED)
                    .setNull(NOTIFICATION_DELIVERIES.COUNTED_AT)
                    .set(
                            NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT,
                            now.plus(this.properties.backoffAfter(row.getAttempts())));
        }
        update.set(NOTIFICATION_DELIVERIES.ATTEMPTS, row.getAttempts())
                .where(
                        NOTIFICATION_DELIVERIES.TENANT_ID.eq(row.getTenantId()),
                        NOTIFICATION_DELIVERIES.ID.eq(row.getId()))
                .execute();
    }

    /**
     * The attempt's number in the log: counts every attempt ever made, across resends (which restart the
     * delivery's own count).
     */
    private int attemptNumber(NotificationDeliveriesRecord row) {
        Integer max = this.db
                .select(org.jooq.impl.DSL.max(NOTIFICATION_ATTEMPTS.ATTEMPT))
                .from(NOTIFICATION_ATTEMPTS)
                .where(
                        NOTIFICATION_ATTEMPTS.TENANT_ID.eq(row.getTenantId()),
                        NOTIFICATION_ATTEMPTS.DELIVERY_ID.eq(row.getId()))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    private static String cut(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }
}
