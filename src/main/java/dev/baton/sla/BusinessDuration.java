package dev.baton.sla;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of business time: whole business days, then business hours/minutes/seconds, written in ISO-8601
 * ({@code PT90M}, {@code PT2H}, {@code P3D}, {@code P1DT2H}). {@code P1DT2H} means one business day (to the
 * same time of day on the next working day), then two business hours from there.
 */
public record BusinessDuration(int days, Duration time) {

    /** Ten years of either part: a target beyond that is a typing error, not an SLA. */
    public static final int MAX_DAYS = 3660;

    public static final Duration MAX_TIME = Duration.ofDays(MAX_DAYS);

    private static final Pattern ISO =
            Pattern.compile("P(?:(\\d{1,9})D)?(?:T(?=\\d)(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?");

    public BusinessDuration {
        if (days < 0 || days > MAX_DAYS || time.isNegative() || time.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException("business duration out of range: " + days + "D " + time);
        }
    }

    public static BusinessDuration ofMinutes(long minutes) {
        return new BusinessDuration(0, Duration.ofMinutes(minutes));
    }

    public static BusinessDuration ofDays(int days) {
        return new BusinessDuration(days, Duration.ZERO);
    }

    /** Parses {@code P3D}, {@code PT2H}, {@code P1DT2H30M}; empty when malformed, negative or out of range. */
    public static Optional<BusinessDuration> parse(String text) {
        Matcher m = ISO.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches() || text.strip().equalsIgnoreCase("P")) {
            return Optional.empty();
        }
        long days = group(m, 1);
        Duration time = Duration.ofHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
        if (days > MAX_DAYS || time.compareTo(MAX_TIME) > 0) {
            return Optional.empty();
        }
        return Optional.of(new BusinessDuration((int) days, time));
    }

    @Override
    public String toString() {
        if (this.days == 0) {
            return this.time.toString();
        }
        return "P" + this.days + "D"
                + (this.time.isZero() ? "" : this.time.toString().substring(1));
    }

    private static long group(Matcher m, int i) {
        String g = m.group(i);
        return g == null ? 0 : Long.parseLong(g);
    }
}
