package dev.baton.org.internal;

import dev.baton.org.DataScope;
import dev.baton.org.Permission;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ForbiddenException;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and what they grant. Built-in roles cannot be deleted, and the built-in administrator
 * keeps every permission, so a tenant can never lock itself out.
 */
@Service
class Roles {

    static final String ADMIN = "admin";

    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final AuditTrail audit;
    private final OrgCaches caches;
    private final Clock clock;

    Roles(RoleRepository roles, DepartmentRepository departments, AuditTrail audit, OrgCaches caches, Clock clock) {
        this.roles = roles;
        this.departments = departments;
        this.audit = audit;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<RoleView> all(long tenantId) {
        return this.roles.findAll(tenantId);
    }

    @Transactional(readOnly = true)
    RoleView get(long tenantId, long id) {
        return this.roles.find(tenantId, id).orElseThrow(() -> new NotFoundException("role", id));
    }

    @Transactional
    RoleView create(long tenantId, RoleCommand.Create cmd) {
        Grants grants = grants(tenantId, cmd.permissions(), cmd.dataScope(), cmd.scopeDepartmentIds());
        if (this.roles.idOf(tenantId, cmd.code()).isPresent()) {
            throw new ValidationException("code", "{role.code.taken}");
        }
        long id = this.roles.insert(
                tenantId, cmd.code(), cmd.name().strip(), cmd.dataScope(), false, this.clock.instant());
        this.roles.replaceGrants(tenantId, id, grants.permissions(), grants.departments());
        this.audit.record("role.create", "role", id, cmd.code() + " " + grants.permissions());
        return get(tenantId, id);
    }

    @Transactional
    RoleView update(long tenantId, long id, RoleCommand.Edit cmd) {
        RoleView current = get(tenantId, id);
        if (current.version() != cmd.version()) {
            throw new VersionConflictException("role", id, current.version());
        }
        Grants grants = grants(tenantId, cmd.permissions(), cmd.dataScope(), cmd.scopeDepartmentIds());
        if (current.builtIn()
                && current.code().equals(ADMIN)
                && (!Set.copyOf(current.permissions()).equals(Set.copyOf(grants.permissions()))
                        || cmd.dataScope() != DataScope.ALL)) {
            throw new ForbiddenException("role-protected", current.code());
        }
        if (!this.roles.update(
                tenantId, id, cmd.version(), cmd.name().strip(), cmd.dataScope(), this.clock.instant())) {
            throw new VersionConflictException("role", id, get(tenantId, id).version());
        }
        this.roles.replaceGrants(tenantId, id, grants.permissions(), grants.departments());
        this.caches.changed();
        this.audit.record(
                "role.update", "role", id, current.code() + " " + grants.permissions() + " " + cmd.dataScope());
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id) {
        RoleView current = get(tenantId, id);
        if (current.builtIn()) {
            throw new ForbiddenException("role-protected", current.code());
        }
        if (this.roles.inUse(tenantId, id)) {
            throw new ConflictException("role-in-use", current.code());
        }
        this.roles.delete(tenantId, id);
        this.caches.changed();
        this.audit.record("role.delete", "role", id, current.code());
    }

    private Grants grants(
            long tenantId, List<String> permissions, DataScope scope, @Nullable List<Long> scopeDepartmentIds) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < permissions.size(); i++) {
            var permission = Permission.ofCode(permissions.get(i));
            if (permission.isEmpty() || permission.get() == Permission.PLATFORM_MANAGE) {
                errors.add(new FieldError("permissions[" + i + "]", "{role.permission-unknown}"));
            }
        }
        List<Long> departmentIds =
                scopeDepartmentIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(scopeDepartmentIds));
        if (scope == DataScope.CUSTOM && departmentIds.isEmpty()) {
            errors.add(new FieldError("scopeDepartmentIds", "{role.scope-departments-required}"));
        }
        Set<Long> missing = this.departments.missing(tenantId, departmentIds);
        for (int i = 0; i < departmentIds.size(); i++) {
            if (missing.contains(departmentIds.get(i))) {
                errors.add(new FieldError("scopeDepartmentIds[" + i + "]", "{user.department-missing}"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Grants(
                List.copyOf(new LinkedHashSet<>(permissions)), scope == DataScope.CUSTOM ? departmentIds : List.of());
    }

    private record Grants(List<String> permissions, List<Long> departments) {}
}
