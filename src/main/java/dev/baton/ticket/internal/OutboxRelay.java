package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_OUTBOX;

import dev.baton.platform.db.tables.records.TicketOutboxRecord;
import dev.baton.ticket.TicketEvent;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox: each row's events are published as Spring application events to in-process
 * listeners. A row is claimed by deleting it, in the same transaction the listeners run in, so a
 * listener's own database work commits together with the delivery and two nodes never deliver one row
 * twice; the due rows of a round are claimed together, in one transaction. A listener that throws rolls
 * the claim back; the round is then delivered row by row and the failing row is retried with backoff. Delivery starts
 * right after the change commits, and a poller picks up whatever a crash or a failure left behind.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<List<TicketEvent>> EVENTS = new TypeReference<>() {};
    private static final int BATCH = 200;
    private static final String WAKE_KEY = OutboxRelay.class.getName() + ".wake";

    private final DSLContext db;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ticket-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(
            DSLContext db,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions) {
        this.db = db;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    String serialise(List<TicketEvent> events) {
        return this.json.writerFor(EVENTS).writeValueAsString(events);
    }

    /** Starts a delivery round once the current transaction commits (once per transaction). */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(WAKE_KEY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_KEY, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
                if (status == STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    private void wake() {
        if (this.queued.compareAndSet(false, true)) {
            this.worker.execute(() -> {
                this.queued.set(false);
                drainQuietly();
            });
        }
    }

    @Scheduled(fixedDelayString = "${baton.outbox.poll-interval:5s}")
    void poll() {
        drainQuietly();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("outbox delivery round failed; the poller will retry", e);
        }
    }

    /** Delivers every due row; returns how many were delivered. */
    int drain() {
        int delivered = 0;
        while (true) {
            List<Long[]> due = this.db
                    .select(TICKET_OUTBOX.TENANT_ID, TICKET_OUTBOX.ID)
                    .from(TICKET_OUTBOX)
                    .where(TICKET_OUTBOX.NEXT_ATTEMPT_AT.le(this.clock.instant()))
                    .orderBy(TICKET_OUTBOX.ID)
                    .limit(BATCH)
                    .fetch(r -> new Long[] {r.value1(), r.value2()});
            Integer together = due.size() > 1 ? deliverTogether(due) : null;
            if (together != null) {
                delivered += together;
            } else {
                for (Long[] key : due) {
                    if (deliver(key[0], key[1])) {
                        delivered++;
                    }
                }
            }
            if (due.size() < BATCH) {
                return delivered;
            }
        }
    }

    /**
     * Claims and delivers the rows of one round in a single transaction: under load a round holds the changes
     * of many tickets, and one commit for all of them instead of one each halves the commits the ticket
     * module causes. Null when a listener threw: the claim is rolled back and the round is delivered row by
     * row, so only the failing row waits for its retry (rows before it in the round reach listeners twice,
     * which at-least-once delivery allows).
     */
    private @Nullable Integer deliverTogether(List<Long[]> keys) {
        try {
            return this.transactions.execute(status -> {
                List<TicketOutboxRecord> claimed = new ArrayList<>(this.db
                        .deleteFrom(TICKET_OUTBOX)
                        .where(DSL.row(TICKET_OUTBOX.TENANT_ID, TICKET_OUTBOX.ID)
                                .in(keys.stream().map(k -> DSL.row(k[0], k[1])).toList()))
                        .returning()
                        .fetch());
                claimed.sort(Comparator.comparing(TicketOutboxRecord::getId));
                for (TicketOutboxRecord row : claimed) {
                    for (TicketEvent event : this.json.readValue(row.getEvents(), EVENTS)) {
                        this.publisher.publishEvent(event);
                    }
                }
                return claimed.size();
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean deliver(long tenantId, long id) {
        try {
            return Boolean.TRUE.equals(this.transactions.execute(status -> {
                Optional<TicketOutboxRecord> claimed = this.db
                        .deleteFrom(TICKET_OUTBOX)
                        .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                        .returning()
                        .fetchOptional();
                if (claimed.isEmpty()) {
                    return false; // another node delivered it
                }
                for (TicketEvent event : this.json.readValue(claimed.get().getEvents(), EVENTS)) {
                    this.publisher.publishEvent(event);
                }
                return true;
            }));
        } catch (RuntimeException e) {
            failed(tenantId, id, e);
            return false;
        }
    }

    private void failed(long tenantId, long id, RuntimeException e) {
        log.warn("delivering ticket outbox row {} failed; retrying later", id, e);
        TicketOutboxRecord row = this.db
                .selectFrom(TICKET_OUTBOX)
                .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                .fetchOne();
        if (row == null) {
            return;
        }
        int attempts = row.getAttempts() + 1;
        // 10 s, 20 s, 40 s … capped at an hour: a broken listener does not spin, a fixed one catches up.
        Duration backoff = Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts - 1, 9)));
        String message = String.valueOf(e.getMessage());
        this.db
                .update(TICKET_OUTBOX)
                .set(TICKET_OUTBOX.ATTEMPTS, attempts)
                .set(TICKET_OUTBOX.NEXT_ATTEMPT_AT, this.clock.instant().plus(backoff))
                .set(TICKET_OUTBOX.LAST_ERROR, message.length() > 1000 ? message.substring(0, 1000) : message)
                .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                .execute();
    }

    @PreDestroy
    void stop() {
        this.worker.shutdownNow();
    }
}
