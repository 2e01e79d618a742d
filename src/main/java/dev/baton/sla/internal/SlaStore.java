package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_FACTS;
import static dev.baton.platform.db.Tables.SLA_FIRINGS;
import static dev.baton.platform.db.Tables.SLA_METRICS;
import static dev.baton.platform.db.Tables.SLA_TICKETS;
import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.platform.db.tables.records.SlaFactsRecord;
import dev.baton.platform.db.tables.records.SlaMetricsRecord;
import dev.baton.platform.db.tables.records.SlaTicketsRecord;
import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SLA module's rows about tickets: what they are, their facts, their metrics and what fired. */
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

    void insertTicket(SlaTicketsRecord row) {
        this.db.executeInsert(row);
    }

    void updateTicket(SlaTicketsRecord row) {
        this.db.executeUpdate(row);
    }

    List<Long> openTickets(long tenantId) {
        return this.db
                .select(SLA_TICKETS.TICKET_ID)
                .from(SLA_TICKETS)
                .where(SLA_TICKETS.TENANT_ID.eq(tenantId), SLA_TICKETS.CLOSED_AT.isNull())
                .fetch(SLA_TICKETS.TICKET_ID);
    }

    boolean hasFact(long tenantId, long ticketId, int version, String key) {
        return this.db.fetchExists(
                SLA_FACTS,
                SLA_FACTS.TENANT_ID.eq(tenantId),
                SLA_FACTS.TICKET_ID.eq(ticketId),
                SLA_FACTS.TICKET_VERSION.eq(version),
                SLA_FACTS.FACT_KEY.eq(key));
    }

    void insertFact(long tenantId, long ticketId, int version, String key, SlaFact f) {
        this.db
                .insertInto(SLA_FACTS)
                .set(SLA_FACTS.TENANT_ID, tenantId)
                .set(SLA_FACTS.TICKET_ID, ticketId)
                .set(SLA_FACTS.TICKET_VERSION, version)
                .set(SLA_FACTS.FACT_KEY, key)
                .set(SLA_FACTS.KIND, f.kind().name())
                .set(SLA_FACTS.AT, f.at())
                .set(SLA_FACTS.NODE_ID, f.nodeId())
                .set(SLA_FACTS.STATUS, f.status())
                .set(SLA_FACTS.USER_ID, f.userId())
                .set(SLA_FACTS.DEPARTMENT_ID, f.departmentId())
                .set(SLA_FACTS.ROLE_CODE, f.roleCode())
                .set(SLA_FACTS.TARGET, f.target())
                .execute();
    }

    /** The ticket's facts in the order they happened. */
    List<SlaFact> facts(long tenantId, long ticketId) {
        return this.db
                .selectFrom(SLA_FACTS)
                .where(SLA_FACTS.TENANT_ID.eq(tenantId), SLA_FACTS.TICKET_ID.eq(ticketId))
                .orderBy(SLA_FACTS.TICKET_VERSION, SLA_FACTS.SEQ)
                .fetch(SlaStore::fact);
    }

    private static SlaFact fact(SlaFactsRecord r) {
        return new SlaFact(
                r.getAt(),
                SlaFact.Kind.valueOf(r.getKind()),
                r.getStatus(),
                r.getNodeId(),
                r.getTarget(),
                r.getUserId(),
                r.getDepartmentId(),
                r.getRoleCode());
    }

    /** Replaces the ticket's metric rows with these. */
    void saveMetrics(long tenantId, long ticketId, @Nullable Long policyId, List<SlaMetric> metrics, Instant now) {
        this.db
                .deleteFrom(SLA_METRICS)
                .where(SLA_METRICS.TENANT_ID.eq(tenantId), SLA_METRICS.TICKET_ID.eq(ticketId))
                .execute();
        if (metrics.isEmpty()) {
            return;
        }
        var insert = this.db.insertInto(
                SLA_METRICS,
                SLA_METRICS.TENANT_ID,
                SLA_METRICS.TICKET_ID,
                SLA_METRICS.METRIC,
                SLA_METRICS.POLICY_ID,
                SLA_METRICS.TARGET,
                SLA_METRICS.STARTED_AT,
                SLA_METRICS.DUE_AT,
                SLA_METRICS.STATE,
                SLA_METRICS.STOPPED_AT,
                SLA_METRICS.PAUSED_SECONDS,
                SLA_METRICS.HISTORY,
                SLA_METRICS.COMPUTED_AT);
        for (SlaMetric m : metrics) {
            insert = insert.values(
                    tenantId,
                    ticketId,
                    m.metric(),
                    policyId,
                    m.target().toString(),
                    m.startedAt(),
                    m.dueAt(),
                    m.state().code(),
                    m.stoppedAt(),
                    m.paused().getSeconds(),
                    this.json.writeValueAsString(m.history()),
                    now);
        }
        insert.execute();
    }

    /** The stored result (what a closed ticket keeps). */
    List<SlaMetric> metrics(long tenantId, long ticketId) {
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

    boolean fired(long tenantId, long ticketId, String metric, String kind, Instant dueAt) {
        return this.db.fetchExists(
                SLA_FIRINGS,
                SLA_FIRINGS.TENANT_ID.eq(tenantId),
                SLA_FIRINGS.TICKET_ID.eq(ticketId),
                SLA_FIRINGS.METRIC.eq(metric),
                SLA_FIRINGS.KIND.eq(kind),
                SLA_FIRINGS.DUE_AT.eq(dueAt));
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
