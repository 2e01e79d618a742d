package dev.baton.ticket;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who gets a ticket's work when its flow node says "by assignment rules", and what a new ticket's text says
 * about it (keyword classification). Declared here and implemented by the assignment module, so that
 * {@code ticket} does not depend on it; without an implementation, rules work goes to the pool and nothing is
 * classified.
 *
 * <p>{@link #route} runs inside the ticket's transaction: a round-robin position it takes commits or rolls back
 * with the ticket.
 */
public interface TicketRouting {

    Route route(RoutingRequest request);

    /** Keyword classification of a ticket's text (title, description, chat excerpt) on create. */
    Classification classify(long tenantId, String text);

    /**
     * What a routing decision looks at.
     *
     * @param channel the code of the intake channel the ticket came in through ({@code ticket.channel}), if any
     * @param text the title, the description as plain text and the chat excerpt, one per line
     * @param customer {@code level}, {@code region}, {@code tags} of the customer (from the create request's
     *     {@code customer.*} facts until customers are their own module)
     */
    record RoutingRequest(
            long tenantId,
            String nodeId,
            @Nullable Long templateId,
            @Nullable String templateCode,
            String source,
            @Nullable String channel,
            String priority,
            String text,
            Map<String, @Nullable Object> fields,
            Map<String, @Nullable Object> customer,
            @Nullable Long creatorId,
            @Nullable Long departmentId) {}

    /**
     * The answer: one user, the holders of a role, the members of a department, or the pool (all null).
     *
     * @param ruleName the rule that decided, null when none matched
     */
    record Route(
            @Nullable Long userId,
            @Nullable String roleCode,
            @Nullable Long departmentId,
            @Nullable String ruleName) {

        public static Route pool(@Nullable String ruleName) {
            return new Route(null, null, null, ruleName);
        }
    }

    /**
     * What the keywords found in a text imply; the first matching keyword (by position in the text) decides
     * category, template and priority, tags are collected from all.
     */
    record Classification(
            @Nullable String category,
            @Nullable Long templateId,
            @Nullable String priority,
            List<String> tags,
            List<String> keywords) {

        public static final Classification NONE = new Classification(null, null, null, List.of(), List.of());

        public boolean matched() {
            return !this.keywords.isEmpty();
        }
    }
}
