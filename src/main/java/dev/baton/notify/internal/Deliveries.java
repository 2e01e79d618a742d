package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_ATTEMPTS;
import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;

import dev.baton.platform.ConflictException;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log: per ticket, the failed and dead ones for administrators, and resending. */
@Service
class Deliveries {

    static final Set<String> SORT_KEYS = Set.of("createdAt");

    private final DSLContext db;
    private final OrgDirectory org;
    private final Clock clock;

    Deliveries(DSLContext db, OrgDirectory org, Clock clock) {
        this.db = db;
        this.org = org;
        this.clock = clock;
    }

    record Attempt(
            int attempt, Instant at, boolean ok, @Nullable String error) {}

    /**
     * One delivery: who, which channel, when, its state and every attempt with the provider's answer.
     *
     * @param digestId for a {@code merged} delivery, the digest it went out in
     */
    record View(
            long id,
            String event,
            String channel,
            @Nullable Long recipientId,
            @Nullable String recipientName,
            @Nullable String address,
            @Nullable Long ticketId,
            String subject,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable Long digestId,
            List<Attempt> log) {

        /** The same without where it went: e-mail addresses and mobile numbers are for administrators. */
        View withoutAddress() {
            return new View(
                    this.id,
                    this.event,
                    this.channel,
                    this.recipientId,
                    this.recipientName,
                    null,
                    this.ticketId,
                    this.subject,
                    this.status,
                    this.attempts,
                    this.nextAttemptAt,
                    this.lastError,
                    this.createdAt,
                    this.sentAt,
                    this.digestId,
                    this.log);
        }
    }

    /** The ticket's deliveries and the digests its merged ones went out in (which may be about other tickets too). */
    @Transactional(readOnly = true)
    List<View> ofTicket(long tenantId, long ticketId) {
        List<NotificationDeliveriesRecord> rows = new java.util.ArrayList<>(this.db
                .selectFrom(NOTIFICATION_DELIVERIES)
                .where(NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId), NOTIFICATION_DELIVERIES.TICKET_ID.eq(ticketId))
                .orderBy(NOTIFICATION_DELIVERIES.ID)
                .limit(1000)
                .fetch());
        Set<Long> listed =
                rows.stream().map(NotificationDeliveriesRecord::getId).collect(Collectors.toSet());
        Set<Long> digests = rows.stream()
                .map(NotificationDeliveriesRecord::getDigestId)
                .filter(id -> id != null && !listed.contains(id))
                .collect(Collectors.toSet());
        if (!digests.isEmpty()) {
            rows.addAll(this.db
                    .selectFrom(NOTIFICATION_DELIVERIES)
                    .where(NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId), NOTIFICATION_DELIVERIES.ID.in(digests))
                    .fetch());
            rows.sort(java.util.Comparator.comparing(NotificationDeliveriesRecord::getId));
        }
        return views(tenantId, rows);
    }

    @Transactional(readOnly = true)
    PageResult<View> list(long tenantId, Collection<String> statuses, PageQuery page) {
        Condition where =
                NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId).and(NOTIFICATION_DELIVERIES.STATUS.in(statuses));
        int total = this.db.fetchCount(NOTIFICATION_DELIVERIES, where);
        List<NotificationDeliveriesRecord> rows = this.db
                .selectFrom(NOTIFICATION_DELIVERIES)
                .where(where)
                .orderBy(page.ascending() ? NOTIFICATION_DELIVERIES.ID.asc() : NOTIFICATION_DELIVERIES.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return new PageResult<>(views(tenantId, rows), page.page(), page.size(), total);
    }

    /**
     * Sends a failed or dead delivery again, now, with a fresh allowance of attempts; its log keeps the earlier
     * ones. A delivery that was sent, or is still waiting, is a 409.
     */
    @Transactional
    View resend(long tenantId, long id) {
        NotificationDeliveriesRecord r = this.db.fetchOne(
                NOTIFICATION_DELIVERIES,
                NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId),
                NOTIFICATION_DELIVERIES.ID.eq(id));
        if (r == null) {
            throw new NotFoundException("notification-delivery", id);
        }
        int changed = this.db
                .update(NOTIFICATION_DELIVERIES)
                .set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.PENDING)
                .set(NOTIFICATION_DELIVERIES.ATTEMPTS, 0)
                .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, this.clock.instant())
                .where(
                        NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId),
                        NOTIFICATION_DELIVERIES.ID.eq(id),
                        NOTIFICATION_DELIVERIES.STATUS.in(DeliveryStatus.FAILED, DeliveryStatus.DEAD))
                .execute();
        if (changed == 0) {
            throw new ConflictException("notification-not-resendable", r.getStatus());
        }
        return views(
                        tenantId,
                        List.of(Objects.requireNonNull(this.db.fetchOne(
                                NOTIFICATION_DELIVERIES,
                                NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId),
                                NOTIFICATION_DELIVERIES.ID.eq(id)))))
                .getFirst();
    }

    private List<View> views(long tenantId, List<NotificationDeliveriesRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(NotificationDeliveriesRecord::getId).toList();
        Map<Long, List<Attempt>> attempts = this.db
                .selectFrom(NOTIFICATION_ATTEMPTS)
                .where(NOTIFICATION_ATTEMPTS.TENANT_ID.eq(tenantId), NOTIFICATION_ATTEMPTS.DELIVERY_ID.in(ids))
                .orderBy(NOTIFICATION_ATTEMPTS.DELIVERY_ID, NOTIFICATION_ATTEMPTS.ATTEMPT)
                .fetchGroups(
                        NOTIFICATION_ATTEMPTS.DELIVERY_ID,
                        a -> new Attempt(a.getAttempt(), a.getAt(), a.getOk(), a.getError()));
        Set<Long> people = rows.stream()
                .map(NotificationDeliveriesRecord::getRecipientId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> names = this.org.names(tenantId, people);
        return rows.stream()
                .map(r -> new View(
                        r.getId(),
                        r.getEvent(),
                        r.getChannel(),
                        r.getRecipientId(),
                        r.getRecipientId() == null ? null : names.get(r.getRecipientId()),
                        r.getAddress(),
                        r.getTicketId(),
                        r.getSubject(),
                        r.getStatus(),
                        r.getAttempts(),
                        r.getNextAttemptAt(),
                        r.getLastError(),
                        r.getCreatedAt(),
                        r.getSentAt(),
                        r.getDigestId(),
                        attempts.getOrDefault(r.getId(), List.of())))
                .toList();
    }
}
