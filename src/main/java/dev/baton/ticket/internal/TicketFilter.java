package dev.baton.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket list is filtered by; every part is optional and parts combine with AND.
 *
 * @param queue {@code mine} (work I may do now, without the pool), {@code pool} (work nobody is named for),
 *     {@code approvals} (approvals waiting for me), {@code created} (tickets I created), or null for all I may see
 * @param text full-text query over number, title, description and chat excerpt
 * @param fieldFilters custom field conditions: {@code key → value} (equals), {@code key.min}/{@code key.max}
 *     (number, date or instant ranges, inclusive)
 */
record TicketFilter(
        List<String> statuses,
        @Nullable Long templateId,
        @Nullable String nodeId,
        @Nullable Long assigneeId,
        @Nullable String queue,
        @Nullable Long departmentId,
        @Nullable Long customerId,
        @Nullable Long creatorId,
        List<String> sources,
        List<String> priorities,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable Instant updatedFrom,
        @Nullable Instant updatedTo,
        @Nullable String text,
        Map<String, String> fieldFilters) {

    /** Whether the queue is all the filter asks for. */
    boolean onlyQueue() {
        return this.statuses.isEmpty()
                && this.templateId == null
                && this.nodeId == null
                && this.assigneeId == null
                && this.departmentId == null
                && this.customerId == null
                && this.creatorId == null
                && this.sources.isEmpty()
                && this.priorities.isEmpty()
                && this.createdFrom == null
                && this.createdTo == null
                && this.updatedFrom == null
                && this.updatedTo == null
                && (this.text == null || this.text.isBlank())
                && this.fieldFilters.isEmpty();
    }
}
