package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.CalendarsRecord;
import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessCalendars;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping business calendars: one default per tenant (the first calendar is it, marking another moves it, the
 * default cannot be deleted), every change version-guarded, and the cache told.
 */
@Service
class Calendars implements BusinessCalendars {

    static final Set<String> SORT_KEYS = Set.of("name", "createdAt", "updatedAt");

    private final CalendarRepository calendars;
    private final CalendarCache cache;
    private final AuditTrail audit;
    private final DSLContext db;
    private final Clock clock;

    Calendars(CalendarRepository calendars, CalendarCache cache, AuditTrail audit, DSLContext db, Clock clock) {
        this.calendars = calendars;
        this.cache = cache;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> defaultFor(long tenantId) {
        return this.cache.get(
                tenantId,
                CalendarCache.DEFAULT,
                () -> this.calendars
                        .defaultId(tenantId)
                        .flatMap(id -> this.calendars.find(tenantId, id))
                        .map(r -> this.calendars.data(r).calendar()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> find(long tenantId, long calendarId) {
        return this.cache.get(
                tenantId,
                calendarId,
                () -> this.calendars
                        .find(tenantId, calendarId)
                        .map(r -> this.calendars.data(r).calendar()));
    }

    BusinessCalendar require(long tenantId, long id) {
        return find(tenantId, id).orElseThrow(() -> new NotFoundException("calendar", id));
    }

    @Transactional(readOnly = true)
    PageResult<CalendarView.Summary> list(long tenantId, PageQuery paging) {
        return this.calendars.page(tenantId, paging);
    }

    @Transactional(readOnly = true)
    CalendarView get(long tenantId, long id) {
        CalendarsRecord r = row(tenantId, id);
        return CalendarView.of(id, this.calendars.data(r), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Transactional
    CalendarView create(long tenantId, CalendarCommand cmd) {
        CalendarData data = check(tenantId, 0, cmd, Map.of());
        if (!this.calendars.any(tenantId)) {
            data = withDefault(data, true);
        }
        long id = insert(tenantId, data);
        this.audit.record("calendar.create", "calendar", id, data.name());
        return get(tenantId, id);
    }

    /** Stores a checked calendar (also used by seeding). */
    long insert(long tenantId, CalendarData data) {
        long id = this.calendars.insert(tenantId, data, this.clock.instant());
        this.calendars.insertDays(tenantId, id, data.days());
        if (data.isDefault()) {
            this.calendars.clearDefaultExcept(tenantId, id);
        }
        this.cache.changed(tenantId);
        return id;
    }

    @Transactional
    CalendarView update(long tenantId, long id, CalendarCommand cmd) {
        CalendarsRecord row = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        if (row.getVersion() != cmd.version().intValue()) {
            throw new VersionConflictException("calendar", id, row.getVersion());
        }
        CalendarData old = this.calendars.data(row);
        Map<LocalDate, String> names = new TreeMap<>();
        old.days().forEach((d, day) -> {
            if (day.name() != null) {
                names.put(d, day.name());
            }
        });
        CalendarData data = check(tenantId, id, cmd, names);
        if (row.getIsDefault() && cmd.isDefault() == null) {
            data = withDefault(data, true);
        } else if (row.getIsDefault() && !data.isDefault()) {
            throw new ValidationException("default", "{calendar.default.required}");
        }
        if (!this.calendars.update(tenantId, id, cmd.version(), data, this.clock.instant())) {
            throw new VersionConflictException("calendar", id, row(tenantId, id).getVersion());
        }
        this.calendars.deleteDays(tenantId, id);
        this.calendars.insertDays(tenantId, id, data.days());
        if (data.isDefault()) {
            this.calendars.clearDefaultExcept(tenantId, id);
        }
        this.cache.changed(tenantId);
        this.audit.record("calendar.update", "calendar", id, data.name());
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id, int version) {
        CalendarsRecord row = row(tenantId, id);
        if (row.getVersion() != version || !this.calendars.touch(tenantId, id, version, this.clock.instant())) {
            throw new VersionConflictException("calendar", id, row(tenantId, id).getVersion());
        }
        if (row.getIsDefault()) {
            throw new BatonException(HttpStatus.CONFLICT, "calendar-is-default", row.getName());
        }
        this.calendars.delete(tenantId, id);
        this.cache.changed(tenantId);
        this.audit.record("calendar.delete", "calendar", id, row.getName());
    }

    /** Replaces the dates of every year in {@code schedule} with the schedule's, and says what changed. */
    @Transactional
    CalendarView.Imported importHolidays(
            long tenantId, long id, SortedMap<Integer, SortedMap<LocalDate, CalendarData.Day>> schedule) {
        CalendarsRecord row = row(tenantId, id);
        CalendarData data = this.calendars.data(row);
        List<CalendarView.DayChange> added = new ArrayList<>();
        List<CalendarView.DayChange> removed = new ArrayList<>();
        List<LocalDate> deletes = new ArrayList<>();
        Map<LocalDate, CalendarData.Day> inserts = new TreeMap<>();
        schedule.forEach((year, days) -> {
            data.days().forEach((date, old) -> {
                CalendarData.Day now = days.get(date);
                if (date.getYear() == year && (now == null || !now.kind().equals(old.kind()))) {
                    removed.add(new CalendarView.DayChange(date, old.kind(), old.name()));
                    deletes.add(date);
                } else if (date.getYear() == year && !Objects.equals(now.name(), old.name())) {
                    deletes.add(date);
                    inserts.put(date, new CalendarData.Day(now.kind(), now.name(), old.worksAs()));
                }
            });
            days.forEach((date, now) -> {
                CalendarData.Day old = data.days().get(date);
                if (old == null || !old.kind().equals(now.kind())) {
                    added.add(new CalendarView.DayChange(date, now.kind(), now.name()));
                    inserts.put(date, now);
                }
            });
        });
        if (!this.calendars.touch(tenantId, id, row.getVersion(), this.clock.instant())) {
            throw new VersionConflictException("calendar", id, row(tenantId, id).getVersion());
        }
        this.calendars.deleteDays(tenantId, id, deletes);
        this.calendars.insertDays(tenantId, id, inserts);
        this.cache.changed(tenantId);
        this.audit.record(
                "calendar.import", "calendar", id, schedule.keySet() + " +" + added.size() + " -" + removed.size());
        return new CalendarView.Imported(List.copyOf(schedule.keySet()), added, removed, row.getVersion() + 1);
    }

    private CalendarData check(long tenantId, long id, CalendarCommand cmd, Map<LocalDate, String> names) {
        List<FieldError> errors = new ArrayList<>();
        CalendarData data = CalendarRules.check(cmd, names, errors);
        if (this.calendars.nameTaken(tenantId, cmd.name().strip(), id)) {
            errors.add(new FieldError("name", "{calendar.name.taken}"));
        }
        Long department = cmd.departmentId();
        if (department != null
                && !this.db.fetchExists(
                        DEPARTMENTS, DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(department))) {
            errors.add(new FieldError("departmentId", "{calendar.department.unknown}"));
        }
        if (data == null || !errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return data;
    }

    private static CalendarData withDefault(CalendarData d, boolean isDefault) {
        return new CalendarData(
                d.name(), d.zone(), d.windows(), d.days(), isDefault, d.departmentId(), d.customerLevel());
    }

    private CalendarsRecord row(long tenantId, long id) {
        return this.calendars.find(tenantId, id).orElseThrow(() -> new NotFoundException("calendar", id));
    }

    Instant now() {
        return this.clock.instant();
    }
}
