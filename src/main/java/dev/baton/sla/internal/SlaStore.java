package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_FIRINGS;
import static dev.baton.platform.db.Tables.SLA_METRICS;
import static dev.baton.platform.db.Tables.SLA_TICKETS;
import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.platform.db.tables.records.SlaMetricsRecord;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SLA module's rows about tickets: one per followed ticket ({@code sla_tickets}: what policies match on, the
 * next moment its clocks need looking at, and at the close the metrics it keeps) and what fired. The facts are not
 * stored: they are the ticket's logged history ({@link SlaHistory}).
 */
@Repository
class SlaStore {

    private static final TypeReference<List<SlaMetric.Entry>> HISTORY = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    SlaStore(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<SlaTicketsRecord> ticket(long tenantId, long ticketId) {
        return this.db
                .selectFrom(SLA_TICKETS)
                .where(SLA_TICKETS.TENANT_ID.eq(tenantId), SLA_TICKETS.TICKET_ID.eq(ticketId))
                .fetchOptional();
    }

    /** Locks the ticket's row, so a timer and an event recomputing the same ticket take turns. */
    Optional<SlaTicketsRecord> lock(long tenantId, long ticketId) {
        return this.db
                .selectFrom(SLA_TICKETS)
                .where(SLA_TICKETS.TENANT_ID.eq(tenantId), SLA_TICKETS.TICKET_ID.eq(ticketId))
                .forUpdate()
                .fetchOptional();
    }

    /**
     * The flow version the ticket runs on now, read from the ticket module's row (the one read of another module's
     * table here: its events do not carry the version, and the relay delivers them after the change committed).
     */
    Optional<SlaTracker.FlowAt> flowOf(long tenantId, long ticketId) {
        return this.db
                .select(TICKETS.FLOW_ID, TICKETS.FLOW_VERSION)
                .from(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.ID.eq(ticketId))
                .fetchOptional()
                .filter(r -> r.value1() != null && r.value2() != null)
                .map(r -> new SlaTracker.FlowAt(r.value1(), r.value2()));
    }

    void updateTicket(SlaTicketsRecord row) {
        this.db.executeUpdate(row);
    }

    /**
     * Locks the rows of these tickets that exist, in ticket order (so two rounds, or a round and a firing, over
     * the same tickets cannot deadlock).
     */
    Map<Long, SlaTicketsRecord> lock(long tenantId, Collection<Long> ticketIds) {
        Map<Long, SlaTicketsRecord> rows = new HashMap<>();
        this.db
                .selectFrom(SLA_TICKETS)
                .where(
                        SLA_TICKETS.TENANT_ID.eq(tenantId),
                        SLA_TICKETS.TICKET_ID.eq(DSL.any(ticketIds.toArray(Long[]::new))))
                .orderBy(SLA_TICKETS.TICKET_ID)
                .forUpdate()
                .forEach(r -> rows.put(r.getTicketId(), r));
        return rows;
    }

    /**
     * New rows and changed ones, each kind in one batch of one statement rendered once (jOOQ's record batches render
     * a statement per record: they were the largest part of the SLA module's work in a relay round).
     */
    void save(List<SlaTicketsRecord> added, List<SlaTicketsRecord> changed) {
        if (!added.isEmpty()) {
            var insert = this.db.batch(this.db
                    .insertInto(SLA_TICKETS)
                    .columns(INSERTED)
                    .values(INSERTED.stream().map(f -> (Object) null).toList()));
            for (SlaTicketsRecord r : added) {
                insert.bind(INSERTED.stream().map(r::get).toArray());
            }
            insert.execute();
        }
        if (!changed.isEmpty()) {
            var update = this.db.batch(this.db
                    .update(SLA_TICKETS)
                    .set(SLA_TICKETS.POLICY_ID, (Long) null)
                    .set(SLA_TICKETS.CLOSED_AT, (Instant) null)
                    .set(SLA_TICKETS.RESULT, (String) null)
                    .set(SLA_TICKETS.DUE_AT, (Instant) null)
                    .set(SLA_TICKETS.LAST_VERSION, (Integer) null)
                    .where(SLA_TICKETS.TENANT_ID.eq((Long) null), SLA_TICKETS.TICKET_ID.eq((Long) null)));
            for (SlaTicketsRecord r : changed) {
                update.bind(
                        r.getPolicyId(),
                        r.getClosedAt(),
                        r.getResult(),
                        r.getDueAt(),
                        r.getLastVersion(),
                        r.getTenantId(),
                        r.getTicketId());
            }
            update.execute();
        }
    }

    private static final List<org.jooq.Field<?>> INSERTED = List.of(SLA_TICKETS.fields());

    /** Tickets whose next SLA moment has come, the most overdue first. */
    List<Key> due(Instant now, int limit) {
        return this.db
                .select(SLA_TICKETS.TENANT_ID, SLA_TICKETS.TICKET_ID)
                .from(SLA_TICKETS)
                .where(SLA_TICKETS.DUE_AT.le(now))
                .orderBy(SLA_TICKETS.DUE_AT)
                .limit(limit)
                .fetch(r -> new Key(r.value1(), r.value2()));
    }

    record Key(long tenantId, long ticketId) {}

    /** The metrics a closed ticket keeps, as stored in {@code sla_tickets.result}. */
    String result(List<SlaMetric> metrics) {
        return this.json.writeValueAsString(metrics.stream().map(Stored::of).toList());
    }

    List<SlaMetric> result(String text) {
        return this.json.readValue(text, STORED).stream().map(Stored::toMetric).toList();
    }

    private static final TypeReference<List<Stored>> STORED = new TypeReference<>() {};

    private record Stored(
            String metric,
            String target,
            Instant startedAt,
            Instant dueAt,
            String state,
            @Nullable Instant stoppedAt,
            long pausedSeconds,
            List<SlaMetric.Entry> history) {

        static Stored of(SlaMetric m) {
            return new Stored(
                    m.metric(),
                    m.target().toString(),
                    m.startedAt(),
                    m.dueAt(),
                    m.state().code(),
                    m.stoppedAt(),
                    m.paused().getSeconds(),
                    m.history());
        }

        SlaMetric toMetric() {
            return new SlaMetric(
                    this.metric,
                    BusinessDuration.parse(this.target).orElseThrow(),
                    this.startedAt,
                    this.dueAt,
                    SlaMetric.State.valueOf(this.state.toUpperCase(java.util.Locale.ROOT)),
                    this.stoppedAt,
                    Duration.ofSeconds(this.pausedSeconds),
                    this.history);
        }
    }

    /** What a ticket closed before V29 keeps: its rows in {@code sla_metrics}, no longer written. */
    List<SlaMetric> legacyMetrics(long tenantId, long ticketId) {
        return this.db
                .selectFrom(SLA_METRICS)
                .where(SLA_METRICS.TENANT_ID.eq(tenantId), SLA_METRICS.TICKET_ID.eq(ticketId))
                .orderBy(SLA_METRICS.STARTED_AT, SLA_METRICS.METRIC)
                .fetch(this::metric);
    }

    private SlaMetric metric(SlaMetricsRecord r) {
        return new SlaMetric(
                r.getMetric(),
                BusinessDuration.parse(r.getTarget()).orElseThrow(),
                r.getStartedAt(),
                r.getDueAt(),
                SlaMetric.State.valueOf(r.getState().toUpperCase(java.util.Locale.ROOT)),
                r.getStoppedAt(),
                Duration.ofSeconds(r.getPausedSeconds()),
                this.json.readValue(r.getHistory(), HISTORY));
    }

    record Firing(String metric, String kind, Instant dueAt, Instant firedAt, String recipients) {}

    List<Firing> firings(long tenantId, long ticketId) {
        return this.db
                .selectFrom(SLA_FIRINGS)
                .where(SLA_FIRINGS.TENANT_ID.eq(tenantId), SLA_FIRINGS.TICKET_ID.eq(ticketId))
                .orderBy(SLA_FIRINGS.FIRED_AT)
                .fetch(r -> new Firing(r.getMetric(), r.getKind(), r.getDueAt(), r.getFiredAt(), r.getRecipients()));
    }

    void insertFiring(long tenantId, long ticketId, Firing f) {
        this.db
                .insertInto(SLA_FIRINGS)
                .set(SLA_FIRINGS.TENANT_ID, tenantId)
                .set(SLA_FIRINGS.TICKET_ID, ticketId)
                .set(SLA_FIRINGS.METRIC, f.metric())
                .set(SLA_FIRINGS.KIND, f.kind())
                .set(SLA_FIRINGS.DUE_AT, f.dueAt())
                .set(SLA_FIRINGS.FIRED_AT, f.firedAt())
                .set(SLA_FIRINGS.RECIPIENTS, f.recipients())
                .execute();
    }

    static String ids(Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Long> parseIds(String text) {
        return text.isBlank()
                ? Set.of()
                : java.util.Arrays.stream(text.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
