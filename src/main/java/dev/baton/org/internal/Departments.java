package dev.baton.org.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.DepartmentsRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the department tree whole: parents exist, no cycles, no orphaned members on delete. */
@Service
class Departments {

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final AuditTrail audit;
    private final OrgCaches caches;
    private final Clock clock;

    Departments(
            DepartmentRepository departments, UserRepository users, AuditTrail audit, OrgCaches caches, Clock clock) {
        this.departments = departments;
        this.users = users;
        this.audit = audit;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Department> all(long tenantId) {
        return this.departments.findAll(tenantId);
    }

    @Transactional
    Department create(long tenantId, DepartmentCommand cmd) {
        String parentPath = "/";
        if (cmd.parentId() != null) {
            parentPath = this.departments
                    .find(tenantId, cmd.parentId())
                    .orElseThrow(() -> new ValidationException("parentId", "{department.parent-missing}"))
                    .getPath();
        }
        checkLeader(tenantId, cmd.leaderUserId());
        long id = this.departments.insert(
                tenantId,
                cmd.parentId(),
                parentPath,
                cmd.name().strip(),
                cmd.leaderUserId(),
                orZero(cmd.sortOrder()),
                this.clock.instant());
        // a new sub-department widens every DEPARTMENT_TREE scope above it
        this.caches.changed();
        this.audit.record("department.create", "department", id, cmd.name());
        return get(tenantId, id);
    }

    @Transactional
    Department update(long tenantId, long id, DepartmentCommand.Edit cmd) {
        DepartmentsRecord current =
                this.departments.find(tenantId, id).orElseThrow(() -> new NotFoundException("department", id));
        if (current.getVersion() != cmd.version()) {
            throw new VersionConflictException("department", id, current.getVersion());
        }
        String newParentPath = "/";
        if (cmd.parentId() != null) {
            DepartmentsRecord parent = this.departments
                    .find(tenantId, cmd.parentId())
                    .orElseThrow(() -> new ValidationException("parentId", "{department.parent-missing}"));
            if (parent.getPath().startsWith(current.getPath())) {
                throw new ValidationException("parentId", "{department.parent-cycle}");
            }
            newParentPath = parent.getPath();
        }
        checkLeader(tenantId, cmd.leaderUserId());
        Instant now = this.clock.instant();
        if (!this.departments.update(
                tenantId,
                id,
                cmd.version(),
                cmd.parentId(),
                cmd.name().strip(),
                cmd.leaderUserId(),
                orZero(cmd.sortOrder()),
                now)) {
            int latest = this.departments
                    .find(tenantId, id)
                    .map(DepartmentsRecord::getVersion)
                    .orElse(-1);
            throw new VersionConflictException("department", id, latest);
        }
        String newPath = newParentPath + id + "/";
        if (!newPath.equals(current.getPath())) {
            this.departments.movePaths(tenantId, current.getPath(), newPath);
        }
        this.caches.changed();
        this.audit.record("department.update", "department", id, cmd.name());
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id) {
        this.departments.find(tenantId, id).orElseThrow(() -> new NotFoundException("department", id));
        if (this.departments.hasChildren(tenantId, id)) {
            throw new ConflictException("department-has-children");
        }
        if (this.departments.hasMembers(tenantId, id)) {
            throw new ConflictException("department-has-members");
        }
        if (this.departments.usedByRoleScope(tenantId, id)) {
            throw new ConflictException("department-in-role-scope");
        }
        this.departments.delete(tenantId, id);
        this.caches.changed();
        this.audit.record("department.delete", "department", id, "");
    }

    private Department get(long tenantId, long id) {
        return this.departments
                .find(tenantId, id)
                .map(DepartmentRepository::toDepartment)
                .orElseThrow(() -> new NotFoundException("department", id));
    }

    private void checkLeader(long tenantId, @Nullable Long leaderUserId) {
        if (leaderUserId != null && !this.users.exists(tenantId, leaderUserId)) {
            throw new ValidationException("leaderUserId", "{department.leader-missing}");
        }
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
