package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.ROLES;
import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.USER_DEPARTMENTS;
import static dev.baton.platform.db.Tables.USER_ROLES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.OrgDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The organisation as other modules see it ({@link OrgDirectory}). The ticket module asks on every
 * action, so answers are kept for a few seconds; {@link OrgCaches} clears them on every local change.
 */
@Service
class OrgDirectoryService implements OrgDirectory {

    private final DSLContext db;
    private final RoleScopes roleScopes;

    private final Cache<UserKey, List<Long>> departments = newCache();
    private final Cache<UserKey, Person> people = newCache();
    /** Per department: the answer for each level, index 0 being level 1. */
    private final Cache<DepartmentKey, List<Optional<Long>>> leaders = newCache();

    private final Cache<RoleKey, List<Long>> roleHolders = newCache();
    private final Cache<MembersKey, List<Long>> members = newCache();
    private final Cache<CallerKey, Visibility> visibility = newCache();

    OrgDirectoryService(DSLContext db, RoleScopes roleScopes) {
        this.db = db;
        this.roleScopes = roleScopes;
    }

    @Override
    public List<Long> departmentsOf(long tenantId, long userId) {
        return this.departments.get(new UserKey(tenantId, userId), this::loadDepartments);
    }

    @Override
    public Optional<Long> leaderOf(long tenantId, long departmentId, int level) {
        if (level < 1) {
            throw new IllegalArgumentException("level must be 1 or more, was " + level);
        }
        List<Optional<Long>> byLevel = this.leaders.get(new DepartmentKey(tenantId, departmentId), this::loadLeaders);
        return level > byLevel.size() ? Optional.empty() : byLevel.get(level - 1);
    }

    @Override
    public List<Long> usersWithRole(long tenantId, String roleCode, int limit) {
        checkLimit(limit);
        return this.roleHolders.get(new RoleKey(tenantId, roleCode, limit), this::loadRoleHolders);
    }

    @Override
    public List<Long> membersOf(long tenantId, long departmentId, int limit) {
        checkLimit(limit);
        return this.members.get(new MembersKey(tenantId, departmentId, limit), this::loadMembers);
    }

    @Override
    public int countUsersWithRole(long tenantId, String roleCode) {
        return this.db.fetchCount(roleHolders(tenantId, roleCode));
    }

    @Override
    public int countMembersOf(long tenantId, long departmentId) {
        return this.db.fetchCount(members(tenantId, departmentId));
    }

