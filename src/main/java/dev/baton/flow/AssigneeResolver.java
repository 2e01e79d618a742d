package dev.baton.flow;

import dev.baton.platform.OrgDirectory;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who an assignee strategy names for one ticket. The one resolver behind both the task rows of real tickets
 * and the sandbox's candidate lists, so the two cannot disagree: a strategy resolves to one person, the
 * holders of a role, the members of a department, or nobody (the pool).
 */
public final class AssigneeResolver {

    private final OrgDirectory org;

    public AssigneeResolver(OrgDirectory org) {
        this.org = org;
    }

    /**
     * What a strategy resolves against.
     *
     * @param departmentId the ticket's department: the creator's primary department when it was created
     * @param fields the ticket's field values (a {@code user} field holds a user id)
     */
    public record Context(
            long tenantId,
            @Nullable Long creatorId,
            @Nullable Long departmentId,
            Map<String, @Nullable Object> fields) {}

    /** The context of a ticket created now by {@code creatorId}, as ticket creation records it. */
    public Context context(long tenantId, @Nullable Long creatorId, Map<String, @Nullable Object> fields) {
        Long department = creatorId == null
                ? null
                : this.org.departmentsOf(tenantId, creatorId).stream()
                        .findFirst()
                        .orElse(null);
        return new Context(tenantId, creatorId, department, fields);
    }

    /** What a strategy found. */
    public sealed interface Resolution {

        record Person(long userId) implements Resolution {}

        /** Any active holder of the role may take the work. */
        record RoleHolders(String roleCode) implements Resolution {}

        /** Any active member of the department (not of its sub-departments) may take the work. */
        record DepartmentMembers(long departmentId) implements Resolution {}

        /** Nobody in particular: the work goes to the pool. */
        record Nobody(Reason reason) implements Resolution {}
    }

    /** Why a strategy named nobody. */
    public enum Reason {
        /** The tenant's assignment rules decide (not configured yet). */
        RULES,
        /** The named user is unknown in the tenant or deactivated. */
        USER_UNKNOWN,
        /** No active leader on the way up from the creator's department, or no department. */
        NO_LEADER,
        /** The ticket has no creator (created by an API key without a user). */
        NO_CREATOR,
        /** The user field is empty. */
        FIELD_EMPTY;

        public String code() {
            return Codes.of(this);
        }
    }

    public Resolution resolve(Context ctx, Assignee assignee) {
        return switch (assignee) {
            case Assignee.User u -> person(ctx, u.userId());
            case Assignee.Role r -> new Resolution.RoleHolders(r.roleCode());
            case Assignee.Department d -> new Resolution.DepartmentMembers(d.departmentId());
            case Assignee.DepartmentLeader l -> leader(ctx, l.level());
            case Assignee.Creator c ->
                ctx.creatorId() == null
                        ? new Resolution.Nobody(Reason.NO_CREATOR)
                        : new Resolution.Person(ctx.creatorId());
            case Assignee.Field f -> userField(ctx, f.fieldKey());
            case Assignee.Rules r -> new Resolution.Nobody(Reason.RULES);
        };
    }

    /**
     * The users a resolution lets work on the node, by ascending id for groups, at most {@code limit}.
     *
     * @param total how many there are in all
     */
    public record Candidates(List<Long> userIds, int total) {
        public Candidates {
            userIds = List.copyOf(userIds);
        }
    }

    public Candidates candidates(long tenantId, Resolution resolution, int limit) {
        return switch (resolution) {
            case Resolution.Person p -> new Candidates(limit > 0 ? List.of(p.userId()) : List.of(), 1);
            case Resolution.RoleHolders r ->
                new Candidates(
                        this.org.usersWithRole(tenantId, r.roleCode(), limit),
                        this.org.countUsersWithRole(tenantId, r.roleCode()));
            case Resolution.DepartmentMembers d ->
                new Candidates(
                        this.org.membersOf(tenantId, d.departmentId(), limit),
                        this.org.countMembersOf(tenantId, d.departmentId()));
            case Resolution.Nobody n -> new Candidates(List.of(), 0);
        };
    }

    private Resolution person(Context ctx, long userId) {
        return this.org.isActive(ctx.tenantId(), userId)
                ? new Resolution.Person(userId)
                : new Resolution.Nobody(Reason.USER_UNKNOWN);
    }

    private Resolution leader(Context ctx, int level) {
        if (ctx.departmentId() == null) {
            return new Resolution.Nobody(Reason.NO_LEADER);
        }
        return this.org
                .leaderOf(ctx.tenantId(), ctx.departmentId(), level)
                .<Resolution>map(Resolution.Person::new)
                .orElse(new Resolution.Nobody(Reason.NO_LEADER));
    }

    /** A user field holds one id; a list (older values) names its first. */
    private Resolution userField(Context ctx, String key) {
        Object value = ctx.fields().get(key);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.getFirst();
        }
        if (value instanceof Number n) {
            return person(ctx, n.longValue());
        }
        return new Resolution.Nobody(Reason.FIELD_EMPTY);
    }
}
