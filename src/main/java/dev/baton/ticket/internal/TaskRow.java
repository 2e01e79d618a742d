package dev.baton.ticket.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who may work on a ticket at one node now, as stored in {@code ticket_tasks} (and mirrored in the ticket row
 * so an action needs no second read): a user, or candidates by role or department, or the pool when all
 * three are null.
 *
 * @param slot 0 for a task, the approver index for an approval, {@value #CO_HANDLER_SLOTS} and up for
 *     co-handlers
 */
record TaskRow(
        String nodeId,
        int slot,
        String kind,
        @Nullable Long userId,
        @Nullable String roleCode,
        @Nullable Long departmentId,
        Instant createdAt) {

    static final String TASK = "task";
    static final String APPROVAL = "approval";
    static final String CO = "co";
    static final int CO_HANDLER_SLOTS = 100;

    record Key(String nodeId, int slot) {}

    Key key() {
        return new Key(this.nodeId, this.slot);
    }

    boolean pool() {
        return this.userId == null && this.roleCode == null && this.departmentId == null;
    }

    TaskRow withUser(long user) {
        return new TaskRow(this.nodeId, this.slot, this.kind, user, this.roleCode, this.departmentId, this.createdAt);
    }

    /** Offered again to the candidates it names (a role, a department, or the pool when neither). */
    /** Offered again from {@code at}: the pool's "waiting since" and the escalation timer count from the release. */
    TaskRow released(Instant at) {
        return new TaskRow(this.nodeId, this.slot, this.kind, null, this.roleCode, this.departmentId, at);
    }

    TaskRow handedTo(long user, Instant at) {
        return new TaskRow(this.nodeId, this.slot, this.kind, user, null, null, at);
    }
}
