package dev.baton.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business-time arithmetic on one calendar: its zone, working windows per weekday, holidays and make-up
 * workdays (调休, worked with the windows of a chosen weekday, Monday's unless said otherwise). Immutable and
 * pure. Walks day by day over each day's windows, never minute by minute, and gives up with
 * {@link NoWorkingTimeException} after {@link #MAX_IDLE_DAYS} days in a row without working time.
 *
 * <p>Each window is placed on its date in the zone, so a window on a DST change day has its real length
 * (Europe/Berlin 01:00–04:00 on the spring change day is two hours).
 */
public final class BusinessCalendar {

    /** Three years of days off in a row: the calendar is broken, not merely on holiday. */
    public static final int MAX_IDLE_DAYS = 3 * 366;

    /** How far {@link #elapsed} counts. */
    public static final Duration MAX_SPAN = Duration.ofDays(30 * 366);

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingWindow>> weekly;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, DayOfWeek> workdays;
    private final Set<Integer> dataYears;

    /**
     * @param workdays make-up workdays and the weekday whose windows each uses
     */
    public BusinessCalendar(
            ZoneId zone,
            Map<DayOfWeek, List<WorkingWindow>> weekly,
            Set<LocalDate> holidays,
            Map<LocalDate, DayOfWeek> workdays) {
        this.zone = zone;
        Map<DayOfWeek, List<WorkingWindow>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            copy.put(
                    d,
                    weekly.getOrDefault(d, List.of()).stream()
                            .sorted(java.util.Comparator.comparingInt(WorkingWindow::startMinute))
                            .toList());
        }
        this.weekly = copy;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Map.copyOf(workdays);
        Set<Integer> years = new TreeSet<>();
        holidays.forEach(d -> years.add(d.getYear()));
        workdays.keySet().forEach(d -> years.add(d.getYear()));
        this.dataYears = Set.copyOf(years);
    }

    /** Every day of the week 00:00–24:00, no holidays. */
    public static BusinessCalendar allDay(ZoneId zone) {
        Map<DayOfWeek, List<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.of(new WorkingWindow(0, WorkingWindow.DAY)));
        }
        return new BusinessCalendar(zone, w, Set.of(), Map.of());
    }

    public ZoneId zone() {
        return this.zone;
    }

    /** The windows worked on {@code date}: none on a holiday, the chosen weekday's on a make-up workday. */
    public List<WorkingWindow> windowsOn(LocalDate date) {
        if (this.holidays.contains(date)) {
            return List.of();
        }
        DayOfWeek as = this.workdays.get(date);
        return this.weekly.get(as != null ? as : date.getDayOfWeek());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !windowsOn(date).isEmpty();
    }

    /**
     * The moment {@code duration} of business time after {@code from}. Days come first: {@code P3D} is the same
     * time of day on the third working day after the first working moment at or after {@code from} (or the next
     * working moment after that time, when that day does not work then); the time part is then counted in
     * working time. A deadline that ends exactly at a window's end is that end (18:00, not 09:00 next day).
     */
    public Instant deadline(Instant from, BusinessDuration duration) {
        Instant start = from;
        if (duration.days() > 0) {
            start = nextWorkingMoment(from);
            ZonedDateTime zs = start.atZone(this.zone);
            LocalTime timeOfDay = zs.toLocalTime();
            LocalDate day = zs.toLocalDate();
            int idle = 0;
            for (int found = 0; found < duration.days(); ) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    found++;
                    idle = 0;
                } else if (++idle > MAX_IDLE_DAYS) {
                    throw noWorkingTime(start);
                }
            }
            start = nextWorkingMoment(day.atTime(timeOfDay).atZone(this.zone).toInstant());
        }
        return addTime(start, duration.time());
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("span longer than " + MAX_SPAN);
        }
        long seconds = 0;
        LocalDate last = to.atZone(this.zone).toLocalDate();
        for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] w : instantsOn(day)) {
                Instant s = w[0].isAfter(from) ? w[0] : from;
                Instant e = w[1].isBefore(to) ? w[1] : to;
                if (e.isAfter(s)) {
                    seconds += Duration.between(s, e).getSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    /** The first instant at or after {@code from} that lies inside a working window. */
    public Instant nextWorkingMoment(Instant from) {
        LocalDate day = from.atZone(this.zone).toLocalDate();
        for (int idle = 0; idle <= MAX_IDLE_DAYS; day = day.plusDays(1)) {
            List<Instant[]> windows = instantsOn(day);
            idle = windows.isEmpty() ? idle + 1 : 0;
            for (Instant[] w : windows) {
                if (w[1].isAfter(from)) {
                    return w[0].isAfter(from) ? w[0] : from;
                }
            }
        }
        throw noWorkingTime(from);
    }

    /**
     * Years between the two instants (inclusive, in the calendar's zone) for which the calendar has no holiday
     * data although it has some for other years. A calendar that never had any (7×24) misses nothing.
     */
    public List<Integer> yearsWithoutHolidayData(Instant from, Instant to) {
        List<Integer> missing = new ArrayList<>();
        if (this.dataYears.isEmpty()) {
            return missing;
        }
        int last = to.atZone(this.zone).getYear();
        for (int y = from.atZone(this.zone).getYear(); y <= last; y++) {
            if (!this.dataYears.contains(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    private Instant addTime(Instant from, Duration time) {
        long remaining = time.getSeconds();
        if (remaining == 0) {
            return from;
        }
        LocalDate day = from.atZone(this.zone).toLocalDate();
        for (int idle = 0; idle <= MAX_IDLE_DAYS; day = day.plusDays(1)) {
            List<Instant[]> windows = instantsOn(day);
            boolean worked = false;
            for (Instant[] w : windows) {
                if (!w[1].isAfter(from)) {
                    continue;
                }
                Instant s = w[0].isAfter(from) ? w[0] : from;
                long available = Duration.between(s, w[1]).getSeconds();
                worked = true;
                if (remaining <= available) {
                    return s.plusSeconds(remaining);
                }
                remaining -= available;
            }
            idle = worked ? 0 : idle + 1;
        }
        throw noWorkingTime(from);
    }

    /** The day's windows as instants; a window's times are placed on the day in the zone (DST-aware). */
    private List<Instant[]> instantsOn(LocalDate day) {
        List<WorkingWindow> windows = windowsOn(day);
        if (windows.isEmpty()) {
            return List.of();
        }
        List<Instant[]> out = new ArrayList<>(windows.size());
        for (WorkingWindow w : windows) {
            Instant s = at(day, w.startMinute());
            Instant e = at(day, w.endMinute());
            if (e.isAfter(s)) {
                out.add(new Instant[] {s, e});
            }
        }
        return out;
    }

    private Instant at(LocalDate day, int minute) {
        if (minute == WorkingWindow.DAY) {
            return day.plusDays(1).atStartOfDay(this.zone).toInstant();
        }
        return day.atTime(minute / 60, minute % 60).atZone(this.zone).toInstant();
    }

    private NoWorkingTimeException noWorkingTime(Instant from) {
        return new NoWorkingTimeException(
                "no working time within " + MAX_IDLE_DAYS + " days after " + from.atZone(this.zone));
    }
}
