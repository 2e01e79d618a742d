/**
 * Service-level time: business calendars (time zone, working windows per weekday, holidays and 调休 make-up
 * workdays) and the business-time arithmetic SLAs are computed with ({@link dev.baton.sla.BusinessCalendar}).
 * Other modules get a tenant's calendars through {@link dev.baton.sla.BusinessCalendars}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db"})
package dev.baton.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
