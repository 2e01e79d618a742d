package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_REGIONS;
import static dev.baton.platform.db.Tables.USER_ROLES;
import static dev.baton.platform.db.Tables.USER_SKILLS;

import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Users and their departments, roles, skills and regions; reads batch the children per page. */
@Repository
class UserRepository {

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    boolean exists(long tenantId, long id) {
        return this.db.fetchExists(USERS, USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id));
    }

    Optional<UsersRecord> findByUsername(long tenantId, String username) {
        return this.db
                .selectFrom(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.USERNAME.eq(username))
                .fetchOptional();
    }

    Optional<UsersRecord> findRecord(long tenantId, long id) {
        return this.db
                .selectFrom(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                .fetchOptional();
    }

    Optional<UserView> find(long tenantId, long id, Condition scope) {
        var rows = this.db
                .selectFrom(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id), scope)
                .fetch();
        return withChildren(tenantId, rows).stream().findFirst();
    }

    PageResult<UserView> page(long tenantId, Condition filter, PageQuery paging) {
        Condition where = USERS.TENANT_ID.eq(tenantId).and(filter);
        Field<?> order = switch (paging.sortKey()) {
            case "displayName" -> USERS.DISPLAY_NAME;
            case "createdAt" -> USERS.CREATED_AT;
            default -> USERS.USERNAME;
        };
        var rows = this.db
                .selectFrom(USERS)
                .where(where)
                .orderBy(paging.ascending() ? order.asc() : order.desc(), USERS.ID.asc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch();
        long total = this.db.fetchCount(USERS, where);
        return new PageResult<>(withChildren(tenantId, rows), paging.page(), paging.size(), total);
    }

    long insert(long tenantId, UserData data, @Nullable String passwordHash, Instant now) {
        return this.db
                .insertInto(USERS)
                .set(USERS.TENANT_ID, tenantId)
                .set(USERS.USERNAME, data.username())
                .set(USERS.DISPLAY_NAME, data.displayName())
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.MOBILE, data.mobile())
                .set(USERS.EMAIL, data.email())
                .set(USERS.WECOM_USER_ID, data.wecomUserId())
                .set(USERS.ACTIVE, data.active())
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .returning(USERS.ID)
                .fetchSingle()
                .getId();
    }

    /** Version-guarded update; false when the version moved on. A null hash keeps the password. */
    boolean update(long tenantId, long id, int version, UserData data, @Nullable String passwordHash, Instant now) {
        var update = this.db
                .update(USERS)
                .set(USERS.DISPLAY_NAME, data.displayName())
                .set(USERS.MOBILE, data.mobile())
                .set(USERS.EMAIL, data.email())
                .set(USERS.WECOM_USER_ID, data.wecomUserId())
                .set(USERS.ACTIVE, data.active())
                .set(USERS.UPDATED_AT, now)
                .set(USERS.VERSION, USERS.VERSION.plus(1));
        if (passwordHash != null) {
            update = update.set(USERS.PASSWORD_HASH, passwordHash);
        }
        return update.where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id), USERS.VERSION.eq(version))
                        .execute()
                == 1;
    }

    void setPassword(long tenantId, long id, String passwordHash, Instant now) {
        this.db.update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.UPDATED_AT, now)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                .execute();
    }

    void replaceChildren(long tenantId, long userId, UserData data) {
        replace(
                USER_DEPARTMENTS,
                USER_DEPARTMENTS.TENANT_ID,
                USER_DEPARTMENTS.USER_ID,
                USER_DEPARTMENTS.DEPARTMENT_ID,
                tenantId,
                userId,
                data.departmentIds());
        replace(
                USER_ROLES,
                USER_ROLES.TENANT_ID,
                USER_ROLES.USER_ID,
                USER_ROLES.ROLE_ID,
                tenantId,
                userId,
                data.roleIds());
        replace(
                USER_SKILLS,
                USER_SKILLS.TENANT_ID,
                USER_SKILLS.USER_ID,
                USER_SKILLS.SKILL,
                tenantId,
                userId,
                data.skills());
        replace(
                USER_REGIONS,
                USER_REGIONS.TENANT_ID,
                USER_REGIONS.USER_ID,
                USER_REGIONS.REGION,
                tenantId,
                userId,
                data.regions());
    }

    private <R extends org.jooq.Record, T> void replace(
            Table<R> table,
            TableField<R, Long> tenantField,
            TableField<R, Long> userField,
            TableField<R, T> valueField,
            long tenantId,
            long userId,
            Collection<T> values) {
        this.db
                .deleteFrom(table)
                .where(tenantField.eq(tenantId), userField.eq(userId))
                .execute();
        if (values.isEmpty()) {
            return;
        }
        var insert = this.db.insertInto(table, tenantField, userField, valueField);
        for (T value : values) {
            insert = insert.values(tenantId, userId, value);
        }
        insert.execute();
    }

    /** Loads the child collections of a page of users in four queries, whatever the page size. */
    private List<UserView> withChildren(long tenantId, List<UsersRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(UsersRecord::getId).toList();
        var departments = children(
                USER_DEPARTMENTS,
                USER_DEPARTMENTS.TENANT_ID,
                USER_DEPARTMENTS.USER_ID,
                USER_DEPARTMENTS.DEPARTMENT_ID,
                tenantId,
                ids);
        var roles = children(USER_ROLES, USER_ROLES.TENANT_ID, USER_ROLES.USER_ID, USER_ROLES.ROLE_ID, tenantId, ids);
        var skills =
                children(USER_SKILLS, USER_SKILLS.TENANT_ID, USER_SKILLS.USER_ID, USER_SKILLS.SKILL, tenantId, ids);
        var regions = children(
                USER_REGIONS, USER_REGIONS.TENANT_ID, USER_REGIONS.USER_ID, USER_REGIONS.REGION, tenantId, ids);
        List<UserView> views = new ArrayList<>(rows.size());
        for (UsersRecord r : rows) {
            views.add(new UserView(
                    r.getId(),
                    r.getUsername(),
                    r.getDisplayName(),
                    r.getMobile(),
                    r.getEmail(),
                    r.getWecomUserId(),
                    r.getActive(),
                    departments.getOrDefault(r.getId(), List.of()),
                    roles.getOrDefault(r.getId(), List.of()),
                    skills.getOrDefault(r.getId(), List.of()),
                    regions.getOrDefault(r.getId(), List.of()),
                    r.getVersion(),
                    r.getCreatedAt()));
        }
        return views;
    }

    private <R extends org.jooq.Record, T> Map<Long, List<T>> children(
            Table<R> table,
            TableField<R, Long> tenantField,
            TableField<R, Long> userField,
            TableField<R, T> valueField,
            long tenantId,
            List<Long> userIds) {
        return this.db
                .select(userField, valueField, tenantField)
                .from(table)
                .where(tenantField.eq(tenantId), userField.in(userIds))
                .orderBy(userField, valueField)
                .fetchGroups(Record3::value1, Record3::value2);
    }
}
