package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.FIELD_INDEX;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;
import static dev.baton.platform.db.Tables.TICKET_TERMS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.db.tables.records.TicketTasksRecord;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.template.FieldIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Every write of the ticket module. A transition is one guarded update of the ticket row, the changed task
 * rows and one event row (which carries the change's domain events); nothing here updates or deletes an event.
 */
@Repository
class TicketStore {

    private final DSLContext db;

    TicketStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Every action and read starts here, so its SQL is rendered once: rendering the 31 columns of a
     * {@code selectFrom} was the largest single share of the engine's CPU.
     */
    Optional<TicketsRecord> find(long tenantId, long id) {
        return Jdbc.query(this.db, FIND, new Jdbc.Binds().add(tenantId).add(id), rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            TicketsRecord row = this.db.newRecord(TICKETS);
            Field<?>[] columns = TICKETS.fields();
            for (int i = 0; i < columns.length; i++) {
                @SuppressWarnings("unchecked")
                Field<Object> column = (Field<Object>) columns[i];
                row.set(column, Jdbc.column(rs, i + 1, column.getType()));
            }
            row.changed(false);
            return Optional.of(row);
        });
    }

    /** The row's version alone (null: no such ticket): the primary key's index and the row's fixed-size part. */
    @Nullable
    Integer version(long tenantId, long id) {
        return Jdbc.query(
                this.db, VERSION, new Jdbc.Binds().add(tenantId).add(id), rs -> rs.next() ? rs.getInt(1) : null);
    }

    private static final String VERSION = "select version from tickets where tenant_id = ? and id = ?";

    private static final String FIND = "select "
            + Arrays.stream(TICKETS.fields()).map(Field::getName).collect(Collectors.joining(", "))
            + " from tickets where tenant_id = ? and id = ?";

    /** The row, locked until the transaction ends (for changes that must wait for, not fail on, a concurrent one). */
    Optional<TicketsRecord> findForUpdate(long tenantId, long id) {
        return this.db
                .selectFrom(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.ID.eq(id))
                .forUpdate()
                .fetchOptional();
    }

    Optional<TicketsRecord> findByIdempotencyKey(long tenantId, String key) {
        return this.db
                .selectFrom(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional();
    }

    Optional<dev.baton.ticket.TicketOperations.Numbered> findByNumber(long tenantId, String number) {
        return this.db
                .select(TICKETS.ID, TICKETS.CUSTOMER_ID)
                .from(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.NUMBER.eq(number))
                .fetchOptional(r -> new dev.baton.ticket.TicketOperations.Numbered(r.value1(), r.value2()));
    }

    long insert(TicketsRecord row) {
        return this.db
                .insertInto(TICKETS)
                .set(row)
                .returning(TICKETS.ID)
                .fetchSingle()
                .getId();
    }

    /** PostgreSQL: the whole creation in one statement; see {@link PostgresCreation#insert}. */
    Optional<Long> insertCreated(
            TicketsRecord row,
            LocalDate day,
            List<TaskRow> tasks,
            List<FieldIndex.Entry> index,
            Collection<String> terms,
            EventRow event,
            String pendingNumber) {
        return PostgresCreation.insert(this.db, row, day, tasks, index, terms, event, pendingNumber);
    }

    @SuppressWarnings("unchecked")
    static Param<?> param(Field<?> f, @Nullable Object value) {
        return DSL.val(value, (Field<Object>) f);
    }

    /** Writes the changed columns of {@code row} if the ticket is still at {@code expectedVersion}. */
    boolean update(TicketsRecord row, int expectedVersion) {
        row.changed(TICKETS.VERSION, false);
        return OptimisticLock.execute(
                this.db.update(TICKETS).set(row), TICKETS, row.getTenantId(), row.getId(), expectedVersion);
    }

    /** Brings the task rows from before to after a change: one update in place, or a delete and an insert. */
    void replaceTasks(long tenantId, long ticketId, TaskDiff diff) {
        List<TaskRow> gone = diff.gone();
        List<TaskRow> added = diff.added();
        if (diff.inPlace()) {
            updateTask(tenantId, ticketId, gone.getFirst(), added.getFirst());
            return;
        }
        if (!gone.isEmpty()) {
            List<Condition> keys = new ArrayList<>();
            gone.forEach(r -> keys.add(TICKET_TASKS.NODE_ID.eq(r.nodeId()).and(TICKET_TASKS.SLOT.eq(r.slot()))));
            this.db
                    .deleteFrom(TICKET_TASKS)
                    .where(TICKET_TASKS.TENANT_ID.eq(tenantId), TICKET_TASKS.TICKET_ID.eq(ticketId), DSL.or(keys))
                    .execute();
        }
        if (!added.isEmpty()) {
            insertTasks(tenantId, ticketId, added).execute();
        }
    }

    Query insertTasks(long tenantId, long ticketId, List<TaskRow> added) {
        var insert = this.db.insertInto(
                TICKET_TASKS,
                TICKET_TASKS.TENANT_ID,
                TICKET_TASKS.TICKET_ID,
                TICKET_TASKS.NODE_ID,
                TICKET_TASKS.SLOT,
                TICKET_TASKS.KIND,
                TICKET_TASKS.USER_ID,
                TICKET_TASKS.ROLE_CODE,
                TICKET_TASKS.DEPARTMENT_ID,
                TICKET_TASKS.CREATED_AT);
        for (TaskRow r : added) {
            insert = insert.values(
                    tenantId,
                    ticketId,
                    r.nodeId(),
                    r.slot(),
                    r.kind(),
                    r.userId(),
                    r.roleCode(),
                    r.departmentId(),
                    r.createdAt());
        }
        return insert;
    }

    /** Turns the stored row {@code from} into {@code to} (its key may change too: nothing refers to task rows). */
    private void updateTask(long tenantId, long ticketId, TaskRow from, TaskRow to) {
        this.db
                .update(TICKET_TASKS)
                .set(TICKET_TASKS.NODE_ID, to.nodeId())
                .set(TICKET_TASKS.SLOT, to.slot())
                .set(TICKET_TASKS.KIND, to.kind())
                .set(TICKET_TASKS.USER_ID, to.userId())
                .set(TICKET_TASKS.ROLE_CODE, to.roleCode())
                .set(TICKET_TASKS.DEPARTMENT_ID, to.departmentId())
                .set(TICKET_TASKS.CREATED_AT, to.createdAt())
                .where(
                        TICKET_TASKS.TENANT_ID.eq(tenantId),
                        TICKET_TASKS.TICKET_ID.eq(ticketId),
                        TICKET_TASKS.NODE_ID.eq(from.nodeId()),
                        TICKET_TASKS.SLOT.eq(from.slot()))
                .execute();
    }

    /** One row of the append-only event log, as written. */
    record EventRow(
            long tenantId,
            long ticketId,
            int ticketVersion,
            String action,
            @Nullable Long actorId,
            @Nullable String nodeId,
            @Nullable String changes,
            @Nullable String body,
            String visibility,
            @Nullable String domainEvents,
            Instant at) {}

    void appendEvent(EventRow e) {
        insertEvent(e).execute();
    }

    Query insertEvent(EventRow e) {
        return this.db
                .insertInto(TICKET_EVENTS)
                .set(TICKET_EVENTS.TENANT_ID, e.tenantId())
                .set(TICKET_EVENTS.TICKET_ID, e.ticketId())
                .set(TICKET_EVENTS.TICKET_VERSION, e.ticketVersion())
                .set(TICKET_EVENTS.ACTION, e.action())
                .set(TICKET_EVENTS.ACTOR_ID, e.actorId())
                .set(TICKET_EVENTS.NODE_ID, e.nodeId())
                .set(TICKET_EVENTS.CHANGES, e.changes())
                .set(TICKET_EVENTS.BODY, e.body())
                .set(TICKET_EVENTS.VISIBILITY, e.visibility())
                .set(TICKET_EVENTS.DOMAIN_EVENTS, e.domainEvents())
                .set(TICKET_EVENTS.CREATED_AT, e.at());
    }

    /** Whether writes may go as one statement ({@link PostgresTransition}): PostgreSQL's data-modifying CTEs. */
    boolean oneStatementWrites() {
        return this.db.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * Everything a new ticket brings besides its own row, one by one: task rows, field-index rows, search terms and
     * the creation's event row (PostgreSQL writes them with the row, {@link #insertCreated}).
     */
    void insertCreation(
            long tenantId,
            long ticketId,
            long templateId,
            List<TaskRow> tasks,
            List<FieldIndex.Entry> index,
            Collection<String> terms,
            EventRow event) {
        if (!tasks.isEmpty()) {
            insertTasks(tenantId, ticketId, tasks).execute();
        }
        if (!index.isEmpty()) {
            insertIndex(tenantId, ticketId, templateId, index).execute();
        }
        if (!terms.isEmpty()) {
            insertTerms(tenantId, ticketId, terms).execute();
        }
        insertEvent(event).execute();
    }

    /** See {@link PostgresTransition#write}. */
    boolean writeTransition(Transition tx, int expected, TaskDiff tasks, EventRow event) {
        return PostgresTransition.write(this.db, tx, expected, tasks, event);
    }

    /** Rewrites the typed search rows of the ticket's searchable fields. */
    void rewriteIndex(long tenantId, long ticketId, long templateId, List<FieldIndex.Entry> entries) {
        this.db
                .deleteFrom(FIELD_INDEX)
                .where(FIELD_INDEX.TENANT_ID.eq(tenantId), FIELD_INDEX.TICKET_ID.eq(ticketId))
                .execute();
        if (!entries.isEmpty()) {
            insertIndex(tenantId, ticketId, templateId, entries).execute();
        }
    }

    Query insertIndex(long tenantId, long ticketId, long templateId, List<FieldIndex.Entry> entries) {
        var insert = this.db.insertInto(
                FIELD_INDEX,
                FIELD_INDEX.TENANT_ID,
                FIELD_INDEX.TICKET_ID,
                FIELD_INDEX.FIELD_KEY,
                FIELD_INDEX.SEQ,
                FIELD_INDEX.TEMPLATE_ID,
                FIELD_INDEX.TEXT_VALUE,
                FIELD_INDEX.NUMBER_VALUE,
                FIELD_INDEX.DATE_VALUE,
                FIELD_INDEX.INSTANT_VALUE);
        Map<String, Integer> seq = new HashMap<>();
        for (FieldIndex.Entry e : entries) {
            int n = seq.merge(e.fieldKey(), 1, Integer::sum) - 1;
            insert = insert.values(
                    tenantId,
                    ticketId,
                    e.fieldKey(),
                    (short) n,
                    templateId,
                    truncate(e.text()),
                    e.number(),
                    e.date(),
                    e.instant());
        }
        return insert;
    }

    Query insertTerms(long tenantId, long ticketId, Collection<String> terms) {
        var insert =
                this.db.insertInto(TICKET_TERMS, TICKET_TERMS.TENANT_ID, TICKET_TERMS.TERM, TICKET_TERMS.TICKET_ID);
        for (String term : terms) {
            insert = insert.values(tenantId, term, ticketId);
        }
        return insert;
    }

    /** The task rows of tickets, for lists; the row's own mirror serves single-ticket reads. */
    List<TicketTasksRecord> tasksOf(long tenantId, Collection<Long> ticketIds) {
        return this.db
                .selectFrom(TICKET_TASKS)
                .where(TICKET_TASKS.TENANT_ID.eq(tenantId), TICKET_TASKS.TICKET_ID.in(ticketIds))
                .fetch();
    }

    static @Nullable String truncate(@Nullable String text) {
        return text == null || text.length() <= 500
                ? text
                : Objects.requireNonNull(text).substring(0, 500);
    }
}
