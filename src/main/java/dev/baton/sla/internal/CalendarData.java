package dev.baton.sla.internal;

import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.WorkingWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A checked calendar, ready to store or compute with. */
record CalendarData(
        String name,
        ZoneId zone,
        Map<DayOfWeek, List<WorkingWindow>> windows,
        SortedMap<LocalDate, Day> days,
        boolean isDefault,
        @Nullable Long departmentId,
        @Nullable String customerLevel) {

    static final String HOLIDAY = "holiday";
    static final String WORKDAY = "workday";

    /** A dated exception: a holiday, or a make-up workday worked as {@code worksAs} (null: Monday). */
    record Day(String kind, @Nullable String name, @Nullable DayOfWeek worksAs) {

        boolean holiday() {
            return HOLIDAY.equals(this.kind);
        }
    }

    BusinessCalendar calendar() {
        return new BusinessCalendar(
                this.zone,
                this.windows,
                this.days.entrySet().stream()
                        .filter(e -> e.getValue().holiday())
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()),
                this.days.entrySet().stream()
                        .filter(e -> !e.getValue().holiday())
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> {
                            DayOfWeek as = e.getValue().worksAs();
                            return as == null ? DayOfWeek.MONDAY : as;
                        })));
    }
}
