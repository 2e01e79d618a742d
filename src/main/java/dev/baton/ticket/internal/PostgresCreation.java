package dev.baton.ticket.internal;

import dev.baton.template.FieldIndex;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The rows a new ticket brings besides its own, on PostgreSQL as one statement: task rows, field-index rows and
 * search terms in data-modifying CTEs, then the event-log row. The terms go as one array (so their number does not
 * change the statement's text), and the text depends only on how many task and index rows there are, so it is
 * built once per shape and prepared by the driver.
 */
final class PostgresCreation {

    private static final Map<String, String> SQL = new ConcurrentHashMap<>();

    private PostgresCreation() {}

    static void write(
            DSLContext db,
            long tenantId,
            long ticketId,
            long templateId,
            List<TaskRow> tasks,
            List<FieldIndex.Entry> index,
            Collection<String> terms,
            TicketStore.EventRow event) {
        String sql = SQL.computeIfAbsent(
                tasks.size() + "/" + index.size() + "/" + !terms.isEmpty(),
                k -> render(tasks.size(), index.size(), !terms.isEmpty()));
        Jdbc.Binds binds = new Jdbc.Binds();
        for (TaskRow r : tasks) {
            binds.add(tenantId).add(ticketId);
            PostgresTransition.taskValues(binds, r);
        }
        Map<String, Integer> seq = new HashMap<>();
        for (FieldIndex.Entry e : index) {
            int n = seq.merge(e.fieldKey(), 1, Integer::sum) - 1;
            binds.add(tenantId).add(ticketId).add(e.fieldKey()).add(n).add(templateId);
            binds.add(TicketStore.truncate(e.text()))
                    .typed(e.number(), Types.NUMERIC)
                    .typed(e.date(), Types.DATE)
                    .add(e.instant());
        }
        if (!terms.isEmpty()) {
            binds.add(tenantId).typed(terms.toArray(String[]::new), Types.ARRAY).add(ticketId);
        }
        binds.add(event.tenantId()).add(event.ticketId()).add(event.ticketVersion());
        PostgresTransition.eventValues(binds, event);
        Jdbc.update(db, sql, binds);
    }

    private static String render(int tasks, int index, boolean terms) {
        StringBuilder sql = new StringBuilder();
        if (tasks > 0) {
            sql.append("with a as (insert into ticket_tasks (tenant_id, ticket_id, node_id, slot, kind, user_id,"
                    + " role_code, department_id, created_at) values ");
            rows(sql, tasks, "(?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)");
            sql.append(")");
        }
        if (index > 0) {
            sql.append(sql.isEmpty() ? "with " : ", ")
                    .append("i as (insert into field_index (tenant_id, ticket_id, field_key, seq, template_id,"
                            + " text_value, number_value, date_value, instant_value) values ");
            rows(sql, index, "(?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)");
            sql.append(")");
        }
        if (terms) {
            sql.append(sql.isEmpty() ? "with " : ", ")
                    .append("s as (insert into ticket_terms (tenant_id, term, ticket_id)"
                            + " select ?, unnest(?::varchar[]), ?)");
        }
        sql.append(sql.isEmpty() ? "" : " ")
                .append("insert into ticket_events (tenant_id, ticket_id, ticket_version, action, actor_id, node_id,"
                        + " changes, body, visibility, domain_events, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)");
        return sql.toString();
    }

    private static void rows(StringBuilder sql, int n, String row) {
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
    }
}
