package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.template.FieldIndex;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A whole creation on PostgreSQL as one statement, so it needs no transaction around it: the day's counter bumped
 * for the number, guarded by the template's and its flow's versions (so neither need be read first), the ticket row,
 * and through data-modifying CTEs that run only when the row went in, its task rows, field-index rows, search terms
 * and the event-log row. The number is the database's, so the history and the creation event are written with a
 * random stand-in ({@link #pendingNumber}) that the statement replaces, and the number's own search term is added
 * there too. The text depends only on how many task and index rows there are, so it is built once per shape and
 * prepared by the driver.
 */
final class PostgresCreation {

    private static final List<Field<?>> COLUMNS = Arrays.stream(TICKETS.fields())
            .filter(f -> f != TICKETS.ID && f != TICKETS.NUMBER)
            .toList();
    private static final Map<String, String> SQL = new ConcurrentHashMap<>();

    private PostgresCreation() {}

    /** What the event row's JSON says where the number will be: unguessable, so no text of a ticket contains it. */
    static String pendingNumber() {
        return "#pending-" + UUID.randomUUID();
    }

    /**
     * Inserts the ticket and everything it brings; its id, with {@code row}'s number set, or empty, with nothing
     * written, when the day has no counter row or the template or its flow has moved on.
     *
     * @param terms the search terms of the ticket's text, the number's prefix included (its digits are added here)
     * @param pending the stand-in for the number in the event row's {@code changes} and {@code domain_events}
     */
    static Optional<Long> insert(
            DSLContext db,
            TicketsRecord row,
            LocalDate day,
            List<TaskRow> tasks,
            List<FieldIndex.Entry> index,
            Collection<String> terms,
            TicketStore.EventRow event,
            String pending) {
        String sql = SQL.computeIfAbsent(tasks.size() + "/" + index.size(), k -> render(tasks.size(), index.size()));
        long tenant = row.getTenantId();
        Jdbc.Binds binds = new Jdbc.Binds()
                .add(tenant)
                .add(day.toString())
                .add(tenant)
                .add(row.getTemplateId())
                .add(row.getTemplateVersion())
                .add(tenant)
                .add(row.getFlowId())
                .add(row.getTemplateId())
                .add(row.getFlowVersion());
        for (Field<?> f : COLUMNS) {
            binds.add(f, row.get(f));
        }
        binds.add(TicketNumbers.prefix(day));
        for (TaskRow r : tasks) {
            binds.add(tenant);
            PostgresTransition.taskValues(binds, r);
        }
        Map<String, Integer> seq = new HashMap<>();
        for (FieldIndex.Entry e : index) {
            int n = seq.merge(e.fieldKey(), 1, Integer::sum) - 1;
            binds.add(tenant).add(e.fieldKey()).add(n).add(row.getTemplateId());
            binds.add(TicketStore.truncate(e.text()))
                    .typed(e.number(), Types.NUMERIC)
                    .typed(e.date(), Types.DATE)
                    .add(e.instant());
        }
        binds.add(tenant).typed(terms.toArray(String[]::new), Types.ARRAY);
        binds.add(tenant)
                .add(event.ticketVersion())
                .add(event.action())
                .add(event.actorId())
                .add(event.nodeId())
                .add(event.changes())
                .add(pending)
                .add(event.body())
                .add(event.visibility())
                .add(event.domainEvents())
                .add(pending)
                .add(event.at());
        return Jdbc.query(db, sql, binds, rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            row.setNumber(rs.getString(2));
            return Optional.of(rs.getLong(1));
        });
    }

    private static String render(int tasks, int index) {
        StringBuilder sql = new StringBuilder(
                "with n as (update ticket_counters set last_no = last_no + 1 where tenant_id = ? and on_day = ?::date"
                        + " and exists (select 1 from templates where tenant_id = ? and id = ? and current_version = ?"
                        + " and deleted_at is null)"
                        // the flow PublishedFlows.forTemplate would answer now: published at this version, and no
                        // other published flow of the template comes before it in that method's order
                        + " and exists (select 1 from flows f where f.tenant_id = ? and f.id = ? and f.template_id = ?"
                        + " and f.published_version = ? and not exists (select 1 from flows o where o.tenant_id ="
                        + " f.tenant_id and o.template_id = f.template_id and o.published_version is not null and"
                        + " (o.updated_at, o.id) > (f.updated_at, f.id)))"
                        // TicketNumbers.format: four digits, more only from the 10,000th ticket of a day
                        + " returning case when last_no < 10000 then lpad(last_no::text, 4, '0') else last_no::text end"
                        + " as digits), t as (insert into tickets (");
        COLUMNS.forEach(f -> sql.append(f.getName()).append(", "));
        sql.append("number) select ");
        COLUMNS.forEach(f -> sql.append(PostgresTransition.placeholder(f)).append(", "));
        sql.append("? || n.digits from n returning id, number)");
        if (tasks > 0) {
            sql.append(", a as (insert into ticket_tasks (tenant_id, ticket_id, node_id, slot, kind, user_id,"
                    + " role_code, department_id, created_at) ");
            rows(sql, tasks, "select ?, t.id, ?, ?, ?, ?, ?, ?, ?::timestamptz from t");
            sql.append(")");
        }
        if (index > 0) {
            sql.append(", i as (insert into field_index (tenant_id, ticket_id, field_key, seq, template_id,"
                    + " text_value, number_value, date_value, instant_value) ");
            rows(sql, index, "select ?, t.id, ?, ?, ?, ?, ?, ?, ?::timestamptz from t");
            sql.append(")");
        }
        // the number's digits are a term of their own (SearchTerms: letters and digits make a word), unless the
        // text has them already
        sql.append(", s as (insert into ticket_terms (tenant_id, term, ticket_id) select distinct ?, x.term, t.id"
                + " from t, n, unnest(array_append(?::varchar[], n.digits::varchar)) as x (term))");
        sql.append(", e as (insert into ticket_events (tenant_id, ticket_id, ticket_version, action, actor_id, node_id,"
                + " changes, body, visibility, domain_events, created_at) select ?, t.id, ?, ?, ?, ?,"
                + " replace(?, ?, t.number), ?, ?, replace(?, ?, t.number), ?::timestamptz from t)"
                + " select id, number from t");
        return sql.toString();
    }

    private static void rows(StringBuilder sql, int n, String row) {
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ").append(row);
        }
    }
}
