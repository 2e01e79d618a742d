package dev.baton.flow;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a ticket that moves its flow, as input to {@link FlowStepper#step}. Who may send which
 * command (the assignee, an approver slot's user) is checked by the ticket module before it gets here.
 */
public sealed interface StepCommand {

    /**
     * Submits the ticket: the flow starts at its start node.
     *
     * @param fields the submitted field values by key, as parsed from JSON
     * @param facts {@code ticket.*} and {@code customer.*} values by dotted name ({@code ticket.source})
     */
    record Start(Map<String, @Nullable Object> fields, Map<String, @Nullable Object> facts) implements StepCommand {}

    /** A handler takes a waiting task (or the submitter a ticket returned to the start). */
    record Claim(String nodeId) implements StepCommand {}

    /** A claimed task is given back (to its candidates or the pool) and waits to be claimed again. */
    record Release(String nodeId) implements StepCommand {}

    /**
     * A task (or a ticket returned to the start) is submitted.
     *
     * @param fields the field values the handler changed; later conditions see them
     */
    record Complete(String nodeId, Map<String, @Nullable Object> fields) implements StepCommand {
        public Complete(String nodeId) {
            this(nodeId, Map.of());
        }
    }

    /** The approver at {@code approverIndex} of the node's {@code approvers} approves. */
    record Approve(String nodeId, int approverIndex) implements StepCommand {}

    /** The approver at {@code approverIndex} rejects; the node's {@code onReject} decides what follows. */
    record Reject(String nodeId, int approverIndex) implements StepCommand {}

    /** A task with the {@code return} action sends the ticket back to an earlier node. */
    record ReturnTo(String fromNodeId, String targetNodeId) implements StepCommand {}
}
