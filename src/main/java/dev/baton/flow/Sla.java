package dev.baton.flow;

import java.time.Duration;

/**
 * Time allowed for a task, written as an ISO-8601 duration: {@code PT4H} is four hours, {@code P3D} three
 * business days, {@code P1DT4H} one business day and four hours. Days are counted on the tenant's
 * business calendar by the SLA clock; hours and minutes are elapsed business time.
 *
 * @param businessDays the day part
 * @param time the part below a day
 */
public record Sla(String iso, int businessDays, Duration time) {}
