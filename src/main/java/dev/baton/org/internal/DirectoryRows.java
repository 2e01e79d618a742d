package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.USERS;

import dev.baton.platform.db.tables.records.DepartmentsRecord;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The rows the WeCom directory sync finds by WeCom id, and the link columns only the sync writes. */
@Repository
class DirectoryRows {

    private final DSLContext db;

    DirectoryRows(DSLContext db) {
        this.db = db;
    }

    Optional<DepartmentsRecord> department(long tenantId, long weComId) {
        return this.db
                .selectFrom(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.WECOM_DEPARTMENT_ID.eq(weComId))
                .fetchOptional();
    }

    /** WeCom id → department, for the given WeCom ids. */
    Map<Long, DepartmentsRecord> departments(long tenantId, Collection<Long> weComIds) {
        if (weComIds.isEmpty()) {
            return Map.of();
        }
        return this.db
                .selectFrom(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.WECOM_DEPARTMENT_ID.in(weComIds))
                .fetchMap(DEPARTMENTS.WECOM_DEPARTMENT_ID);
    }

    /** Baton id → WeCom id of those among {@code ids} that came from WeCom. */
    Map<Long, Long> weComIds(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return this.db
                .select(DEPARTMENTS.ID, DEPARTMENTS.WECOM_DEPARTMENT_ID)
                .from(DEPARTMENTS)
                .where(
                        DEPARTMENTS.TENANT_ID.eq(tenantId),
                        DEPARTMENTS.ID.in(ids),
                        DEPARTMENTS.WECOM_DEPARTMENT_ID.isNotNull())
                .fetchMap(DEPARTMENTS.ID, DEPARTMENTS.WECOM_DEPARTMENT_ID);
    }

    Optional<Long> weComId(long tenantId, @Nullable Long departmentId) {
        if (departmentId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(weComIds(tenantId, List.of(departmentId)).get(departmentId));
    }

    void linkDepartment(long tenantId, long id, long weComId) {
        this.db
                .update(DEPARTMENTS)
                .set(DEPARTMENTS.WECOM_DEPARTMENT_ID, weComId)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(id))
                .execute();
    }

    /** Sets the leader only if it is still {@code expected}; a changed leader bumps the department's version. */
    boolean replaceLeader(
            long tenantId, long departmentId, @Nullable Long expected, @Nullable Long leader, Instant now) {
        return this.db
                        .update(DEPARTMENTS)
                        .set(DEPARTMENTS.LEADER_USER_ID, leader)
                        .set(DEPARTMENTS.UPDATED_AT, now)
                        .set(DEPARTMENTS.VERSION, DEPARTMENTS.VERSION.plus(1))
                        .where(
                                DEPARTMENTS.TENANT_ID.eq(tenantId),
                                DEPARTMENTS.ID.eq(departmentId),
                                expected == null
                                        ? DEPARTMENTS.LEADER_USER_ID.isNull()
                                        : DEPARTMENTS.LEADER_USER_ID.eq(expected))
                        .execute()
                == 1;
    }

    /** Departments this user leads. */
    List<Long> ledBy(long tenantId, long userId) {
        return this.db
                .select(DEPARTMENTS.ID)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.LEADER_USER_ID.eq(userId))
                .fetch(DEPARTMENTS.ID);
    }

    Optional<UsersRecord> user(long tenantId, String weComUserId) {
        return this.db
                .selectFrom(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.WECOM_USER_ID.eq(weComUserId))
                .fetchOptional();
    }

    /** Marks a user as the sync's to keep up to date (and to deactivate when WeCom drops them); no version bump. */
    void linkUser(long tenantId, long id, Instant now) {
        this.db
                .update(USERS)
                .set(USERS.WECOM_LINKED_AT, now)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id), USERS.WECOM_LINKED_AT.isNull())
                .execute();
    }

    /** WeCom ids of the linked users that are active. */
    List<String> linkedActive(long tenantId) {
        return this.db
                .select(USERS.WECOM_USER_ID)
                .from(USERS)
                .where(
                        USERS.TENANT_ID.eq(tenantId),
                        USERS.ACTIVE.isTrue(),
                        USERS.WECOM_LINKED_AT.isNotNull(),
                        USERS.WECOM_USER_ID.isNotNull())
                .fetch(USERS.WECOM_USER_ID);
    }

    boolean usernameTaken(long tenantId, String username) {
        return this.db.fetchExists(USERS, USERS.TENANT_ID.eq(tenantId), USERS.USERNAME.eq(username));
    }

    boolean rename(long tenantId, long id, String weComUserId, Instant now) {
        return this.db
                        .update(USERS)
                        .set(USERS.WECOM_USER_ID, weComUserId)
                        .set(USERS.UPDATED_AT, now)
                        .set(USERS.VERSION, USERS.VERSION.plus(1))
                        .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                        .execute()
                == 1;
    }
}
