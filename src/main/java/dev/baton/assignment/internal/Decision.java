package dev.baton.assignment.internal;

import dev.baton.ticket.TicketRouting;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A routing decision with its reasons: the rules looked at (why each before the match did not apply), the
 * candidates of the matching rule (why each was skipped), and the outcome.
 *
 * @param outcome {@code chosen} (the strategy picked a person), {@code no_rule} (nothing matched: the pool),
 *     {@code target_pool}, {@code manual} (offered to the target group for a supervisor to dispatch),
 *     {@code fallback_pool}, {@code fallback_user} or {@code fallback_leader} (nobody was eligible)
 */
record Decision(
        List<RuleCheck> rules,
        @Nullable Long ruleId,
        @Nullable String ruleName,
        @Nullable String strategy,
        List<Candidate> candidates,
        TicketRouting.Route route,
        String outcome) {

    /** @param failed the first condition that did not hold ({@code template}, {@code keywords}, …), null if matched */
    record RuleCheck(
            long id, String name, boolean matched, @Nullable String failed) {}

    /**
     * @param skipped why the candidate could not get it: {@code inactive}, {@code off_duty}, {@code on_leave},
     *     {@code at_capacity}, {@code missing_skill}; null when eligible
     */
    record Candidate(
            long userId, @Nullable String skipped, @Nullable Integer load, boolean chosen) {}
}
