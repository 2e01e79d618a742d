package dev.baton.org;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * WeCom's directory (通讯录) mirrored into the organisation, for the {@code wecom} module's sync and contact
 * callbacks. Departments are matched by WeCom department id and users by WeCom user id only: a department or user an
 * administrator made by hand is never touched unless an administrator gave it the matching WeCom id. Every write is
 * idempotent — the same facts again change nothing, bump no version — and its own transaction.
 */
public interface DirectorySync {

    /**
     * One WeCom department.
     *
     * @param parentWeComId WeCom's parent id; null, 0, or one Baton does not know places the department at the top
     * @param order WeCom's order, larger first (stored negated, as Baton sorts smaller first)
     */
    record Department(long weComId, @Nullable Long parentWeComId, String name, long order) {}

    /**
     * One WeCom member.
     *
     * @param active false when WeCom disabled the member or they left (status 2 or 5)
     * @param departments memberships by WeCom department id; unknown departments are skipped
     */
    record Member(
            String userId,
            String name,
            @Nullable String mobile,
            @Nullable String email,
            boolean active,
            List<Membership> departments) {}

    /** @param leader WeCom's {@code is_leader_in_dept}: the department's leader when it has none yet */
    record Membership(long weComDepartmentId, boolean leader) {}

    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** @param id the Baton department or user id */
    record Result(Change change, long id) {}

    /** Why a fact could not be applied (a parent cycle, no free username …), in English for logs and outcomes. */
    final class Refused extends RuntimeException {
        public Refused(String why) {
            super(why, null, false, false);
        }
    }

    /** Creates or updates the department with this WeCom id; moving it re-roots its whole subtree. */
    Result upsertDepartment(long tenantId, Department department);

    /**
     * Creates or updates the user with this WeCom id. A new user gets the WeCom id as username (or {@code wecom.<id>}
     * when that is taken), no password (they sign in through WeCom) and no role: an administrator grants roles.
     * Memberships of departments not from WeCom are kept.
     */
    Result upsertMember(long tenantId, Member member);

    /** The department with this WeCom id as WeCom would describe it. */
    Optional<Department> department(long tenantId, long weComId);

    /** The user with this WeCom id as WeCom would describe them (memberships of WeCom departments only). */
    Optional<Member> member(long tenantId, String userId);

    /** WeCom changed a member's user id; false when no user has the old one. */
    boolean renameMember(long tenantId, String fromUserId, String toUserId);

    /** Deactivates (never deletes) the user with this WeCom id; false when there is none or they already are. */
    boolean deactivateMember(long tenantId, String userId);

    /** Deactivates every linked, active user whose WeCom id is not among {@code present}; the count. */
    int deactivateMissing(long tenantId, Set<String> present);

    /** @param deleted false when the department is missing or still has members, sub-departments or role scopes */
    record Deletion(boolean deleted, String detail) {}

    /** Deletes the department with this WeCom id, only when nothing hangs on it. */
    Deletion deleteDepartment(long tenantId, long weComId);
}
