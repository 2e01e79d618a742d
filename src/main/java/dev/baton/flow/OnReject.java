package dev.baton.flow;

/** What happens when an approval is rejected. */
public sealed interface OnReject {

    /** The flow ends (the ticket is closed as rejected). */
    record End() implements OnReject {}

    /**
     * The ticket goes back to an earlier node: the start, a task or an approval that lies on every path
     * to the rejecting node, not across the boundary of an enclosing parallel branch.
     */
    record Return(String targetNodeId) implements OnReject {}
}
