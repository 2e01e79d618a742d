package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.API_KEY_ROLES;
import static dev.baton.platform.db.Tables.ROLES;
import static dev.baton.platform.db.Tables.ROLE_PERMISSIONS;
import static dev.baton.platform.db.Tables.ROLE_SCOPE_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_ROLES;

import dev.baton.org.DataScope;
import dev.baton.platform.OptimisticLock;
import dev.baton.platform.db.tables.records.RolesRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class RoleRepository {

    static final ChildRows.Link<?, String> PERMISSIONS_OF = new ChildRows.Link<>(
            ROLE_PERMISSIONS, ROLE_PERMISSIONS.TENANT_ID, ROLE_PERMISSIONS.ROLE_ID, ROLE_PERMISSIONS.PERMISSION);
    static final ChildRows.Link<?, Long> SCOPE_OF = new ChildRows.Link<>(
            ROLE_SCOPE_DEPARTMENTS,
            ROLE_SCOPE_DEPARTMENTS.TENANT_ID,
            ROLE_SCOPE_DEPARTMENTS.ROLE_ID,
            ROLE_SCOPE_DEPARTMENTS.DEPARTMENT_ID);

    private final DSLContext db;
    private final ChildRows children;

    RoleRepository(DSLContext db, ChildRows children) {
        this.db = db;
        this.children = children;
    }

    List<RoleView> findAll(long tenantId) {
        return views(tenantId, ROLES.TENANT_ID.eq(tenantId));
    }

    Optional<RoleView> find(long tenantId, long id) {
        return views(tenantId, ROLES.TENANT_ID.eq(tenantId).and(ROLES.ID.eq(id))).stream()
                .findFirst();
    }

    Optional<Long> idOf(long tenantId, String code) {
        return this.db
                .select(ROLES.ID)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenantId), ROLES.CODE.eq(code))
                .fetchOptional(ROLES.ID);
    }

    Set<Long> missing(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> found = this.db
                .select(ROLES.ID)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenantId), ROLES.ID.in(ids))
                .fetchSet(ROLES.ID);
        return ids.stream().filter(id -> !found.contains(id)).collect(Collectors.toSet());
    }

    /** Permissions granted by any of the roles. */
    Set<String> permissionsOf(long tenantId, Collection<Long> roleIds) {
        if (roleIds.isEmpty()) {
            return Set.of();
        }
        return this.db
                .selectDistinct(ROLE_PERMISSIONS.PERMISSION)
                .from(ROLE_PERMISSIONS)
                .where(ROLE_PERMISSIONS.TENANT_ID.eq(tenantId), ROLE_PERMISSIONS.ROLE_ID.in(roleIds))
                .fetchSet(ROLE_PERMISSIONS.PERMISSION);
    }

    Set<String> codesOf(long tenantId, Collection<Long> roleIds) {
        if (roleIds.isEmpty()) {
            return Set.of();
        }
        return this.db
                .select(ROLES.CODE)
                .from(ROLES)
                .where(ROLES.TENANT_ID.eq(tenantId), ROLES.ID.in(roleIds))
                .fetchSet(ROLES.CODE);
    }

    long insert(long tenantId, String code, String name, DataScope scope, boolean builtIn, Instant now) {
        return this.db
                .insertInto(ROLES)
                .set(ROLES.TENANT_ID, tenantId)
                .set(ROLES.CODE, code)
                .set(ROLES.NAME, name)
                .set(ROLES.DATA_SCOPE, scope.name())
                .set(ROLES.BUILT_IN, builtIn)
                .set(ROLES.CREATED_AT, now)
                .set(ROLES.UPDATED_AT, now)
                .returning(ROLES.ID)
                .fetchSingle()
                .getId();
    }

    boolean update(long tenantId, long id, int version, String name, DataScope scope, Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(ROLES)
                        .set(ROLES.NAME, name)
                        .set(ROLES.DATA_SCOPE, scope.name())
                        .set(ROLES.UPDATED_AT, now),
                ROLES,
                tenantId,
                id,
                version);
    }

    void replaceGrants(long tenantId, long roleId, Collection<String> permissions, Collection<Long> scopeDepartments) {
        this.children.replace(PERMISSIONS_OF, tenantId, roleId, permissions);
        this.children.replace(SCOPE_OF, tenantId, roleId, scopeDepartments);
    }

    boolean inUse(long tenantId, long roleId) {
        return this.db.fetchExists(USER_ROLES, USER_ROLES.TENANT_ID.eq(tenantId), USER_ROLES.ROLE_ID.eq(roleId))
                || this.db.fetchExists(
                        API_KEY_ROLES, API_KEY_ROLES.TENANT_ID.eq(tenantId), API_KEY_ROLES.ROLE_ID.eq(roleId));
    }

    void delete(long tenantId, long roleId) {
        replaceGrants(tenantId, roleId, List.of(), List.of());
        this.db
                .deleteFrom(ROLES)
                .where(ROLES.TENANT_ID.eq(tenantId), ROLES.ID.eq(roleId))
                .execute();
    }

    private List<RoleView> views(long tenantId, Condition where) {
        List<RolesRecord> roles =
                this.db.selectFrom(ROLES).where(where).orderBy(ROLES.ID).fetch();
        if (roles.isEmpty()) {
            return List.of();
        }
        List<Long> ids = roles.stream().map(RolesRecord::getId).toList();
        Map<Long, List<String>> permissions = this.children.load(PERMISSIONS_OF, tenantId, ids);
        Map<Long, List<Long>> scopes = this.children.load(SCOPE_OF, tenantId, ids);
        return roles.stream()
                .map(r -> new RoleView(
                        r.getId(),
                        r.getCode(),
                        r.getName(),
                        permissions.getOrDefault(r.getId(), List.of()),
                        DataScope.valueOf(r.getDataScope()),
                        scopes.getOrDefault(r.getId(), List.of()),
                        r.getBuiltIn(),
                        r.getVersion()))
                .toList();
    }
}
