package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.ROLE_SCOPE_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.db.tables.records.DepartmentsRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentRepository {

    private final DSLContext db;

    DepartmentRepository(DSLContext db) {
        this.db = db;
    }

    List<Department> findAll(long tenantId) {
        return this.db
                .selectFrom(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId))
                .orderBy(DEPARTMENTS.SORT_ORDER, DEPARTMENTS.ID)
                .fetch(DepartmentRepository::toDepartment);
    }

    Optional<DepartmentsRecord> find(long tenantId, long id) {
        return this.db
                .selectFrom(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(id))
                .fetchOptional();
    }

    /** The ids among {@code ids} that are not departments of the tenant. */
    Set<Long> missing(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> found = this.db
                .select(DEPARTMENTS.ID)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.in(ids))
                .fetchSet(DEPARTMENTS.ID);
        return ids.stream().filter(id -> !found.contains(id)).collect(java.util.stream.Collectors.toSet());
    }

    long insert(
            long tenantId,
            @Nullable Long parentId,
            String parentPath,
            String name,
            @Nullable Long leader,
            int sortOrder,
            Instant now) {
        long id = this.db
                .insertInto(DEPARTMENTS)
                .set(DEPARTMENTS.TENANT_ID, tenantId)
                .set(DEPARTMENTS.PARENT_ID, parentId)
                .set(DEPARTMENTS.NAME, name)
                .set(DEPARTMENTS.PATH, "")
                .set(DEPARTMENTS.LEADER_USER_ID, leader)
                .set(DEPARTMENTS.SORT_ORDER, sortOrder)
                .set(DEPARTMENTS.CREATED_AT, now)
                .set(DEPARTMENTS.UPDATED_AT, now)
                .returning(DEPARTMENTS.ID)
                .fetchSingle()
                .getId();
        this.db
                .update(DEPARTMENTS)
                .set(DEPARTMENTS.PATH, parentPath + id + "/")
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(id))
                .execute();
        return id;
    }

    /** Updates one department if its version still matches; false when someone else got there first. */
    boolean update(
            long tenantId,
            long id,
            int version,
            @Nullable Long parentId,
            String name,
            @Nullable Long leader,
            int sortOrder,
            Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(DEPARTMENTS)
                        .set(DEPARTMENTS.PARENT_ID, parentId)
                        .set(DEPARTMENTS.NAME, name)
                        .set(DEPARTMENTS.LEADER_USER_ID, leader)
                        .set(DEPARTMENTS.SORT_ORDER, sortOrder)
                        .set(DEPARTMENTS.UPDATED_AT, now),
                DEPARTMENTS,
                tenantId,
                id,
                version);
    }

    /** Re-roots a subtree: every path starting with {@code oldPath} now starts with {@code newPath}. */
    void movePaths(long tenantId, String oldPath, String newPath) {
        this.db
                .update(DEPARTMENTS)
                .set(
                        DEPARTMENTS.PATH,
                        DSL.concat(DSL.val(newPath), DSL.substring(DEPARTMENTS.PATH, oldPath.length() + 1)))
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.PATH.startsWith(oldPath))
                .execute();
    }

    boolean hasChildren(long tenantId, long id) {
        return this.db.fetchExists(DEPARTMENTS, DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.PARENT_ID.eq(id));
    }

    boolean hasMembers(long tenantId, long id) {
        return this.db.fetchExists(
                USER_DEPARTMENTS, USER_DEPARTMENTS.TENANT_ID.eq(tenantId), USER_DEPARTMENTS.DEPARTMENT_ID.eq(id));
    }

    boolean usedByRoleScope(long tenantId, long id) {
        return this.db.fetchExists(
                ROLE_SCOPE_DEPARTMENTS,
                ROLE_SCOPE_DEPARTMENTS.TENANT_ID.eq(tenantId),
                ROLE_SCOPE_DEPARTMENTS.DEPARTMENT_ID.eq(id));
    }

    void delete(long tenantId, long id) {
        this.db
                .deleteFrom(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(id))
                .execute();
    }

    static Department toDepartment(DepartmentsRecord r) {
        return new Department(
                r.getId(), r.getParentId(), r.getName(), r.getLeaderUserId(), r.getSortOrder(), r.getVersion());
    }
}
