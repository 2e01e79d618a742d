package dev.baton.sla;

import java.util.Optional;

/** A tenant's business calendars for other modules (SLA deadlines in the flow sandbox, timers), cached. */
public interface BusinessCalendars {

    /** The tenant's default calendar; empty only for a tenant that has none. */
    Optional<BusinessCalendar> defaultFor(long tenantId);

    Optional<BusinessCalendar> find(long tenantId, long calendarId);
}
