package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A whole transition on PostgreSQL as one statement, so one round trip: the guarded update of the ticket row
 * and, through data-modifying CTEs that run only when it matched, the task rows and the event-log row. The
 * statement's text depends only on the shape of the change (which columns, how many task rows), so each shape
 * is rendered once and then served from the driver's prepared-statement cache. H2 has no data-modifying CTEs;
 * there {@link TicketWriter} sends the same writes one by one.
 */
final class PostgresTransition {

    private static final String TASK_COLUMNS =
            "tenant_id, ticket_id, node_id, slot, kind, user_id, role_code, department_id, created_at";
    private static final Map<String, String> SQL = new ConcurrentHashMap<>();

    private PostgresTransition() {}

    /** Whether {@link #write} can express the change (a row that goes and comes back under its key cannot). */
    static boolean fits(TaskDiff tasks) {
        return tasks.inPlace() || !tasks.replacesKeys();
    }

    /** Writes the change; false, with nothing written, when the ticket is no longer at {@code expected}. */
    static boolean write(DSLContext db, Transition tx, int expected, TaskDiff tasks, TicketStore.EventRow event) {
        List<Field<?>> columns = new ArrayList<>();
        for (Field<?> f : TICKETS.fields()) {
            if (tx.row.changed(f) && f != TICKETS.VERSION && f != TICKETS.ID && f != TICKETS.TENANT_ID) {
                columns.add(f);
            }
        }
        String shape = columns.stream().map(Field::getName).toList() + "/" + tasks.inPlace() + "/"
                + tasks.gone().size() + "/" + tasks.added().size();
        String sql = SQL.computeIfAbsent(shape, k -> render(columns, tasks));

        Jdbc.Binds binds = new Jdbc.Binds();
        for (Field<?> f : columns) {
            binds.add(f, tx.row.get(f));
        }
        long tenant = tx.tenantId();
        long ticket = tx.ticketId();
        binds.add(tenant).add(ticket).add(expected);
        if (tasks.inPlace()) {
            TaskRow from = tasks.gone().getFirst();
            TaskRow to = tasks.added().getFirst();
            taskValues(binds, to);
            binds.add(tenant).add(ticket).add(from.nodeId()).add(from.slot());
        } else {
            if (!tasks.gone().isEmpty()) {
                binds.add(tenant).add(ticket);
                for (TaskRow r : tasks.gone()) {
                    binds.add(r.nodeId()).add(r.slot());
                }
            }
            for (TaskRow r : tasks.added()) {
                binds.add(tenant).add(ticket);
                taskValues(binds, r);
            }
        }
        binds.add(tenant).add(ticket);
        eventValues(binds, event);
        return Jdbc.query(db, sql, binds, ResultSet::next);
    }

    /** The event row's values after its tenant and ticket (its version is the guarded update's). */
    static void eventValues(Jdbc.Binds binds, TicketStore.EventRow event) {
        binds.add(event.action())
                .add(event.actorId())
                .add(event.nodeId())
                .add(event.changes())
                .add(event.body())
                .add(event.visibility())
                .add(event.domainEvents())
                .add(event.at());
    }

    static void taskValues(Jdbc.Binds binds, TaskRow r) {
        binds.add(r.nodeId())
                .add(r.slot())
                .add(r.kind())
                .add(r.userId())
                .add(r.roleCode())
                .add(r.departmentId())
                .add(r.createdAt());
    }

    /** A bind for the column; jOOQ binds instants as text on PostgreSQL and casts them in its SQL, so must this. */
    static String placeholder(Field<?> f) {
        return f.getType() == Instant.class ? "?::timestamptz" : "?";
    }

    private static String render(List<Field<?>> columns, TaskDiff tasks) {
        StringBuilder sql = new StringBuilder("with t as (update tickets set ");
        for (Field<?> f : columns) {
            sql.append(f.getName()).append(" = ").append(placeholder(f)).append(", ");
        }
        sql.append("version = version + 1 where tenant_id = ? and id = ? and version = ? returning version)");
        if (tasks.inPlace()) {
            sql.append(", p as (update ticket_tasks set node_id = ?, slot = ?, kind = ?, user_id = ?, role_code = ?,"
                    + " department_id = ?, created_at = ?::timestamptz where tenant_id = ? and ticket_id = ? and node_id = ?"
                    + " and slot = ? and exists (select 1 from t))");
        } else {
            if (!tasks.gone().isEmpty()) {
                sql.append(", g as (delete from ticket_tasks where tenant_id = ? and ticket_id = ? and (node_id, slot)"
                        + " in (");
                for (int i = 0; i < tasks.gone().size(); i++) {
                    sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
                }
                sql.append(") and exists (select 1 from t))");
            }
            if (!tasks.added().isEmpty()) {
                sql.append(", a as (insert into ticket_tasks (")
                        .append(TASK_COLUMNS)
                        .append(") ");
                for (int i = 0; i < tasks.added().size(); i++) {
                    sql.append(i == 0 ? "" : " union all ")
                            .append("select ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz from t");
                }
                sql.append(")");
            }
        }
        sql.append(", e as (insert into ticket_events (tenant_id, ticket_id, ticket_version, action, actor_id,"
                + " node_id, changes, body, visibility, domain_events, created_at)"
                + " select ?, ?, t.version, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz from t)"
                + " select version from t");
        return sql.toString();
    }
}
