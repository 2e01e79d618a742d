package dev.baton.sla.internal;

import dev.baton.platform.TenantCreated;
import dev.baton.sla.WorkingWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every new tenant (the demo tenant included) its starting calendars: the default 标准工作日历 (Monday to
 * Friday 09:00–12:00 and 13:30–18:00 with the State Council holidays shipped in {@code data/cn-holidays.json})
 * and a 7×24 calendar.
 */
@Component
class CalendarSeeding {

    static final String STANDARD = "标准工作日历";
    static final String ALL_DAY = "7×24";

    private final Calendars calendars;
    private final SortedMap<LocalDate, CalendarData.Day> shipped;

    CalendarSeeding(Calendars calendars, JsonMapper json) {
        this.calendars = calendars;
        try (InputStream in = new ClassPathResource("data/cn-holidays.json").getInputStream()) {
            var errors = new ArrayList<dev.baton.platform.FieldError>();
            SortedMap<LocalDate, CalendarData.Day> days = new TreeMap<>();
            HolidaySchedule.fromJson(json.readTree(in), errors).values().forEach(days::putAll);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("data/cn-holidays.json is invalid: " + errors);
            }
            this.shipped = days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventListener
    void seed(TenantCreated event) {
        ZoneId zone = ZoneId.of(CalendarRules.DEFAULT_ZONE);
        Map<DayOfWeek, List<WorkingWindow>> office = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            office.put(d, List.of(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("13:30", "18:00")));
        }
        this.calendars.insert(
                event.tenantId(), new CalendarData(STANDARD, zone, office, this.shipped, true, null, null));
        Map<DayOfWeek, List<WorkingWindow>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            always.put(d, List.of(WorkingWindow.of("00:00", "24:00")));
        }
        this.calendars.insert(
                event.tenantId(), new CalendarData(ALL_DAY, zone, always, new TreeMap<>(), false, null, null));
    }
}
