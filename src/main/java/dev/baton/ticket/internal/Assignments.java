package dev.baton.ticket.internal;

import dev.baton.flow.Assignee;
import dev.baton.platform.OrgDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a node's assignee strategy into a task row when the node is entered. A strategy that finds nobody
 * (no leader on the way up, an empty user field, a ticket created by an API key for "creator") puts the
 * work in the pool rather than losing it; {@code rules} goes to the pool until the assignment module
 * decides.
 */
@Component
class Assignments {

    private final OrgDirectory org;

    Assignments(OrgDirectory org) {
        this.org = org;
    }

    /** What a strategy resolves against: the ticket's creator, their department and the field values. */
    record Context(
            long tenantId,
            @Nullable Long creatorId,
            @Nullable Long departmentId,
            Map<String, @Nullable Object> fields) {}

    TaskRow resolve(Context ctx, String nodeId, int slot, String kind, Assignee assignee, Instant now) {
        return switch (assignee) {
            case Assignee.User u ->
                user(nodeId, slot, kind, this.org.isActive(ctx.tenantId(), u.userId()) ? u.userId() : null, now);
            case Assignee.Role r -> new TaskRow(nodeId, slot, kind, null, r.roleCode(), null, now);
            case Assignee.Department d -> new TaskRow(nodeId, slot, kind, null, null, d.departmentId(), now);
            case Assignee.DepartmentLeader l -> user(nodeId, slot, kind, leader(ctx, l.level()), now);
            case Assignee.Creator c -> user(nodeId, slot, kind, ctx.creatorId(), now);
            case Assignee.Field f -> user(nodeId, slot, kind, userField(ctx, f.fieldKey()), now);
            case Assignee.Rules r -> user(nodeId, slot, kind, null, now);
        };
    }

    private @Nullable Long leader(Context ctx, int level) {
        if (ctx.departmentId() == null) {
            return null;
        }
        return this.org.leaderOf(ctx.tenantId(), ctx.departmentId(), level).orElse(null);
    }

    private @Nullable Long userField(Context ctx, String key) {
        Object value = ctx.fields().get(key);
        if (value instanceof Number n && this.org.isActive(ctx.tenantId(), n.longValue())) {
            return n.longValue();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private static TaskRow user(String nodeId, int slot, String kind, @Nullable Long userId, Instant now) {
        return new TaskRow(nodeId, slot, kind, userId, null, null, now);
    }
}
