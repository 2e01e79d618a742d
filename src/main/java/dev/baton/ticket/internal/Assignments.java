package dev.baton.ticket.internal;

import dev.baton.flow.Assignee;
import dev.baton.flow.AssigneeResolver;
import dev.baton.flow.AssigneeResolver.Resolution;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a node's assignee strategy into a task row when the node is entered, through the flow's
 * {@link AssigneeResolver} (the one the sandbox uses for its candidates). A strategy that finds nobody (no
 * leader on the way up, an empty user field, a ticket created by an API key for "creator") puts the work in
 * the pool rather than losing it; {@code rules} goes to the pool until the assignment module decides.
 */
@Component
class Assignments {

    private final AssigneeResolver resolver;

    Assignments(AssigneeResolver resolver) {
        this.resolver = resolver;
    }

    /** What a strategy resolves against: the ticket's creator, their department and the field values. */
    record Context(
            long tenantId,
            @Nullable Long creatorId,
            @Nullable Long departmentId,
            Map<String, @Nullable Object> fields) {}

    TaskRow resolve(Context ctx, String nodeId, int slot, String kind, Assignee assignee, Instant now) {
        var on = new AssigneeResolver.Context(ctx.tenantId(), ctx.creatorId(), ctx.departmentId(), ctx.fields());
        return switch (this.resolver.resolve(on, assignee)) {
            case Resolution.Person p -> new TaskRow(nodeId, slot, kind, p.userId(), null, null, now);
            case Resolution.RoleHolders r -> new TaskRow(nodeId, slot, kind, null, r.roleCode(), null, now);
            case Resolution.DepartmentMembers d -> new TaskRow(nodeId, slot, kind, null, null, d.departmentId(), now);
            case Resolution.Nobody n -> new TaskRow(nodeId, slot, kind, null, null, null, now);
        };
    }
}
