package dev.baton.ticket;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a ticket, for other modules (SLA, notifications, sync). Written with the event-log row
 * of the change, in its transaction, and delivered after it commits — at least once, in order per ticket —
 * as Spring application events; listeners must tolerate a repeat after a crash.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(TicketEvent.TicketCreated.class),
    @JsonSubTypes.Type(TicketEvent.NodeEntered.class),
    @JsonSubTypes.Type(TicketEvent.NodeCompleted.class),
    @JsonSubTypes.Type(TicketEvent.TicketAssigned.class),
    @JsonSubTypes.Type(TicketEvent.TicketStatusChanged.class),
    @JsonSubTypes.Type(TicketEvent.TicketClosed.class),
    @JsonSubTypes.Type(TicketEvent.CommentAdded.class),
    @JsonSubTypes.Type(TicketEvent.TicketUrged.class),
    @JsonSubTypes.Type(TicketEvent.AutomationRequested.class),
    @JsonSubTypes.Type(TicketEvent.ApprovalDecided.class)
})
public sealed interface TicketEvent {

    long tenantId();

    long ticketId();

    /** The ticket's version after the change that produced the event. */
    int ticketVersion();

    Instant at();

    record TicketCreated(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            String number,
            long templateId,
            String source,
            String priority,
            @Nullable Long customerId,
            @Nullable Long creatorId)
            implements TicketEvent {}

    /**
     * @param sla the node's own SLA target in its flow version (an ISO business duration), {@code ""} when it has
     *     none; null in events logged before the target was recorded here
     */
    record NodeEntered(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            String nodeId,
            String nodeType,
            @Nullable String sla)
            implements TicketEvent {}

    record NodeCompleted(long tenantId, long ticketId, int ticketVersion, Instant at, String nodeId)
            implements TicketEvent {}

    /**
     * Work at a node was given to a user, or offered to candidates (a role, a department, or the pool when
     * all three are null).
     */
    record TicketAssigned(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            String nodeId,
            @Nullable Long userId,
            @Nullable String roleCode,
            @Nullable Long departmentId)
            implements TicketEvent {}

    record TicketStatusChanged(long tenantId, long ticketId, int ticketVersion, Instant at, String from, String to)
            implements TicketEvent {}

    record TicketClosed(long tenantId, long ticketId, int ticketVersion, Instant at, String status)
            implements TicketEvent {}

    /** @param mentioned users named with an @mention, who should be told */
    record CommentAdded(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            @Nullable Long authorId,
            boolean customerVisible,
            Set<Long> mentioned)
            implements TicketEvent {}

    record TicketUrged(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            @Nullable Long byUserId) implements TicketEvent {}

    /** An automation node asked for a webhook, child ticket or notification; {@code kind} names which. */
    record AutomationRequested(
            long tenantId, long ticketId, int ticketVersion, Instant at, String nodeId, String kind, String detail)
            implements TicketEvent {}

    /**
     * An approver approved or rejected at an approval node (one event per decision; the flow decides what the
     * node does with it).
     */
    record ApprovalDecided(
            long tenantId,
            long ticketId,
            int ticketVersion,
            Instant at,
            String nodeId,
            @Nullable Long byUserId,
            boolean approved)
            implements TicketEvent {}
}
