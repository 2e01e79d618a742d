package dev.baton.sla.internal;

import dev.baton.platform.FieldError;
import dev.baton.sla.WorkingWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Checks a calendar body and reports every problem with its path; nothing half-valid gets through. */
final class CalendarRules {

    static final String DEFAULT_ZONE = "Asia/Shanghai";
    static final int MAX_DATES = 5000;

    private CalendarRules() {}

    /** The checked calendar, or null when {@code errors} got at least one entry. */
    static @Nullable CalendarData check(CalendarCommand cmd, Map<LocalDate, String> names, List<FieldError> errors) {
        int before = errors.size();
        ZoneId zone = zone(cmd.zone(), errors);
        Map<DayOfWeek, List<WorkingWindow>> windows = windows(cmd.windows(), errors);
        SortedMap<LocalDate, CalendarData.Day> days = new TreeMap<>();
        List<@Nullable LocalDate> holidays = dates("holidays", cmd.holidays(), errors);
        holidays.stream()
                .filter(java.util.Objects::nonNull)
                .forEach(d -> days.put(d, new CalendarData.Day(CalendarData.HOLIDAY, names.get(d), null)));
        List<@Nullable LocalDate> workdays = dates("workdays", cmd.workdays(), errors);
        for (int i = 0; i < workdays.size(); i++) {
            LocalDate d = workdays.get(i);
            if (d != null && days.containsKey(d) && days.get(d).holiday()) {
                errors.add(new FieldError("workdays[" + i + "]", "{calendar.date.both}"));
            }
        }
        Map<String, @Nullable String> chosen = cmd.workdayWindows() == null ? Map.of() : cmd.workdayWindows();
        Map<LocalDate, DayOfWeek> worksAs = new TreeMap<>();
        chosen.forEach((key, value) -> {
            String path = "workdayWindows." + key;
            LocalDate d = date(key);
            DayOfWeek as = value == null ? null : weekday(value);
            if (d == null || !workdays.contains(d)) {
                errors.add(new FieldError(path, "{calendar.workday-windows.not-workday}"));
            } else if (as == null) {
                errors.add(new FieldError(path, "{calendar.weekday.unknown}"));
            } else if (windows.getOrDefault(as, List.of()).isEmpty()) {
                errors.add(new FieldError(path, "{calendar.workday-windows.no-windows}"));
            } else {
                worksAs.put(d, as);
            }
        });
        workdays.forEach(d -> {
            if (d != null && !days.containsKey(d)) {
                days.put(d, new CalendarData.Day(CalendarData.WORKDAY, names.get(d), worksAs.get(d)));
            }
        });
        if (windows.getOrDefault(DayOfWeek.MONDAY, List.of()).isEmpty()) {
            for (int i = 0; i < workdays.size(); i++) {
                LocalDate d = workdays.get(i);
                if (d != null && !worksAs.containsKey(d)) {
                    errors.add(new FieldError("workdays[" + i + "]", "{calendar.workday-windows.no-windows}"));
                }
            }
        }
        if (windows.values().stream().allMatch(List::isEmpty) && errors.size() == before) {
            errors.add(new FieldError("windows", "{calendar.windows.none}"));
        }
        String level = cmd.customerLevel();
        if (level != null && !level.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.add(new FieldError("customerLevel", "{calendar.customer-level.pattern}"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new CalendarData(
                cmd.name().strip(),
                zone,
                windows,
                days,
                Boolean.TRUE.equals(cmd.isDefault()),
                cmd.departmentId(),
                level == null || level.isBlank() ? null : level);
    }

    static @Nullable DayOfWeek weekday(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zone(@Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "{calendar.zone.unknown}"));
            return ZoneId.of(DEFAULT_ZONE);
        }
    }

    private static Map<DayOfWeek, List<WorkingWindow>> windows(
            Map<String, @Nullable List<@Nullable List<@Nullable String>>> raw, List<FieldError> errors) {
        Map<DayOfWeek, List<WorkingWindow>> out = new EnumMap<>(DayOfWeek.class);
        raw.forEach((key, list) -> {
            DayOfWeek day = weekday(key);
            if (day == null) {
                errors.add(new FieldError("windows." + key, "{calendar.weekday.unknown}"));
                return;
            }
            List<WorkingWindow> windows = new ArrayList<>();
            List<@Nullable List<@Nullable String>> items = list == null ? List.of() : list;
            for (int i = 0; i < items.size(); i++) {
                String path = "windows." + day + "[" + i + "]";
                List<@Nullable String> pair = items.get(i);
                if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
                    errors.add(new FieldError(path, "{calendar.window.shape}"));
                    continue;
                }
                int start;
                int end;
                try {
                    start = WorkingWindow.parseTime(pair.get(0), false);
                    end = WorkingWindow.parseTime(pair.get(1), true);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(path, "{calendar.window.time}"));
                    continue;
                }
                if (end <= start) {
                    errors.add(new FieldError(path, "{calendar.window.order}"));
                    continue;
                }
                WorkingWindow w = new WorkingWindow(start, end);
                if (windows.stream().anyMatch(o -> o.startMinute() < end && start < o.endMinute())) {
                    errors.add(new FieldError(path, "{calendar.window.overlap}"));
                    continue;
                }
                windows.add(w);
            }
            windows.sort(java.util.Comparator.comparingInt(WorkingWindow::startMinute));
            out.put(day, List.copyOf(windows));
        });
        return out;
    }

    private static List<@Nullable LocalDate> dates(
            String field, @Nullable List<@Nullable String> raw, List<FieldError> errors) {
        List<@Nullable LocalDate> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw.size() > MAX_DATES) {
            errors.add(new FieldError(field, "{calendar.dates.too-many}"));
            return out;
        }
        java.util.Set<LocalDate> seen = new java.util.HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            LocalDate d = date(raw.get(i));
            if (d == null) {
                errors.add(new FieldError(field + "[" + i + "]", "{calendar.date.format}"));
            } else if (!seen.add(d)) {
                errors.add(new FieldError(field + "[" + i + "]", "{calendar.date.duplicate}"));
            }
            out.add(d);
        }
        return out;
    }
}
