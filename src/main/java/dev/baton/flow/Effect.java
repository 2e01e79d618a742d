package dev.baton.flow;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What the ticket module must do or record after a step, in the order the step produced them. The
 * {@code NodeEntered} effects, in order, are the path the ticket took.
 */
public sealed interface Effect {

    record NodeEntered(String nodeId) implements Effect {}

    /** The node is done; for a condition or parallel node, once its chosen or all branches are. */
    record NodeCompleted(String nodeId) implements Effect {}

    /** A condition took the branch at this index (its first holding {@code when}, else the default). */
    record BranchChosen(String nodeId, int branchIndex) implements Effect {}

    /** A task (or the start, after a return) waits: resolve its handlers with this strategy. */
    record AssignmentNeeded(String nodeId, Assignee assignee) implements Effect {}

    /** The approver at this index of the node's {@code approvers} may decide now. */
    record ApprovalRequested(String nodeId, int approverIndex, Assignee approver) implements Effect {}

    record ApprovalDecided(String nodeId, int approverIndex, FlowState.Decision decision) implements Effect {}

    /** The node's position was removed and the flow went back to {@code targetNodeId}. */
    record Returned(String fromNodeId, String targetNodeId) implements Effect {}

    /**
     * The ticket moved onto a newer version of its flow ({@link FlowMoves}) and the position at
     * {@code fromNodeId} now waits at {@code toNodeId} of that version; {@code toNodeId} is null when the
     * position was dropped because another position of the ticket comes earlier on the same path and will
     * reach that node again. Only positions whose node changed get one.
     */
    record Moved(String fromNodeId, @Nullable String toNodeId) implements Effect {}

    /** An automation wrote a field; the new state holds the value already. */
    record SetField(
            String nodeId, String fieldKey, @Nullable Object value) implements Effect {}

    record SetPriority(String nodeId, Priority priority) implements Effect {}

    record Webhook(String nodeId, URI url) implements Effect {}

    record CreateChild(String nodeId, String templateCode) implements Effect {}

    record Notify(String nodeId, String channel, String message) implements Effect {}

    /**
     * @param outcome {@code COMPLETED} or {@code REJECTED}
     * @param customerStatus the explicit end's status; null for an implicit end or a rejection
     */
    record FlowFinished(FlowState.Status outcome, @Nullable CustomerStatus customerStatus) implements Effect {}
}
