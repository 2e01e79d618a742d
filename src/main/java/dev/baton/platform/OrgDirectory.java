package dev.baton.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts about the organisation that other modules act on — who belongs where, who leads whom, who
 * holds a role, what a caller may see — without depending on the organisation module. Implemented
 * by {@code org}.
 *
 * <p>Every method is scoped to one tenant: an id of another tenant's user or department is unknown.
 * Answers are cached for a few seconds; changes made through this node's organisation API clear the
 * cache at once, changes on other nodes of a cluster show within that expiry.
 *
 * <p>"Active" means the user account is not deactivated. Deactivated users are never returned as
 * members, role holders or leaders, so nothing is assigned to them; their names stay available for
 * history.
 */
public interface OrgDirectory {

    /**
     * The departments of a user, the primary one first. A user has no designated primary department,
     * so the primary is the one with the lowest sort order (then the lowest id), the order the
     * department tree shows. Empty for an unknown or deactivated user.
     */
    List<Long> departmentsOf(long tenantId, long userId);

    /**
     * The leader of the department {@code level} steps up from {@code departmentId}: level 1 is the
     * department's own leader, level 2 its parent's, and so on (as "the n-th level manager" in
     * approval flows).
     *
     * <p>When the department at that level has no leader, or its leader is deactivated, the nearest
     * active leader above it answers instead, so an approval never stalls on an empty post; two levels
     * may therefore give the same person. Empty when the department is unknown, when {@code level}
     * goes above the root, or when no department from that level up has an active leader.
     *
     * @param level 1 or more
     * @throws IllegalArgumentException if {@code level} is less than 1
     */
    Optional<Long> leaderOf(long tenantId, long departmentId, int level);

    /**
     * Active users holding the role with this code, by ascending id, at most {@code limit} of them
     * (for candidate lists and display). Empty for an unknown code.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    List<Long> usersWithRole(long tenantId, String roleCode, int limit);

    /**
     * Active members of the department itself (not of its sub-departments), by ascending id, at most
     * {@code limit} of them. Empty for an unknown department.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    List<Long> membersOf(long tenantId, long departmentId, int limit);

    /** How many active users hold the role with this code (what {@link #usersWithRole} would list without a limit). */
    int countUsersWithRole(long tenantId, String roleCode);

    /** How many active members the department itself has (what {@link #membersOf} would list without a limit). */
    int countMembersOf(long tenantId, long departmentId);

    /** Department names by id; ids that are not departments of the tenant are omitted. */
    Map<Long, String> departmentNames(long tenantId, Collection<Long> departmentIds);

    /** Whether the user exists in the tenant and is active. */
    boolean isActive(long tenantId, long userId);

    /** Display names by user id, deactivated users included; ids that are not users of the tenant are omitted. */
    Map<Long, String> names(long tenantId, Collection<Long> userIds);

    /**
     * Which department-owned records the caller sees: the union of the data scopes of their roles
     * (an API key's own roles for an API-key caller). {@code DEPARTMENT} grants the caller's own
     * departments, {@code DEPARTMENT_TREE} those and every department below them, {@code CUSTOM} the
     * departments chosen on the role, {@code SELF} none. "Own departments" are those of
     * {@link CurrentUser#userId()} — for an API key the user who created it, as in the user list; a key
     * without one has none, so only its {@code ALL} and {@code CUSTOM} roles grant anything.
     *
     * <p>Not part of the answer, because it holds for every scope: a user always sees the records they
     * own or handle themselves. Callers add that condition on {@link CurrentUser#userId()}.
     */
    Visibility visibility(CurrentUser me);

    /**
     * @param all the caller sees every record of the tenant; {@code departmentIds} is then empty
     * @param departmentIds the departments whose records the caller sees, when not {@code all}
     */
    record Visibility(boolean all, Set<Long> departmentIds) {

        public Visibility {
            departmentIds = Set.copyOf(departmentIds);
        }

        /** Whether records owned by this department are visible. */
        public boolean covers(long departmentId) {
            return this.all || this.departmentIds.contains(departmentId);
        }
    }
}
