package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.CALENDARS;
import static dev.baton.platform.db.Tables.CALENDAR_DAYS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.CalendarDaysRecord;
import dev.baton.platform.db.tables.records.CalendarsRecord;
import dev.baton.sla.WorkingWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Calendars and their dated exceptions (holidays, make-up workdays). */
@Repository
class CalendarRepository {

    private static final TypeReference<Map<DayOfWeek, List<List<String>>>> WINDOWS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    CalendarRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<CalendarsRecord> find(long tenantId, long id) {
        return this.db
                .selectFrom(CALENDARS)
                .where(CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.ID.eq(id))
                .fetchOptional();
    }

    Optional<Long> defaultId(long tenantId) {
        return this.db
                .select(CALENDARS.ID)
                .from(CALENDARS)
                .where(CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.IS_DEFAULT.isTrue())
                .orderBy(CALENDARS.ID)
                .limit(1)
                .fetchOptional(CALENDARS.ID);
    }

    boolean any(long tenantId) {
        return this.db.fetchExists(CALENDARS, CALENDARS.TENANT_ID.eq(tenantId));
    }

    boolean nameTaken(long tenantId, String name, long exceptId) {
        return this.db.fetchExists(
                CALENDARS, CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.NAME.eq(name), CALENDARS.ID.ne(exceptId));
    }

    /** The stored calendar with its days, for computing and for views. */
    CalendarData data(CalendarsRecord r) {
        SortedMap<LocalDate, CalendarData.Day> days = new TreeMap<>();
        for (CalendarDaysRecord d : this.db
                .selectFrom(CALENDAR_DAYS)
                .where(CALENDAR_DAYS.TENANT_ID.eq(r.getTenantId()), CALENDAR_DAYS.CALENDAR_ID.eq(r.getId()))
                .fetch()) {
            days.put(
                    d.getOnDate(),
                    new CalendarData.Day(
                            d.getKind(),
                            d.getName(),
                            d.getWorksAs() == null ? null : DayOfWeek.valueOf(d.getWorksAs())));
        }
        return new CalendarData(
                r.getName(),
                ZoneId.of(r.getZone()),
                windows(r.getWindows()),
                days,
                r.getIsDefault(),
                r.getDepartmentId(),
                r.getCustomerLevel());
    }

    long insert(long tenantId, CalendarData data, Instant now) {
        return this.db
                .insertInto(CALENDARS)
                .set(CALENDARS.TENANT_ID, tenantId)
                .set(CALENDARS.NAME, data.name())
                .set(CALENDARS.ZONE, data.zone().getId())
                .set(CALENDARS.WINDOWS, windowsJson(data.windows()))
                .set(CALENDARS.IS_DEFAULT, data.isDefault())
                .set(CALENDARS.DEPARTMENT_ID, data.departmentId())
                .set(CALENDARS.CUSTOMER_LEVEL, data.customerLevel())
                .set(CALENDARS.CREATED_AT, now)
                .set(CALENDARS.UPDATED_AT, now)
                .returning(CALENDARS.ID)
                .fetchSingle()
                .getId();
    }