    @Override
    public Map<Long, String> departmentNames(long tenantId, Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return Map.of();
        }
        return Map.copyOf(this.db
                .select(DEPARTMENTS.ID, DEPARTMENTS.NAME)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.in(departmentIds))
                .fetchMap(DEPARTMENTS.ID, DEPARTMENTS.NAME));
    }

    @Override
    public boolean isActive(long tenantId, long userId) {
        Person person = people(tenantId, List.of(userId)).get(userId);
        return person != null && person.active();
    }

    @Override
    public Map<Long, String> names(long tenantId, Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        people(tenantId, userIds).forEach((id, person) -> names.put(id, person.name()));
        return Map.copyOf(names);
    }

    @Override
    public Visibility visibility(CurrentUser me) {
        return this.visibility.get(
                new CallerKey(me.tenantId(), me.userId(), Set.copyOf(me.roleIds())), key -> loadVisibility(me));
    }

    void invalidateAll() {
        this.departments.invalidateAll();
        this.people.invalidateAll();
        this.leaders.invalidateAll();
        this.roleHolders.invalidateAll();
        this.members.invalidateAll();
        this.visibility.invalidateAll();
    }

    private List<Long> loadDepartments(UserKey key) {
        return this.db
                .select(USER_DEPARTMENTS.DEPARTMENT_ID)
                .from(USER_DEPARTMENTS)
                .join(DEPARTMENTS)
                .on(
                        DEPARTMENTS.TENANT_ID.eq(USER_DEPARTMENTS.TENANT_ID),
                        DEPARTMENTS.ID.eq(USER_DEPARTMENTS.DEPARTMENT_ID))
                .join(USERS)
                .on(USERS.TENANT_ID.eq(USER_DEPARTMENTS.TENANT_ID), USERS.ID.eq(USER_DEPARTMENTS.USER_ID))
                .where(
                        USER_DEPARTMENTS.TENANT_ID.eq(key.tenantId()),
                        USER_DEPARTMENTS.USER_ID.eq(key.userId()),
                        USERS.ACTIVE.isTrue())
                .orderBy(DEPARTMENTS.SORT_ORDER, DEPARTMENTS.ID)
                .fetchInto(Long.class);
    }

    /** Two primary-key reads: the department's path names its ancestors, then their leaders. */
    private List<Optional<Long>> loadLeaders(DepartmentKey key) {
        Optional<String> path = this.db
                .select(DEPARTMENTS.PATH)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(key.tenantId()), DEPARTMENTS.ID.eq(key.departmentId()))
                .fetchOptional(DEPARTMENTS.PATH);
        if (path.isEmpty()) {
            return List.of();
        }
        List<Long> upwards = new ArrayList<>();
        for (String id : path.get().split("/")) {
            if (!id.isEmpty()) {
                upwards.addFirst(Long.parseLong(id));
            }
        }
        Map<Long, Long> activeLeader = new HashMap<>();
        this.db
                .select(DEPARTMENTS.ID, DEPARTMENTS.LEADER_USER_ID)
                .from(DEPARTMENTS)
                .join(USERS)
                .on(USERS.TENANT_ID.eq(DEPARTMENTS.TENANT_ID), USERS.ID.eq(DEPARTMENTS.LEADER_USER_ID))
                .where(DEPARTMENTS.TENANT_ID.eq(key.tenantId()), DEPARTMENTS.ID.in(upwards), USERS.ACTIVE.isTrue())
                .forEach(r -> activeLeader.put(r.value1(), r.value2()));
        // from the top down, so each level knows the nearest active leader at or above it
        List<Optional<Long>> byLevel = new ArrayList<>(upwards.size());
        Optional<Long> nearest = Optional.empty();
        for (Long department : upwards.reversed()) {
            Long own = activeLeader.get(department);
            if (own != null) {
                nearest = Optional.of(own);
            }
            byLevel.addFirst(nearest);
        }
        return List.copyOf(byLevel);
    }

    private List<Long> loadRoleHolders(RoleKey key) {
        if (key.limit() == 0) {
            return List.of();
        }
        return roleHolders(key.tenantId(), key.roleCode())
                .orderBy(USERS.ID)
                .limit(key.limit())
                .fetchInto(Long.class);
    }

    /** Active holders of the role. */
    private SelectConditionStep<Record1<Long>> roleHolders(long tenantId, String roleCode) {
        return this.db
                .select(USERS.ID)
                .from(USERS)
                .join(USER_ROLES)
                .on(USER_ROLES.TENANT_ID.eq(USERS.TENANT_ID), USER_ROLES.USER_ID.eq(USERS.ID))
                .join(ROLES)
                .on(ROLES.TENANT_ID.eq(USER_ROLES.TENANT_ID), ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USERS.TENANT_ID.eq(tenantId), ROLES.CODE.eq(roleCode), USERS.ACTIVE.isTrue());
    }

    private List<Long> loadMembers(MembersKey key) {
        if (key.limit() == 0) {
            return List.of();
        }
        return members(key.tenantId(), key.departmentId())
                .orderBy(USERS.ID)
                .limit(key.limit())
                .fetchInto(Long.class);
    }

    /** Active members of the department (not of its sub-departments). */
    private SelectConditionStep<Record1<Long>> members(long tenantId, long departmentId) {
        return this.db
                .select(USERS.ID)
                .from(USERS)
                .join(USER_DEPARTMENTS)
                .on(USER_DEPARTMENTS.TENANT_ID.eq(USERS.TENANT_ID), USER_DEPARTMENTS.USER_ID.eq(USERS.ID))
                .where(
                        USERS.TENANT_ID.eq(tenantId),
                        USER_DEPARTMENTS.DEPARTMENT_ID.eq(departmentId),
                        USERS.ACTIVE.isTrue());
    }

    /** Cached per user; ids that are not users of the tenant are absent (and not cached). */
    private Map<Long, Person> people(long tenantId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Set<UserKey> keys = new LinkedHashSet<>();
        for (Long id : userIds) {
            keys.add(new UserKey(tenantId, id));
        }
        Map<Long, Person> byId = new HashMap<>();
        this.people.getAll(keys, this::loadPeople).forEach((key, person) -> byId.put(key.userId(), person));
        return byId;
    }

    private Map<UserKey, Person> loadPeople(Set<? extends UserKey> keys) {
        long tenantId = keys.iterator().next().tenantId();
        List<Long> ids = keys.stream().map(UserKey::userId).toList();
        Map<UserKey, Person> found = new HashMap<>();
        this.db
                .select(USERS.ID, USERS.DISPLAY_NAME, USERS.ACTIVE)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.ID.in(ids))
                .forEach(r -> found.put(new UserKey(tenantId, r.value1()), new Person(r.value3(), r.value2())));
        return found;
    }

    private Visibility loadVisibility(CurrentUser me) {
        RoleScopes.Grant grant = this.roleScopes.of(me);
        if (grant.all()) {
            return new Visibility(true, Set.of());
        }
        if (grant.departments().isEmpty()) {
            return new Visibility(false, Set.of());
        }
        Set<Long> ids = this.db
                .select(DEPARTMENTS.ID)
                .from(DEPARTMENTS)
                .where(
                        DEPARTMENTS.TENANT_ID.eq(me.tenantId()),
                        DSL.or(grant.departments().stream()
                                .map(DEPARTMENTS.ID::in)
                                .toList()))
                .fetchSet(DEPARTMENTS.ID);
        return new Visibility(false, ids);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
    }

    private static <K, V> Cache<K, V> newCache() {
        return Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(5))
                .maximumSize(10_000)
                .build();
    }

    private record UserKey(long tenantId, long userId) {}

    private record DepartmentKey(long tenantId, long departmentId) {}

    private record RoleKey(long tenantId, String roleCode, int limit) {}

    private record MembersKey(long tenantId, long departmentId, int limit) {}

    private record CallerKey(long tenantId, @Nullable Long userId, Set<Long> roleIds) {}

    private record Person(boolean active, String name) {}
}
