package dev.baton.org.internal;

import dev.baton.org.DirectorySync;
import dev.baton.org.DirectorySync.Change;
import dev.baton.org.DirectorySync.Refused;
import dev.baton.org.DirectorySync.Result;
import dev.baton.platform.db.tables.records.DepartmentsRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments half of {@link DirectorySync}: WeCom's tree kept in step, paths and all. */
@Service
class WeComDepartments {

    private final DepartmentRepository departments;
    private final DirectoryRows rows;
    private final OrgCaches caches;
    private final Clock clock;

    WeComDepartments(DepartmentRepository departments, DirectoryRows rows, OrgCaches caches, Clock clock) {
        this.departments = departments;
        this.rows = rows;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional
    Result upsert(long tenantId, DirectorySync.Department d) {
        DepartmentsRecord parent = d.parentWeComId() == null || d.parentWeComId() == 0
                ? null
                : this.rows.department(tenantId, d.parentWeComId()).orElse(null);
        Long parentId = parent == null ? null : parent.getId();
        String parentPath = parent == null ? "/" : parent.getPath();
        String name = name(d);
        int sortOrder = sortOrder(d.order());
        Instant now = this.clock.instant();
        DepartmentsRecord current = this.rows.department(tenantId, d.weComId()).orElse(null);
        if (current == null) {
            long id = this.departments.insert(tenantId, parentId, parentPath, name, null, sortOrder, now);
            this.rows.linkDepartment(tenantId, id, d.weComId());
            this.caches.changed();
            return new Result(Change.CREATED, id);
        }
        long id = current.getId();
        if (Objects.equals(current.getParentId(), parentId)
                && current.getName().equals(name)
                && current.getSortOrder() == sortOrder) {
            return new Result(Change.UNCHANGED, id);
        }
        if (parentPath.startsWith(current.getPath())) {
            throw new Refused("WeCom department " + d.weComId() + " cannot move under its own sub-department");
        }
        if (!this.departments.update(
                tenantId, id, current.getVersion(), parentId, name, current.getLeaderUserId(), sortOrder, now)) {
            throw new Refused("department " + id + " changed meanwhile");
        }
        String newPath = parentPath + id + "/";
        if (!newPath.equals(current.getPath())) {
            this.departments.movePaths(tenantId, current.getPath(), newPath);
        }
        this.caches.changed();
        return new Result(Change.UPDATED, id);
    }

    @Transactional(readOnly = true)
    Optional<DirectorySync.Department> find(long tenantId, long weComId) {
        return this.rows
                .department(tenantId, weComId)
                .map(r -> new DirectorySync.Department(
                        weComId, this.rows.weComId(tenantId, r.getParentId()).orElse(null), r.getName(), -(long)
                                r.getSortOrder()));
    }

    @Transactional
    DirectorySync.Deletion delete(long tenantId, long weComId) {
        DepartmentsRecord current = this.rows.department(tenantId, weComId).orElse(null);
        if (current == null) {
            return new DirectorySync.Deletion(false, "no department with WeCom id " + weComId);
        }
        long id = current.getId();
        String blocker = this.departments.hasChildren(tenantId, id)
                ? "it has sub-departments"
                : this.departments.hasMembers(tenantId, id)
                        ? "it still has members"
                        : this.departments.usedByRoleScope(tenantId, id) ? "a role's data scope names it" : null;
        if (blocker != null) {
            return new DirectorySync.Deletion(false, "department " + current.getName() + " kept: " + blocker);
        }
        this.departments.delete(tenantId, id);
        this.caches.changed();
        return new DirectorySync.Deletion(true, "department " + current.getName() + " deleted");
    }

    private static String name(DirectorySync.Department d) {
        String name = d.name().strip();
        if (name.isEmpty()) {
            return "#" + d.weComId();
        }
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    /** WeCom lists larger orders first, Baton smaller sort orders first. */
    static int sortOrder(long weComOrder) {
        return (int) -Math.min(Math.max(weComOrder, 0), Integer.MAX_VALUE);
    }
}
