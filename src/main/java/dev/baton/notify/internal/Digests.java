package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;

import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * A recipient's digest: one delivery ("您有 N 条新的工单通知" with their subjects) standing for the deliveries a
 * rate limit held back, which are marked {@code merged} with a reference to it. Deliveries join the recipient's
 * digest while it has not been tried yet; once it has, the next one held back opens a new digest.
 */
@Component
class Digests {

    /** The digest's event in the delivery log; not one a template or preference can name. */
    static final String EVENT = "digest";

    /** Subjects listed in the body; WeCom shows at most 512 bytes of a text card's description. */
    static final int LISTED = 10;

    static final int MAX_BODY_BYTES = 480;

    private final DSLContext db;
    private final TicketFacts tickets;
    private final NotifyProperties properties;

    Digests(DSLContext db, TicketFacts tickets, NotifyProperties properties) {
        this.db = db;
        this.tickets = tickets;
        this.properties = properties;
    }

    /**
     * Merges a claimed delivery into the recipient's open digest, or a new one, due when the recipient's window
     * has room; in the caller's transaction, which holds the recipient's lock.
     */
    void merge(NotificationDeliveriesRecord row, Instant due, Instant now) {
        Long digest = this.db
                .select(NOTIFICATION_DELIVERIES.ID)
                .from(NOTIFICATION_DELIVERIES)
                .where(
                        NOTIFICATION_DELIVERIES.TENANT_ID.eq(row.getTenantId()),
                        NOTIFICATION_DELIVERIES.CHANNEL.eq(row.getChannel()),
                        NOTIFICATION_DELIVERIES.ADDRESS.eq(row.getAddress()),
                        NOTIFICATION_DELIVERIES.EVENT.eq(EVENT),
                        NOTIFICATION_DELIVERIES.STATUS.eq(DeliveryStatus.PENDING),
                        // a digest being sent has been claimed (attempts 1): it no longer takes members
                        NOTIFICATION_DELIVERIES.ATTEMPTS.eq(0))
                .orderBy(NOTIFICATION_DELIVERIES.ID)
                .limit(1)
                .forUpdate()
                .fetchOne(NOTIFICATION_DELIVERIES.ID);
        if (digest == null) {
            digest = open(row, due, now);
        }
        this.db
                .update(NOTIFICATION_DELIVERIES)
                .set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.MERGED)
                .set(NOTIFICATION_DELIVERIES.DIGEST_ID, digest)
                // merging is not an attempt: the claim's count is given back
                .set(NOTIFICATION_DELIVERIES.ATTEMPTS, row.getAttempts() - 1)
                .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, now)
                .where(Throttle.ofRow(row))
                .execute();
        rewrite(row.getTenantId(), digest, due);
    }

    private long open(NotificationDeliveriesRecord row, Instant due, Instant now) {
        return this.db
                .insertInto(NOTIFICATION_DELIVERIES)
                .set(NOTIFICATION_DELIVERIES.TENANT_ID, row.getTenantId())
                .set(NOTIFICATION_DELIVERIES.RECIPIENT_ID, row.getRecipientId())
                .set(NOTIFICATION_DELIVERIES.CHANNEL, row.getChannel())
                .set(NOTIFICATION_DELIVERIES.EVENT, EVENT)
                .set(NOTIFICATION_DELIVERIES.ADDRESS, row.getAddress())
                .set(NOTIFICATION_DELIVERIES.SUBJECT, "")
                .set(NOTIFICATION_DELIVERIES.BODY, "")
                .set(NOTIFICATION_DELIVERIES.URGENT, false)
                .set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.PENDING)
                .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, due)
                .set(NOTIFICATION_DELIVERIES.CREATED_AT, now)
                .returning(NOTIFICATION_DELIVERIES.ID)
                .fetchSingle()
                .getId();
    }

    /** Subject, body, ticket and link from the digest's members, so far. */
    private void rewrite(long tenantId, long digest, Instant due) {
        var members = NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId).and(NOTIFICATION_DELIVERIES.DIGEST_ID.eq(digest));
        var counts = this.db
                .select(
                        DSL.count(),
                        DSL.count(NOTIFICATION_DELIVERIES.TICKET_ID),
                        DSL.countDistinct(NOTIFICATION_DELIVERIES.TICKET_ID),
                        DSL.min(NOTIFICATION_DELIVERIES.TICKET_ID))
                .from(NOTIFICATION_DELIVERIES)
                .where(members)
                .fetchSingle();
        int total = counts.value1();
        List<String> subjects = this.db
                .select(NOTIFICATION_DELIVERIES.SUBJECT)
                .from(NOTIFICATION_DELIVERIES)
                .where(members)
                .orderBy(NOTIFICATION_DELIVERIES.ID)
                .limit(LISTED)
                .fetch(NOTIFICATION_DELIVERIES.SUBJECT);
        // one ticket: the digest is about it and opens it; several: the ticket list
        Long ticket = counts.value2() == total && counts.value3() == 1 ? counts.value4() : null;
        String link = ticket != null
                ? this.tickets.link(ticket)
                : this.properties.linkBase().replaceAll("/+$", "") + "/tickets";
        this.db
                .update(NOTIFICATION_DELIVERIES)
                .set(NOTIFICATION_DELIVERIES.SUBJECT, subject(total))
                .set(NOTIFICATION_DELIVERIES.BODY, body(subjects, total))
                .set(NOTIFICATION_DELIVERIES.TICKET_ID, ticket)
                .set(NOTIFICATION_DELIVERIES.LINK, link)
                .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, due)
                .where(NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId), NOTIFICATION_DELIVERIES.ID.eq(digest))
                .execute();
    }

    static String subject(int total) {
        return "您有 " + total + " 条新的工单通知";
    }

    /** One line per subject while they fit, then how many more there are. */
    static String body(List<String> subjects, int total) {
        StringBuilder body = new StringBuilder();
        int listed = 0;
        for (String s : subjects) {
            String line = (listed == 0 ? "" : "\n") + "· " + s;
            if (bytes(body) + bytes(line) > MAX_BODY_BYTES - 40) {
                break;
            }
            body.append(line);
            listed++;
        }
        if (listed < total) {
            body.append(listed == 0 ? "" : "\n")
                    .append("…… 另有 ")
                    .append(total - listed)
                    .append(" 条");
        }
        return body.toString();
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
