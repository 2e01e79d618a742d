package dev.baton.notify.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 免打扰: a daily window in a zone, e.g. 22:00–08:00 Asia/Shanghai (a window whose end is before its start runs
 * over midnight).
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When the window around {@code now} ends; empty when {@code now} is outside it. */
    Optional<Instant> endingAfter(Instant now) {
        if (this.start.equals(this.end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(this.zone);
        LocalTime t = local.toLocalTime();
        boolean overMidnight = this.end.isBefore(this.start);
        boolean inside = overMidnight
                ? !t.isBefore(this.start) || t.isBefore(this.end)
                : !t.isBefore(this.start) && t.isBefore(this.end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = local.plusDays(1).with(this.end);
        }
        return Optional.of(end.toInstant());
    }
}
