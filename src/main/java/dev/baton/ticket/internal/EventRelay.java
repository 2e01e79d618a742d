package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_OUTBOX;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.platform.db.tables.records.TicketOutboxRecord;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketEventBatch;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers the domain events stored with each event-log row to in-process listeners (Spring application
 * events), in id order, from one cursor shared by every Baton node ({@code ticket_relay}, locked for the round).
 * The listeners run inside the round's transaction, so their own database work commits together with the
 * cursor's advance; a change therefore costs no outbox row of its own, and a round covers the changes of many
 * tickets with one commit. Ids the cursor passes before their transaction commits are looked for again
 * ({@link PendingIds}). When a listener throws, the round is rolled back and run again with every delivery in a
 * savepoint: the failing event is copied to {@code ticket_outbox} and retried there with backoff, the others go
 * through. Rounds start shortly after a change commits (gathering what else commits meanwhile) and a poller
 * picks up what a crash or a failure left behind.
 */
@Component
class EventRelay {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final TypeReference<List<TicketEvent>> EVENTS = new TypeReference<>() {};
    private static final int BATCH = 500;
    /**
     * Longer than any ticket transaction runs: an id missed for this long belongs to a transaction that rolled
     * back. Wall-clock time, not the injected clock, because it bounds how long real transactions take.
     */
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private static final String WAKE_KEY = EventRelay.class.getName() + ".wake";

    private final DSLContext db;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final JsonMapper withoutEnvelope;
    private final ObjectReader eventsReader;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final long gatherMillis;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ticket-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private static final long RETRY_LOOK_NANOS = TimeUnit.SECONDS.toNanos(1);
    // guarded by running
    private long retriesLooked = System.nanoTime();

    EventRelay(
            DSLContext db,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactionManager,
            // long enough that under load a round takes many tickets' changes at once (20 ms: 9 % fewer lifecycles/s)
            @Value("${baton.outbox.gather:60ms}") Duration gather) {
        this.db = db;
        this.publisher = publisher;
        this.json = json;
        this.withoutEnvelope = json.rebuild()
                .addMixIn(TicketEvent.class, WithoutEnvelope.class)
                .build();
        this.eventsReader = json.readerFor(EVENTS);
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.gatherMillis = gather.toMillis();
    }

    /**
     * The events as stored with their event-log row: without the envelope they share with it (tenant, ticket,
     * version, time), which {@link #read} puts back (that is a third of the log's bytes), and without null values,
     * which read back as null.
     */
    String serialise(List<TicketEvent> events, long tenantId, long ticketId, int version, Instant at) {
        StringBuilder stored = new StringBuilder("[");
        for (TicketEvent event : events) {
            boolean shared = event.tenantId() == tenantId
                    && event.ticketId() == ticketId
                    && event.ticketVersion() == version
                    && event.at().equals(at);
            if (stored.length() > 1) {
                stored.append(',');
            }
            stored.append((shared ? this.withoutEnvelope : this.json).writeValueAsString(event));
        }
        return stored.append(']').toString();
    }

