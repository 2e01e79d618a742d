package dev.baton.platform;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Business-time arithmetic on a tenant's default calendar, for modules that must not depend on the SLA module
 * (the flow sandbox shows each node's deadline with it). Implemented by {@code sla}.
 */
public interface BusinessTime {

    /**
     * When a target written as an ISO-8601 duration ({@code PT4H}, {@code P3D}: business days and business time)
     * started at {@code from} falls due, in the calendar's zone; empty when the tenant has no calendar or the
     * calendar has no working time within reach.
     */
    Optional<ZonedDateTime> deadline(long tenantId, Instant from, String isoDuration);
}
