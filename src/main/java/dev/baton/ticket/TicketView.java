package dev.baton.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as the caller may see it: fields the caller's roles may not see are absent.
 *
 * @param customerStatus one of the six customer-visible steps ({@code submitted} … {@code rated})
 * @param customerStatusLabel the template's label for it, if it renames the step
 * @param nodes the positions the flow waits at, with who may work on each
 * @param parentId the ticket whose automation node created this one, if any
 * @param actions what the caller may do now, for buttons
 * @param version send back as {@code expectedVersion}
 */
public record TicketView(
        long id,
        String number,
        String title,
        @Nullable String description,
        @Nullable String chatExcerpt,
        long templateId,
        int templateVersion,
        @Nullable Long flowId,
        @Nullable Integer flowVersion,
        String source,
        String priority,
        String status,
        String customerStatus,
        @Nullable String customerStatusLabel,
        @Nullable Long customerId,
        @Nullable Long creatorId,
        @Nullable Long departmentId,
        @Nullable Long parentId,
        Map<String, @Nullable Object> fields,
        List<NodeView> nodes,
        List<String> actions,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt,
        int version) {

    /**
     * A node holding a position.
     *
     * @param state {@code waiting} or {@code in_progress}
     * @param fieldRules the node's rules by field key ({@code editable}, {@code required}, {@code readonly},
     *     {@code hidden}) for fields the caller can see
     */
    public record NodeView(
            String nodeId,
            String name,
            String type,
            String state,
            List<Handler> handlers,
            Map<String, String> fieldRules) {}

    /**
     * Who may work on a node: a user, or candidates by role or department (the pool when all are null).
     *
     * @param kind {@code task}, {@code approval} (slot = approver index) or {@code co} (co-handler)
     */
    public record Handler(
            String kind,
            int slot,
            @Nullable Long userId,
            @Nullable String roleCode,
            @Nullable Long departmentId) {}
}
