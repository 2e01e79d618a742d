/**
 * Service-level time: business calendars (time zone, working windows per weekday, holidays and 调休 make-up
 * workdays) and the business-time arithmetic SLAs are computed with ({@link dev.baton.sla.BusinessCalendar}).
 * Other modules get a tenant's calendars through {@link dev.baton.sla.BusinessCalendars}. SLA policies, per-ticket
 * metrics computed from the ticket module's events and durable timers (reminders, breaches, escalations) live in
 * {@code internal}; the module reads flows ({@code flow}) only for a node's own SLA target and name.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "ticket", "flow"})
package dev.baton.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
