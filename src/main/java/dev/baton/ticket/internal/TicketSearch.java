package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.FIELD_INDEX;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;
import static dev.baton.platform.db.Tables.TICKET_TERMS;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket lists: every filter becomes part of one SQL query together with the caller's visibility, so
 * paging and totals only ever count what the caller may see. Custom fields are filtered through the typed
 * {@code field_index} rows, text through the {@code ticket_terms} n-grams.
 */
@Service
class TicketSearch {

    static final int MAX_QUERY = 100;
    static final Set<String> SORT_KEYS = Set.of("createdAt", "updatedAt", "number", "priority", "status");

    /** Tickets in these statuses have no closed_at (see Transition.status). */
    private static boolean neverClosed(String status) {
        return TicketStatus.ofCode(status)
                .map(t -> t.running() || t == TicketStatus.RESOLVED)
                .orElse(false);
    }

    private final DSLContext db;
    private final TicketAccess access;

    TicketSearch(DSLContext db, TicketAccess access) {
        this.db = db;
        this.access = access;
    }

    /** One row of a ticket list. */
    record Summary(
            long id,
            String number,
            String title,
            long templateId,
            String status,
            String customerStatus,
            String priority,
            String source,
            Long customerId,
            Long creatorId,
            List<String> nodeIds,
            Instant createdAt,
            Instant updatedAt,
            int version) {}

    private static final Set<String> WORK_QUEUES = Set.of("mine", "approvals");

