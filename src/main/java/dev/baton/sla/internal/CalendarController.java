package dev.baton.sla.internal;

import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessDuration;
import dev.baton.sla.NoWorkingTimeException;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Business calendars. Any user of the tenant may read them and compute with them; {@code calendar.manage}
 * changes them.
 */
@RestController
@RequestMapping("/api/v1/calendars")
class CalendarController {

    private static final String MANAGE = "hasAuthority('calendar.manage')";

    private final Calendars calendars;
    private final MessageSource messages;

    CalendarController(Calendars calendars, MessageSource messages) {
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping
    PageResult<CalendarView.Summary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.calendars.list(
                CurrentUser.require().tenantId(), PageQuery.of(page, size, sort, Calendars.SORT_KEYS, "name,asc"));
    }

    @GetMapping("/{id}")
    CalendarView get(@PathVariable long id) {
        return this.calendars.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MANAGE)
    CalendarView create(@Valid @RequestBody CalendarCommand cmd) {
        return this.calendars.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    CalendarView update(@PathVariable long id, @Valid @RequestBody CalendarCommand cmd) {
        return this.calendars.update(CurrentUser.require().tenantId(), id, cmd);
    }

    /** {@code ?version=} is the version the caller saw (409 if it changed since). */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(MANAGE)
    void delete(@PathVariable long id, @RequestParam int version) {
        this.calendars.delete(CurrentUser.require().tenantId(), id, version);
    }

    @PostMapping(path = "/{id}/holidays/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(MANAGE)
    CalendarView.Imported importJson(@PathVariable long id, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        var schedule = HolidaySchedule.fromJson(body, errors);
        return importSchedule(id, schedule, errors);
    }

    @PostMapping(
            path = "/{id}/holidays/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(MANAGE)
    CalendarView.Imported importCsv(@PathVariable long id, @RequestBody String body) {
        List<FieldError> errors = new ArrayList<>();
        var schedule = HolidaySchedule.fromCsv(body, errors);
        return importSchedule(id, schedule, errors);
    }

    private CalendarView.Imported importSchedule(
            long id,
            java.util.SortedMap<Integer, java.util.SortedMap<java.time.LocalDate, CalendarData.Day>> schedule,
            List<FieldError> errors) {
        long tenant = CurrentUser.require().tenantId();
        this.calendars.get(tenant, id);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return this.calendars.importHolidays(tenant, id, schedule);
    }

    @GetMapping("/{id}/deadline")
    CalendarView.Deadline deadline(@PathVariable long id, @RequestParam String from, @RequestParam String duration) {
        BusinessCalendar calendar = this.calendars.require(CurrentUser.require().tenantId(), id);
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant(calendar, "from", from, errors);
        BusinessDuration d = BusinessDuration.parse(duration).orElse(null);
        if (d == null) {
            errors.add(new FieldError("duration", "{calendar.param.duration}"));
        }
        if (start == null || d == null) {
            throw new ValidationException(errors);
        }
        Instant due;
        try {
            due = calendar.deadline(start, d);
        } catch (NoWorkingTimeException e) {
            throw new BatonException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "calendar-no-working-time", BusinessCalendar.MAX_IDLE_DAYS);
        }
        return new CalendarView.Deadline(
                due.atZone(calendar.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                warnings(calendar, start, due));
    }

    @GetMapping("/{id}/elapsed")
    CalendarView.Elapsed elapsed(@PathVariable long id, @RequestParam String from, @RequestParam String to) {
        BusinessCalendar calendar = this.calendars.require(CurrentUser.require().tenantId(), id);
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant(calendar, "from", from, errors);
        Instant end = instant(calendar, "to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("to", "{calendar.param.before-from}"));
        } else if (start != null
                && end != null
                && Duration.between(start, end).compareTo(BusinessCalendar.MAX_SPAN) > 0) {
            errors.add(new FieldError("to", "{calendar.param.span}"));
        }
        if (start == null || end == null || !errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Duration elapsed = calendar.elapsed(start, end);
        return new CalendarView.Elapsed(elapsed.toMinutes(), elapsed.toString(), warnings(calendar, start, end));
    }

    private List<String> warnings(BusinessCalendar calendar, Instant from, Instant to) {
        return calendar.yearsWithoutHolidayData(from, to).stream()
                .map(y -> this.messages.getMessage(
                        "calendar.warning.no-holiday-data",
                        new Object[] {String.valueOf(y)},
                        LocaleContextHolder.getLocale()))
                .toList();
    }

    /** ISO-8601 with an offset or {@code Z}; without one, a local time in the calendar's zone. */
    private static @Nullable Instant instant(
            BusinessCalendar calendar, String name, String text, List<FieldError> errors) {
        // an unencoded "+08:00" in a query string arrives as " 08:00"
        String s = text.strip().replace(" ", "+");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s).atZone(calendar.zone()).toInstant();
            } catch (DateTimeException e2) {
                errors.add(new FieldError(name, "{calendar.param.instant}"));
                return null;
            }
        }
    }
}
