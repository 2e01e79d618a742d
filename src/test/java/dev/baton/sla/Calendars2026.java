package dev.baton.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The standard office calendar with the State Council's 2026 schedule (as shipped in data/cn-holidays.json). */
final class Calendars2026 {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Calendars2026() {}

    static Map<DayOfWeek, List<WorkingWindow>> office() {
        Map<DayOfWeek, List<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            w.put(d, List.of(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("13:30", "18:00")));
        }
        return w;
    }

    static BusinessCalendar standard() {
        Set<LocalDate> holidays = Stream.of(
                        range("2026-01-01", 3),
                        range("2026-02-15", 9),
                        range("2026-04-04", 3),
                        range("2026-05-01", 5),
                        range("2026-06-19", 3),
                        range("2026-09-25", 3),
                        range("2026-10-01", 7))
                .flatMap(s -> s)
                .collect(Collectors.toSet());
        Map<LocalDate, DayOfWeek> workdays = Stream.of(
                        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
                .collect(Collectors.toMap(LocalDate::parse, d -> DayOfWeek.MONDAY));
        return new BusinessCalendar(SHANGHAI, office(), holidays, workdays);
    }

    private static Stream<LocalDate> range(String first, int days) {
        LocalDate start = LocalDate.parse(first);
        return Stream.iterate(start, d -> d.plusDays(1)).limit(days);
    }
}
