package dev.baton.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the customer's progress page shows of a ticket: its number and title, the six customer-visible steps, the
 * public timeline, what the customer may do now and their rating. Nothing internal: no internal comments, field
 * values or staff ids.
 *
 * @param customerStatus a {@code flow.CustomerStatus} code
 * @param canConfirm the work awaits the customer's confirmation
 * @param canRate the work is finished and not rated yet
 */
public record CustomerProgress(
        String number,
        String title,
        String customerStatus,
        List<Step> steps,
        List<Entry> timeline,
        boolean canConfirm,
        boolean canRate,
        @Nullable Rating rating) {

    /** One of the six steps; {@code reached} for the current step and those before it. */
    public record Step(String code, String label, boolean reached, boolean current) {}

    /**
     * One public event: {@code submitted}, a public comment's or customer act's action code, or
     * {@code status:<customerStatus>} when the customer-visible status changed.
     */
    public record Entry(String kind, @Nullable String body, Instant at) {}

    /** The customer's rating: 1 to 5 stars and an optional comment (sanitised HTML). */
    public record Rating(int stars, @Nullable String comment, Instant at) {}
}
