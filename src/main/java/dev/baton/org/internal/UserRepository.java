package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_REGIONS;
import static dev.baton.platform.db.Tables.USER_ROLES;
import static dev.baton.platform.db.Tables.USER_SKILLS;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Users and their departments, roles, skills and regions; reads batch the children per page. */
@Repository
class UserRepository {

    static final ChildRows.Link<?, Long> DEPARTMENTS_OF = new ChildRows.Link<>(
            USER_DEPARTMENTS, USER_DEPARTMENTS.TENANT_ID, USER_DEPARTMENTS.USER_ID, USER_DEPARTMENTS.DEPARTMENT_ID);
    static final ChildRows.Link<?, Long> ROLES_OF =
            new ChildRows.Link<>(USER_ROLES, USER_ROLES.TENANT_ID, USER_ROLES.USER_ID, USER_ROLES.ROLE_ID);
    static final ChildRows.Link<?, String> SKILLS_OF =
            new ChildRows.Link<>(USER_SKILLS, USER_SKILLS.TENANT_ID, USER_SKILLS.USER_ID, USER_SKILLS.SKILL);
    static final ChildRows.Link<?, String> REGIONS_OF =
            new ChildRows.Link<>(USER_REGIONS, USER_REGIONS.TENANT_ID, USER_REGIONS.USER_ID, USER_REGIONS.REGION);

    private final DSLContext db;
    private final ChildRows children;

    UserRepository(DSLContext db, ChildRows children) {
        this.db = db;
        this.children = children;
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
                .set(USERS.UPDATED_AT, now);
        if (passwordHash != null) {
            update = update.set(USERS.PASSWORD_HASH, passwordHash);
        }
        return OptimisticLock.execute(update, USERS, tenantId, id, version);
    }

    void setPassword(long tenantId, long id, String passwordHash, Instant now) {
        this.db
                .update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.UPDATED_AT, now)
                .set(USERS.VERSION, USERS.VERSION.plus(1))
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(id))
                .execute();
    }

    void replaceChildren(long tenantId, long userId, UserData data) {
        this.children.replace(DEPARTMENTS_OF, tenantId, userId, data.departmentIds());
        this.children.replace(ROLES_OF, tenantId, userId, data.roleIds());
        this.children.replace(SKILLS_OF, tenantId, userId, data.skills());
        this.children.replace(REGIONS_OF, tenantId, userId, data.regions());
    }

    /** Loads the child collections of a page of users in four queries, whatever the page size. */
    private List<UserView> withChildren(long tenantId, List<UsersRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(UsersRecord::getId).toList();
        var departments = this.children.load(DEPARTMENTS_OF, tenantId, ids);
        var roles = this.children.load(ROLES_OF, tenantId, ids);
        var skills = this.children.load(SKILLS_OF, tenantId, ids);
        var regions = this.children.load(REGIONS_OF, tenantId, ids);
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
}