    /** Leaves out the envelope an event shares with its event-log row, and nulls. */
    @JsonIgnoreProperties({"tenantId", "ticketId", "ticketVersion", "at"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface WithoutEnvelope {}

    private List<TicketEvent> read(Logged row) {
        return decode(
                row.tenantId(),
                row.ticketId(),
                row.version(),
                row.at(),
                java.util.Objects.requireNonNull(row.events()));
    }

    /**
     * Event-log rows already decoded, by their key: a row is never changed once written, so an entry is never stale,
     * on this node or any other. The relay decodes each row as it delivers it, and the SLA module reads the same rows
     * back as the ticket's history moments later; parsing them again was a fifth of the engine's CPU.
     */
    private final com.github.benmanes.caffeine.cache.Cache<LogKey, List<TicketEvent>> decoded =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(20_000)
                    .expireAfterAccess(Duration.ofMinutes(2))
                    .build();

    private record LogKey(long tenantId, long ticketId, int version) {}

    /**
     * Each ticket's history as far as this node delivered it, when it delivered every row of it from the first
     * (version 0) on without a gap: the SLA module follows the tickets of each round from their whole history, and
     * reading it back for every round was the largest statement of the relay's work. A row is never changed once
     * written, so an entry can only fall behind — a row delivered by another node, or a version bumped without a row
     * of its own (see {@link RecentTickets}) — and then it is dropped rather than extended, and the history read.
     */
    private final com.github.benmanes.caffeine.cache.Cache<TicketKey, Delivered> histories =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(20_000)
                    .expireAfterAccess(Duration.ofMinutes(10))
                    .build();

    private record TicketKey(long tenantId, long ticketId) {}

    private record Delivered(int version, List<TicketEvent> events) {}

    /** The ticket's events up to the last row this node delivered, if it delivered all of them; null otherwise. */
    @Nullable
    List<TicketEvent> delivered(long tenantId, long ticketId) {
        Delivered d = this.histories.getIfPresent(new TicketKey(tenantId, ticketId));
        return d == null ? null : d.events();
    }

    /** Extends the delivered histories by a round's rows (committed: they are facts whatever the round does). */
    private void extendHistories(List<Logged> rows) {
        java.util.Map<TicketKey, List<Logged>> byTicket = new java.util.LinkedHashMap<>();
        for (Logged row : rows) {
            byTicket.computeIfAbsent(new TicketKey(row.tenantId(), row.ticketId()), k -> new ArrayList<>())
                    .add(row);
        }
        byTicket.forEach((key, ticketRows) -> {
            ticketRows.sort(java.util.Comparator.comparingInt(Logged::version));
            Delivered known = this.histories.getIfPresent(key);
            int version = known == null ? -1 : known.version();
            List<TicketEvent> events = known == null ? new ArrayList<>() : new ArrayList<>(known.events());
            for (Logged row : ticketRows) {
                if (row.version() <= version) {
                    continue; // known already: a round run again after a listener failed delivers its rows again
                }
                if (row.version() != version + 1) {
                    this.histories.invalidate(key); // a gap: what it lacks is only in the database
                    return;
                }
                version = row.version();
                if (row.events() != null) {
                    events.addAll(read(row));
                }
            }
            this.histories.put(key, new Delivered(version, List.copyOf(events)));
        });
    }

    /** The events of one event-log row, with the envelope they share with it put back. */
    List<TicketEvent> decode(long tenantId, long ticketId, int version, Instant at, String events) {
        return this.decoded.get(
                new LogKey(tenantId, ticketId, version), k -> parse(tenantId, ticketId, version, at, events));
    }

    private List<TicketEvent> parse(long tenantId, long ticketId, int version, Instant at, String events) {
        JsonNode stored = this.json.readTree(events);
        JsonNode time = this.json.valueToTree(at);
        for (JsonNode node : stored) {
            ObjectNode o = (ObjectNode) node;
            if (!o.has("tenantId")) {
                o.put("tenantId", tenantId);
                o.put("ticketId", ticketId);
                o.put("ticketVersion", version);
                o.set("at", time);
            }
        }
        // shared by every reader of the cache: nobody may change it
        return List.copyOf(this.eventsReader.<List<TicketEvent>>readValue(stored));
    }

    /** Starts a delivery round soon after the current transaction commits (once per transaction). */
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
            this.worker.schedule(
                    () -> {
                        this.queued.set(false);
                        drainQuietly(true, false);
                    },
                    this.gatherMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Scheduled(fixedDelayString = "${baton.outbox.poll-interval:5s}")
    void poll() {
        drainQuietly(false, true);
    }

    private void drainQuietly(boolean wait, boolean retries) {
        if (wait) {
            this.running.lock();
        } else if (!this.running.tryLock()) {
            return; // a round of this node is under way; it sees whatever the poll would have
        }
        try {
            drain(retries);
        } catch (RuntimeException e) {
            log.warn("ticket event delivery failed; the poller will retry", e);
        } finally {
            this.running.unlock();
        }
    }

    /**
     * Delivers every undelivered event and, when asked or a second has passed since the last look, the due retries:
     * a round after every commit need not also query the retry queue, whose backoff is ten seconds or more.
     */
    private int drain(boolean retries) {
        int delivered = 0;
        Round round;
        do {
            round = round();
            delivered += round.delivered();
        } while (round.full());
        long now = System.nanoTime();
        if (retries || now - this.retriesLooked > RETRY_LOOK_NANOS) {
            this.retriesLooked = now;
            delivered += retryDue();
        }
        return delivered;
    }

    private record Round(int delivered, boolean full) {}

    private record Logged(
            long id,
            long tenantId,
            long ticketId,
            int version,
            Instant at,
            @Nullable String events) {}

    private static final List<Field<?>> LOGGED = List.of(
            TICKET_EVENTS.ID,
            TICKET_EVENTS.TENANT_ID,
            TICKET_EVENTS.TICKET_ID,
            TICKET_EVENTS.TICKET_VERSION,
            TICKET_EVENTS.CREATED_AT,
            TICKET_EVENTS.DOMAIN_EVENTS);

    private static Logged logged(Record r) {
        return new Logged(
                r.get(TICKET_EVENTS.ID),
                r.get(TICKET_EVENTS.TENANT_ID),
                r.get(TICKET_EVENTS.TICKET_ID),
                r.get(TICKET_EVENTS.TICKET_VERSION),
                r.get(TICKET_EVENTS.CREATED_AT),
                r.get(TICKET_EVENTS.DOMAIN_EVENTS));
    }

    private Round round() {
        try {
            return this.transactions.execute(s -> round(false));
        } catch (RuntimeException e) {
            log.debug("a listener failed; delivering the round one event at a time", e);
            return this.transactions.execute(s -> round(true));
        }
    }

    /*
     * A round's three statements in plain JDBC, their SQL built once: under load rounds run back to back, and jOOQ's
     * rendering of them was the relay's largest share of CPU.
     */
    private static final String CURSOR = "select last_event_id, pending from ticket_relay where id = 1 for update";
    private static final String UNSEEN = "select "
            + LOGGED.stream().map(Field::getName).collect(java.util.stream.Collectors.joining(", "))
            + " from ticket_events where id > ? order by id limit " + BATCH;
    private static final String MOVE =
            "update ticket_relay set last_event_id = ?, pending = ?, updated_at = ? where id = 1";

    private record Cursor(long last, String pending) {}

    private static Logged logged(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Logged(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getInt(4),
                java.util.Objects.requireNonNull((Instant) Jdbc.column(rs, 5, Instant.class)),
                rs.getString(6));
    }

    private Round round(boolean oneByOne) {
        Cursor cursor = Jdbc.query(this.db, CURSOR, new Jdbc.Binds(), rs -> {
            if (!rs.next()) {
                throw new IllegalStateException("ticket_relay has no cursor row");
            }
            return new Cursor(rs.getLong(1), java.util.Objects.requireNonNullElse(rs.getString(2), ""));
        });
        long last = cursor.last();
        PendingIds pending = PendingIds.parse(cursor.pending());
        List<Logged> read = Jdbc.query(this.db, UNSEEN, new Jdbc.Binds().add(last), rs -> {
            List<Logged> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(logged(rs));
            }
            return rows;
        });
        List<Logged> late = pending.isEmpty()
                ? List.of()
                : this.db
                        .select(LOGGED)
                        .from(TICKET_EVENTS)
                        .where(TICKET_EVENTS.ID.in(pending.ids()))
                        .orderBy(TICKET_EVENTS.ID)
                        .fetch(EventRelay::logged);
        long now = System.currentTimeMillis();
        Set<Long> found = new HashSet<>();
        late.forEach(l -> found.add(l.id()));
        PendingIds next =
                pending.next(found, last, read.stream().map(Logged::id).toList(), now, now - GIVE_UP.toMillis());
        List<Logged> all = new ArrayList<>(late);
        all.addAll(read);
        extendHistories(all);
        int delivered = 0;
        List<TicketEvent> batch = new ArrayList<>();
        for (Logged event : all) {
            if (event.events() != null) {
                if (oneByOne) {
                    deliverInSavepoint(event);
                } else {
                    List<TicketEvent> events = read(event);
                    publish(events);
                    batch.addAll(events);
                }
                delivered++;
            }
        }
        if (!batch.isEmpty()) {
            this.publisher.publishEvent(new TicketEventBatch(batch));
        }
        long moved = read.isEmpty() ? last : read.getLast().id();
        if (moved != last || !next.equals(pending)) {
            Jdbc.update(
                    this.db,
                    MOVE,
                    new Jdbc.Binds().add(moved).add(next.format()).add(this.clock.instant()));
        }
        return new Round(delivered, read.size() == BATCH);
    }

    private void publish(List<TicketEvent> events) {
        for (TicketEvent event : events) {
            this.publisher.publishEvent(event);
        }
    }

    private void publishAsBatch(List<TicketEvent> events) {
        publish(events);
        this.publisher.publishEvent(new TicketEventBatch(events));
    }

    /** A listener's failure undoes only its own event's work; the event waits in the retry queue. */
    private void deliverInSavepoint(Logged event) {
        try {
            this.savepoints.executeWithoutResult(s -> publishAsBatch(read(event)));
        } catch (RuntimeException e) {
            log.warn("delivering the events of ticket event {} failed; retrying later", event.id(), e);
            this.db
                    .insertInto(TICKET_OUTBOX)
                    .set(TICKET_OUTBOX.TENANT_ID, event.tenantId())
                    .set(TICKET_OUTBOX.TICKET_ID, event.ticketId())
                    .set(TICKET_OUTBOX.EVENTS, this.json.writerFor(EVENTS).writeValueAsString(read(event)))
                    .set(TICKET_OUTBOX.ATTEMPTS, 1)
                    .set(TICKET_OUTBOX.NEXT_ATTEMPT_AT, this.clock.instant().plus(backoff(1)))
                    .set(TICKET_OUTBOX.LAST_ERROR, message(e))
                    .execute();
        }
    }

    /** Retries of failed deliveries, each claimed by deleting its row in the transaction its listeners run in. */
    private int retryDue() {
        List<Long[]> due = this.db
                .select(TICKET_OUTBOX.TENANT_ID, TICKET_OUTBOX.ID)
                .from(TICKET_OUTBOX)
                .where(TICKET_OUTBOX.NEXT_ATTEMPT_AT.le(this.clock.instant()))
                .orderBy(TICKET_OUTBOX.ID)
                .limit(BATCH)
                .fetch(r -> new Long[] {r.value1(), r.value2()});
        int delivered = 0;
        for (Long[] key : due) {
            if (retry(key[0], key[1])) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean retry(long tenantId, long id) {
        try {
            return Boolean.TRUE.equals(this.transactions.execute(status -> {
                Optional<TicketOutboxRecord> claimed = this.db
                        .deleteFrom(TICKET_OUTBOX)
                        .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                        .returning()
                        .fetchOptional();
                claimed.ifPresent(row -> publishAsBatch(this.json.readValue(row.getEvents(), EVENTS)));
                return claimed.isPresent(); // absent: another node delivered it
            }));
        } catch (RuntimeException e) {
            log.warn("retrying ticket event delivery {} failed; retrying later", id, e);
            int attempts = Optional.ofNullable(this.db
                                    .select(TICKET_OUTBOX.ATTEMPTS)
                                    .from(TICKET_OUTBOX)
                                    .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                                    .fetchOne(TICKET_OUTBOX.ATTEMPTS))
                            .orElse(0)
                    + 1;
            this.db
                    .update(TICKET_OUTBOX)
                    .set(TICKET_OUTBOX.ATTEMPTS, attempts)
                    .set(TICKET_OUTBOX.NEXT_ATTEMPT_AT, this.clock.instant().plus(backoff(attempts)))
                    .set(TICKET_OUTBOX.LAST_ERROR, message(e))
                    .where(TICKET_OUTBOX.TENANT_ID.eq(tenantId), TICKET_OUTBOX.ID.eq(id))
                    .execute();
            return false;
        }
    }

    /** 10 s, 20 s, 40 s … capped at an hour: a broken listener does not spin, a fixed one catches up. */
    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts - 1, 9)));
    }

    private static String message(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    @PreDestroy
    void stop() {
        this.worker.shutdownNow();
    }
}