    /** Version-guarded update of the row; false when someone else changed it first. */
    boolean update(long tenantId, long id, int version, CalendarData data, Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(CALENDARS)
                        .set(CALENDARS.NAME, data.name())
                        .set(CALENDARS.ZONE, data.zone().getId())
                        .set(CALENDARS.WINDOWS, windowsJson(data.windows()))
                        .set(CALENDARS.IS_DEFAULT, data.isDefault())
                        .set(CALENDARS.DEPARTMENT_ID, data.departmentId())
                        .set(CALENDARS.CUSTOMER_LEVEL, data.customerLevel())
                        .set(CALENDARS.UPDATED_AT, now),
                CALENDARS,
                tenantId,
                id,
                version);
    }

    /** Guards a change that is not an edit of the row (delete, import) by the version, and bumps it. */
    boolean touch(long tenantId, long id, int version, Instant now) {
        return OptimisticLock.execute(
                this.db.update(CALENDARS).set(CALENDARS.UPDATED_AT, now), CALENDARS, tenantId, id, version);
    }

    void clearDefaultExcept(long tenantId, long id) {
        this.db
                .update(CALENDARS)
                .set(CALENDARS.IS_DEFAULT, false)
                .set(CALENDARS.VERSION, CALENDARS.VERSION.plus(1))
                .where(CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.IS_DEFAULT.isTrue(), CALENDARS.ID.ne(id))
                .execute();
    }

    void deleteDays(long tenantId, long id, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return;
        }
        this.db
                .deleteFrom(CALENDAR_DAYS)
                .where(
                        CALENDAR_DAYS.TENANT_ID.eq(tenantId),
                        CALENDAR_DAYS.CALENDAR_ID.eq(id),
                        CALENDAR_DAYS.ON_DATE.in(dates))
                .execute();
    }

    void insertDays(long tenantId, long id, Map<LocalDate, CalendarData.Day> days) {
        if (days.isEmpty()) {
            return;
        }
        var insert = this.db.insertInto(
                CALENDAR_DAYS,
                CALENDAR_DAYS.TENANT_ID,
                CALENDAR_DAYS.CALENDAR_ID,
                CALENDAR_DAYS.ON_DATE,
                CALENDAR_DAYS.KIND,
                CALENDAR_DAYS.NAME,
                CALENDAR_DAYS.WORKS_AS);
        for (var e : days.entrySet()) {
            var d = e.getValue();
            insert = insert.values(
                    tenantId,
                    id,
                    e.getKey(),
                    d.kind(),
                    d.name(),
                    d.worksAs() == null ? null : d.worksAs().name());
        }
        insert.execute();
    }

    void delete(long tenantId, long id) {
        deleteDays(tenantId, id);
        this.db
                .deleteFrom(CALENDARS)
                .where(CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.ID.eq(id))
                .execute();
    }

    void deleteDays(long tenantId, long id) {
        this.db
                .deleteFrom(CALENDAR_DAYS)
                .where(CALENDAR_DAYS.TENANT_ID.eq(tenantId), CALENDAR_DAYS.CALENDAR_ID.eq(id))
                .execute();
    }

    PageResult<CalendarView.Summary> page(long tenantId, PageQuery paging) {
        Condition where = CALENDARS.TENANT_ID.eq(tenantId);
        Field<?> order = switch (paging.sortKey()) {
            case "createdAt" -> CALENDARS.CREATED_AT;
            case "updatedAt" -> CALENDARS.UPDATED_AT;
            default -> CALENDARS.NAME;
        };
        List<CalendarView.Summary> items = this.db
                .selectFrom(CALENDARS)
                .where(where)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), CALENDARS.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch(r -> new CalendarView.Summary(
                        r.getId(),
                        r.getName(),
                        r.getZone(),
                        r.getIsDefault(),
                        r.getDepartmentId(),
                        r.getCustomerLevel(),
                        r.getVersion(),
                        r.getUpdatedAt()));
        return new PageResult<>(items, paging.page(), paging.size(), this.db.fetchCount(CALENDARS, where));
    }

    private Map<DayOfWeek, List<WorkingWindow>> windows(String text) {
        Map<DayOfWeek, List<WorkingWindow>> out = new EnumMap<>(DayOfWeek.class);
        this.json.readValue(text, WINDOWS).forEach((day, list) -> {
            List<WorkingWindow> windows = new ArrayList<>();
            list.forEach(pair -> windows.add(WorkingWindow.of(pair.get(0), pair.get(1))));
            out.put(day, windows);
        });
        return out;
    }

    private String windowsJson(Map<DayOfWeek, List<WorkingWindow>> windows) {
        return this.json.writeValueAsString(CalendarView.windows(windows));
    }
}
