package dev.baton.sla.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.sla.WorkingWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A calendar as the API shows it, in the same shape it is written in. */
record CalendarView(
        long id,
        String name,
        String zone,
        Map<String, List<List<String>>> windows,
        List<LocalDate> holidays,
        List<LocalDate> workdays,
        Map<LocalDate, String> workdayWindows,
        Map<LocalDate, String> names,
        @JsonProperty("default") boolean isDefault,
        @Nullable Long departmentId,
        @Nullable String customerLevel,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    record Summary(
            long id,
            String name,
            String zone,
            @JsonProperty("default") boolean isDefault,
            @Nullable Long departmentId,
            @Nullable String customerLevel,
            int version,
            Instant updatedAt) {}

    /** What an import changed. */
    record Imported(List<Integer> years, List<DayChange> added, List<DayChange> removed, int version) {}

    record DayChange(LocalDate date, String kind, @Nullable String name) {}

    record Deadline(String deadline, List<String> warnings) {}

    record Elapsed(long minutes, String duration, List<String> warnings) {}

    static CalendarView of(long id, CalendarData d, int version, Instant createdAt, Instant updatedAt) {
        Map<LocalDate, String> chosen = new LinkedHashMap<>();
        Map<LocalDate, String> names = new LinkedHashMap<>();
        d.days().forEach((date, day) -> {
            if (day.worksAs() != null) {
                chosen.put(date, day.worksAs().name());
            }
            if (day.name() != null) {
                names.put(date, day.name());
            }
        });
        return new CalendarView(
                id,
                d.name(),
                d.zone().getId(),
                windows(d.windows()),
                d.days().entrySet().stream()
                        .filter(e -> e.getValue().holiday())
                        .map(Map.Entry::getKey)
                        .toList(),
                d.days().entrySet().stream()
                        .filter(e -> !e.getValue().holiday())
                        .map(Map.Entry::getKey)
                        .toList(),
                chosen,
                names,
                d.isDefault(),
                d.departmentId(),
                d.customerLevel(),
                version,
                createdAt,
                updatedAt);
    }

    /** Weekday → [[start, end], …] in weekday order, days without windows left out. */
    static Map<String, List<List<String>>> windows(Map<DayOfWeek, List<WorkingWindow>> windows) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingWindow> list = windows.getOrDefault(day, List.of());
            if (!list.isEmpty()) {
                out.put(
                        day.name(),
                        list.stream().map(w -> List.of(w.start(), w.end())).toList());
            }
        }
        return out;
    }
}