    @Transactional(readOnly = true)
    PageResult<Summary> search(CurrentUser me, TicketFilter f, PageQuery paging) {
        TicketAccess.Caller caller = this.access.caller(me);
        long tenant = me.tenantId();
        List<Condition> where = new ArrayList<>();
        where.add(TICKETS.TENANT_ID.eq(tenant));
        // Work the caller may do now is visible to them by definition; leaving the scope test out of those queues
        // lets the database start from the caller's task rows instead of walking every ticket.
        if (f.queue() == null || !WORK_QUEUES.contains(f.queue())) {
            where.add(this.access.visible(caller));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String s : f.statuses()) {
            if (TicketStatus.ofCode(s).isEmpty()) {
                errors.add(new FieldError("status", "{ticket.status-unknown}"));
            }
        }
        if (!f.statuses().isEmpty()) {
            where.add(TICKETS.STATUS.in(f.statuses()));
            if (f.statuses().stream().allMatch(TicketSearch::neverClosed)) {
                // implied by the statuses, and what the index of unfinished tickets is defined by
                where.add(TICKETS.CLOSED_AT.isNull());
            }
        }
        if (f.templateId() != null) {
            where.add(TICKETS.TEMPLATE_ID.eq(f.templateId()));
        }
        if (f.nodeId() != null) {
            where.add(TICKETS.CURRENT_NODES.contains("," + f.nodeId() + ","));
        }
        if (f.assigneeId() != null) {
            where.add(TICKETS.ID.in(DSL.select(TICKET_TASKS.TICKET_ID)
                    .from(TICKET_TASKS)
                    .where(TICKET_TASKS.TENANT_ID.eq(tenant), TICKET_TASKS.USER_ID.eq(f.assigneeId()))));
        }
        if (f.queue() != null) {
            switch (f.queue()) {
                case "mine" -> where.add(this.access.workable(caller, false));
                case "pool" ->
                    where.add(TICKETS.ID.in(DSL.select(TICKET_TASKS.TICKET_ID)
                            .from(TICKET_TASKS)
                            .where(
                                    TICKET_TASKS.TENANT_ID.eq(tenant),
                                    TICKET_TASKS.USER_ID.isNull(),
                                    TICKET_TASKS.ROLE_CODE.isNull(),
                                    TICKET_TASKS.DEPARTMENT_ID.isNull())));
                case "approvals" ->
                    where.add(this.access
                            .workable(caller, false)
                            .and(TICKETS.ID.in(DSL.select(TICKET_TASKS.TICKET_ID)
                                    .from(TICKET_TASKS)
                                    .where(
                                            TICKET_TASKS.TENANT_ID.eq(tenant),
                                            TICKET_TASKS.KIND.eq(TaskRow.APPROVAL)))));
                case "created" ->
                    where.add(me.userId() == null ? DSL.falseCondition() : TICKETS.CREATOR_ID.eq(me.userId()));
                default -> errors.add(new FieldError("queue", "{ticket.queue-unknown}"));
            }
        }
        if (f.departmentId() != null) {
            where.add(TICKETS.DEPARTMENT_ID.eq(f.departmentId()));
        }
        if (f.customerId() != null) {
            where.add(TICKETS.CUSTOMER_ID.eq(f.customerId()));
        }
        if (f.creatorId() != null) {
            where.add(TICKETS.CREATOR_ID.eq(f.creatorId()));
        }
        if (!f.sources().isEmpty()) {
            where.add(TICKETS.SOURCE.in(f.sources()));
        }
        if (!f.priorities().isEmpty()) {
            where.add(TICKETS.PRIORITY.in(f.priorities()));
        }
        range(where, TICKETS.CREATED_AT, f.createdFrom(), f.createdTo());
        range(where, TICKETS.UPDATED_AT, f.updatedFrom(), f.updatedTo());
        if (f.text() != null && f.text().length() > MAX_QUERY) {
            // Every term is a sub-query: an unbounded query would be an unbounded join.
            errors.add(new FieldError("q", "{ticket.query-too-long}"));
        } else if (f.text() != null && !f.text().isBlank()) {
            where.add(text(tenant, f.text()));
        }
        f.fieldFilters().forEach((key, value) -> where.add(field(tenant, key, value, errors)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().distinct().toList());
        }
        Condition condition = DSL.and(where);
        List<TicketsRecord> rows = this.db
                .selectFrom(TICKETS)
                .where(condition)
                .orderBy(order(paging), TICKETS.ID.desc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch();
        // The "mine" queue alone counts its task rows: every one belongs to a ticket of the tenant, and counting them
        // reads a narrow table instead of joining every ticket row.
        long total = "mine".equals(f.queue()) && f.onlyQueue()
                ? this.db.fetchCount(DSL.selectDistinct(TICKET_TASKS.TICKET_ID)
                        .from(TICKET_TASKS)
                        .where(this.access.workTasks(caller, false)))
                : this.db.fetchCount(TICKETS, condition);
        List<Summary> items = rows.stream().map(TicketSearch::summary).toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static Summary summary(TicketsRecord r) {
        List<String> nodes = java.util.Arrays.stream(r.getCurrentNodes().split(","))
                .filter(s -> !s.isEmpty())
                .toList();
        return new Summary(
                r.getId(),
                r.getNumber(),
                r.getTitle(),
                r.getTemplateId(),
                r.getStatus(),
                r.getCustomerStatus(),
                r.getPriority(),
                r.getSource(),
                r.getCustomerId(),
                r.getCreatorId(),
                nodes,
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getVersion());
    }

    private static SortField<?> order(PageQuery paging) {
        Field<?> field = switch (paging.sortKey()) {
            case "updatedAt" -> TICKETS.UPDATED_AT;
            case "number" -> TICKETS.NUMBER;
            case "status" -> TICKETS.STATUS;
            // urgent > high > normal > low, not alphabetical
            case "priority" ->
                DSL.decode()
                        .when(TICKETS.PRIORITY.eq("urgent"), 4)
                        .when(TICKETS.PRIORITY.eq("high"), 3)
                        .when(TICKETS.PRIORITY.eq("normal"), 2)
                        .otherwise(1);
            default -> TICKETS.CREATED_AT;
        };
        return paging.ascending() ? field.asc() : field.desc();
    }

    private static void range(List<Condition> where, Field<Instant> field, Instant from, Instant to) {
        if (from != null) {
            where.add(field.ge(from));
        }
        if (to != null) {
            where.add(field.lt(to));
        }
    }

    /** Every term of the query must occur; a query with no usable term (one CJK character) scans titles. */
    private static Condition text(long tenant, String query) {
        List<String> terms = SearchTerms.ofQuery(query);
        if (terms.isEmpty()) {
            return TICKETS.TITLE.containsIgnoreCase(query.strip()).or(TICKETS.NUMBER.eq(query.strip()));
        }
        List<Condition> all = new ArrayList<>();
        for (String term : terms) {
            all.add(TICKETS.ID.in(DSL.select(TICKET_TERMS.TICKET_ID)
                    .from(TICKET_TERMS)
                    .where(TICKET_TERMS.TENANT_ID.eq(tenant), TICKET_TERMS.TERM.eq(term))));
        }
        return DSL.and(all);
    }

    private static Condition field(long tenant, String param, String value, List<FieldError> errors) {
        String key = param;
        String bound = null;
        if (param.endsWith(".min") || param.endsWith(".max")) {
            key = param.substring(0, param.length() - 4);
            bound = param.substring(param.length() - 3);
        }
        Condition match;
        if (bound == null) {
            match = FIELD_INDEX.TEXT_VALUE.eq(value);
            BigDecimal number = number(value);
            if (number != null) {
                match = match.or(FIELD_INDEX.NUMBER_VALUE.eq(number));
            }
        } else {
            boolean min = bound.equals("min");
            BigDecimal number = number(value);
            LocalDate date = date(value);
            Instant instant = instant(value);
            if (number != null) {
                match = min ? FIELD_INDEX.NUMBER_VALUE.ge(number) : FIELD_INDEX.NUMBER_VALUE.le(number);
            } else if (date != null) {
                match = min ? FIELD_INDEX.DATE_VALUE.ge(date) : FIELD_INDEX.DATE_VALUE.le(date);
            } else if (instant != null) {
                match = min ? FIELD_INDEX.INSTANT_VALUE.ge(instant) : FIELD_INDEX.INSTANT_VALUE.le(instant);
            } else {
                errors.add(new FieldError("field." + param, "{ticket.filter-range}"));
                return DSL.trueCondition();
            }
        }
        return TICKETS.ID.in(DSL.select(FIELD_INDEX.TICKET_ID)
                .from(FIELD_INDEX)
                .where(FIELD_INDEX.TENANT_ID.eq(tenant), FIELD_INDEX.FIELD_KEY.eq(key), match));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
