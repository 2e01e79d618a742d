package dev.baton.sla.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's SLA as the API shows it.
 *
 * @param policyId the policy that applies, null when none matches (no metrics then)
 */
record TicketSlaView(
        long ticketId, @Nullable Long policyId, @Nullable String policyName, List<Metric> metrics) {

    /**
     * One metric. Business times are ISO durations plus whole minutes, for display.
     *
     * @param dueAt in the calendar's zone
     * @param remaining business time left (for a met metric: the margin it was met with); null when overdue
     * @param overdue business time past the deadline; null while not
     * @param history computed events ({@code started}, {@code paused}, {@code resumed}, {@code breached}, {@code met},
     *     {@code stopped}, {@code restarted}, {@code reopened}) and what fired ({@code reminder}, {@code breached},
     *     {@code escalated_l1} …, with recipients)
     */
    record Metric(
            String metric,
            String target,
            Instant startedAt,
            String dueAt,
            String state,
            @Nullable Instant stoppedAt,
            @Nullable String remaining,
            @Nullable Long remainingMinutes,
            @Nullable String overdue,
            @Nullable Long overdueMinutes,
            String paused,
            List<Entry> history) {}

    /** @param recipients user ids, for what fired */
    record Entry(Instant at, String event, @Nullable List<Long> recipients) {}
}
