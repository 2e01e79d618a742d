package dev.baton.sla.internal;

import dev.baton.platform.BusinessTime;
import dev.baton.sla.BusinessCalendars;
import dev.baton.sla.BusinessDuration;
import dev.baton.sla.NoWorkingTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link BusinessTime} on the tenant's default calendar. */
@Component
class DefaultCalendarTime implements BusinessTime {

    private final BusinessCalendars calendars;

    DefaultCalendarTime(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public Optional<ZonedDateTime> deadline(long tenantId, Instant from, String isoDuration) {
        Optional<BusinessDuration> duration = BusinessDuration.parse(isoDuration);
        if (duration.isEmpty()) {
            return Optional.empty();
        }
        return this.calendars.defaultFor(tenantId).flatMap(calendar -> {
            try {
                return Optional.of(calendar.deadline(from, duration.get()).atZone(calendar.zone()));
            } catch (NoWorkingTimeException e) {
                return Optional.empty();
            }
        });
    }
}
