package dev.baton.org.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonSettings;
import dev.baton.platform.ConflictException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing and finding users within the caller's data scope. A user outside the scope
 * is reported as not found, for reads and writes alike.
 */
@Service
class Users {

    static final Set<String> SORT_KEYS = Set.of("username", "displayName", "createdAt");

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final UserScopes scopes;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final OrgCaches caches;
    private final Clock clock;

    Users(
            UserRepository users,
            DepartmentRepository departments,
            RoleRepository roles,
            UserScopes scopes,
            PasswordEncoder passwords,
            AuditTrail audit,
            OrgCaches caches,
            Clock clock) {
        this.users = users;
        this.departments = departments;
        this.roles = roles;
        this.scopes = scopes;
        this.passwords = passwords;
        this.audit = audit;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<UserView> search(CurrentUser me, UserFilter filter, PageQuery paging) {
        Condition where = this.scopes.visibleTo(me).and(filter.toCondition(me.tenantId()));
        return this.users.page(me.tenantId(), where, paging);
    }

    @Transactional(readOnly = true)
    UserView get(CurrentUser me, long id) {
        return this.users
                .find(me.tenantId(), id, this.scopes.visibleTo(me))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    UserView create(CurrentUser me, UserCommand.Create cmd) {
        long tenant = me.tenantId();
        UserData data = new UserData(
                cmd.username().strip(),
                cmd.displayName().strip(),
                blankToNull(cmd.mobile()),
                blankToNull(cmd.email()),
                blankToNull(cmd.wecomUserId()),
                cmd.active() == null || cmd.active(),
                distinct(cmd.departmentIds()),
                distinct(cmd.roleIds()),
                distinctText(cmd.skills()),
                distinctText(cmd.regions()));
        checkReferences(tenant, data);
        if (this.users.findByUsername(tenant, data.username()).isPresent()) {
            throw new ValidationException("username", "{user.username.taken}");
        }
        checkPassword(cmd.password());
        long id = this.users.insert(tenant, data, this.passwords.encode(cmd.password()), this.clock.instant());
        this.users.replaceChildren(tenant, id, data);
        this.caches.changed();
        this.audit.record("user.create", "user", id, data.username());
        return get(me, id);
    }

    @Transactional
    UserView update(CurrentUser me, long id, UserCommand.Edit cmd) {
        long tenant = me.tenantId();
        UserView current = get(me, id);
        if (current.version() != cmd.version()) {
            throw new VersionConflictException("user", id, current.version());
        }
        UserData data = new UserData(
                current.username(),
                cmd.displayName().strip(),
                blankToNull(cmd.mobile()),
                blankToNull(cmd.email()),
                blankToNull(cmd.wecomUserId()),
                cmd.active() == null ? current.active() : cmd.active(),
                cmd.departmentIds() == null ? current.departmentIds() : distinct(cmd.departmentIds()),
                cmd.roleIds() == null ? current.roleIds() : distinct(cmd.roleIds()),
                cmd.skills() == null ? current.skills() : distinctText(cmd.skills()),
                cmd.regions() == null ? current.regions() : distinctText(cmd.regions()));
        checkReferences(tenant, data);
        if (me.userId() != null && me.userId() == id && !data.active()) {
            throw new ConflictException("user-self-deactivate");
        }
        String hash = null;
        if (cmd.password() != null && !cmd.password().isEmpty()) {
            checkPassword(cmd.password());
            hash = this.passwords.encode(cmd.password());
        }
        if (!this.users.update(tenant, id, cmd.version(), data, hash, this.clock.instant())) {
            int latest = this.users
                    .findRecord(tenant, id)
                    .map(UsersRecord::getVersion)
                    .orElse(-1);
            throw new VersionConflictException("user", id, latest);
        }
        this.users.replaceChildren(tenant, id, data);
        this.caches.changed();
        this.audit.record("user.update", "user", id, data.username() + (hash != null ? " (password changed)" : ""));
        return get(me, id);
    }

    private void checkReferences(long tenant, UserData data) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> missingDepartments = this.departments.missing(tenant, data.departmentIds());
        for (int i = 0; i < data.departmentIds().size(); i++) {
            if (missingDepartments.contains(data.departmentIds().get(i))) {
                errors.add(new FieldError("departmentIds[" + i + "]", "{user.department-missing}"));
            }
        }
        Set<Long> missingRoles = this.roles.missing(tenant, data.roleIds());
        for (int i = 0; i < data.roleIds().size(); i++) {
            if (missingRoles.contains(data.roleIds().get(i))) {
                errors.add(new FieldError("roleIds[" + i + "]", "{user.role-missing}"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The demo password would let anyone in once demo mode is switched off; refuse it for real accounts. */
    private static void checkPassword(String password) {
        if (password.equals(BatonSettings.DEMO_PASSWORD)) {
            throw new ValidationException("password", "{user.password.demo}");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<Long> distinct(@Nullable List<Long> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    private static List<String> distinctText(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::strip).distinct().toList();
    }
}
