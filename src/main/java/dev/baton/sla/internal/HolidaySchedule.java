package dev.baton.sla.internal;

import dev.baton.platform.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A yearly holiday schedule as the State Council publishes it, read from JSON (the shape of the shipped
 * {@code data/cn-holidays.json}: a year → {@code holidays} and {@code workdays}, each a name → dates object or a
 * plain list of dates; other top-level keys such as {@code description} are ignored) or from CSV lines
 * {@code date,kind,name} with kind {@code holiday} or {@code workday}. Every problem is reported with its path.
 */
final class HolidaySchedule {

    private HolidaySchedule() {}

    /** Year → date → day; the years present are the years an import replaces. */
    static SortedMap<Integer, SortedMap<LocalDate, CalendarData.Day>> fromJson(JsonNode root, List<FieldError> errors) {
        SortedMap<Integer, SortedMap<LocalDate, CalendarData.Day>> years = new TreeMap<>();
        if (!root.isObject()) {
            errors.add(new FieldError("body", "{calendar.import.shape}"));
            return years;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            if (!key.matches("\\d{4}")) {
                continue;
            }
            int year = Integer.parseInt(key);
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                errors.add(new FieldError(key, "{calendar.import.shape}"));
                continue;
            }
            SortedMap<LocalDate, CalendarData.Day> days = years.computeIfAbsent(year, y -> new TreeMap<>());
            read(year, key + ".holidays", value.path("holidays"), CalendarData.HOLIDAY, days, errors);
            read(year, key + ".workdays", value.path("workdays"), CalendarData.WORKDAY, days, errors);
        }
        if (years.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "{calendar.import.empty}"));
        }
        return years;
    }

    static SortedMap<Integer, SortedMap<LocalDate, CalendarData.Day>> fromCsv(String text, List<FieldError> errors) {
        SortedMap<Integer, SortedMap<LocalDate, CalendarData.Day>> years = new TreeMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || line.startsWith("#")
                    || (i == 0 && line.toLowerCase().startsWith("date"))) {
                continue;
            }
            String path = "line " + (i + 1);
            String[] cells = line.split(",", 3);
            LocalDate date = CalendarRules.date(unquote(cells[0]));
            String kind = cells.length > 1 ? unquote(cells[1]).toLowerCase() : "";
            String name = cells.length > 2 ? unquote(cells[2]) : null;
            if (date == null) {
                errors.add(new FieldError(path, "{calendar.date.format}"));
            } else if (!kind.equals(CalendarData.HOLIDAY) && !kind.equals(CalendarData.WORKDAY)) {
                errors.add(new FieldError(path, "{calendar.import.kind}"));
            } else {
                put(years.computeIfAbsent(date.getYear(), y -> new TreeMap<>()), date, kind, name, path, errors);
            }
        }
        if (years.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "{calendar.import.empty}"));
        }
        return years;
    }

    private static void read(
            int year,
            String path,
            JsonNode node,
            String kind,
            SortedMap<LocalDate, CalendarData.Day> days,
            List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            dates(year, path, null, node, kind, days, errors);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> named : node.properties()) {
                String p = path + "." + named.getKey();
                if (!named.getValue().isArray()) {
                    errors.add(new FieldError(p, "{calendar.import.shape}"));
                } else {
                    dates(year, p, named.getKey(), named.getValue(), kind, days, errors);
                }
            }
        } else {
            errors.add(new FieldError(path, "{calendar.import.shape}"));
        }
    }

    private static void dates(
            int year,
            String path,
            @Nullable String name,
            JsonNode list,
            String kind,
            SortedMap<LocalDate, CalendarData.Day> days,
            List<FieldError> errors) {
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            LocalDate d =
                    list.get(i).isString() ? CalendarRules.date(list.get(i).asString()) : null;
            if (d == null) {
                errors.add(new FieldError(p, "{calendar.date.format}"));
            } else if (d.getYear() != year) {
                errors.add(new FieldError(p, "{calendar.import.other-year}"));
            } else {
                put(days, d, kind, name, p, errors);
            }
        }
    }

    private static void put(
            SortedMap<LocalDate, CalendarData.Day> days,
            LocalDate date,
            String kind,
            @Nullable String name,
            String path,
            List<FieldError> errors) {
        CalendarData.Day old = days.get(date);
        if (old != null && !old.kind().equals(kind)) {
            errors.add(new FieldError(path, "{calendar.date.both}"));
            return;
        }
        days.put(date, new CalendarData.Day(kind, name == null || name.isBlank() ? null : name.strip(), null));
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
