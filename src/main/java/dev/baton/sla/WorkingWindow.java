package dev.baton.sla;

import java.time.format.DateTimeParseException;

/**
 * A working window of a day in minutes since midnight, {@code [start, end)}; {@code end} may be 1440
 * ({@code "24:00"}) so that a night shift can run to midnight and go on in the next day's first window.
 */
public record WorkingWindow(int startMinute, int endMinute) {

    public static final int DAY = 24 * 60;

    public WorkingWindow {
        if (startMinute < 0 || endMinute > DAY || endMinute <= startMinute) {
            throw new IllegalArgumentException("bad working window " + startMinute + "-" + endMinute);
        }
    }

    /** {@code "09:00"}, {@code "24:00"} (only as an end); throws {@link DateTimeParseException} otherwise. */
    public static int parseTime(String text, boolean end) {
        if (text.length() != 5 || text.charAt(2) != ':') {
            throw new DateTimeParseException("expected HH:mm", text, 0);
        }
        try {
            int h = Integer.parseInt(text.substring(0, 2));
            int m = Integer.parseInt(text.substring(3));
            boolean midnight = end && h == 24 && m == 0;
            if (!midnight && (h < 0 || h > 23 || m < 0 || m > 59)) {
                throw new DateTimeParseException("expected HH:mm", text, 0);
            }
            return h * 60 + m;
        } catch (NumberFormatException e) {
            throw new DateTimeParseException("expected HH:mm", text, 0);
        }
    }

    public static WorkingWindow of(String start, String end) {
        return new WorkingWindow(parseTime(start, false), parseTime(end, true));
    }

    public int minutes() {
        return this.endMinute - this.startMinute;
    }

    public String start() {
        return format(this.startMinute);
    }

    public String end() {
        return format(this.endMinute);
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
