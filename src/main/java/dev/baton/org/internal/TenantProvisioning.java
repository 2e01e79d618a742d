package dev.baton.org.internal;

import dev.baton.org.DataScope;
import dev.baton.org.Permission;
import dev.baton.platform.TenantCreated;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a tenant ready to use: its built-in roles (administrator, supervisor, agent, field
 * engineer), a root department named after it, and its first administrator.
 */
@Service
class TenantProvisioning {

    /** Built-in roles of every tenant: code → (zh-CN name, data scope, permissions). */
    static final List<BuiltInRole> BUILT_IN_ROLES = List.of(
            new BuiltInRole(
                    Roles.ADMIN,
                    "管理员",
                    DataScope.ALL,
                    Arrays.stream(Permission.values())
                            .filter(p -> p != Permission.PLATFORM_MANAGE)
                            .toList()),
            new BuiltInRole(
                    "supervisor",
                    "主管",
                    DataScope.DEPARTMENT_TREE,
                    List.of(
                            Permission.TICKET_READ,
                            Permission.TICKET_CREATE,
                            Permission.TICKET_HANDLE,
                            Permission.TICKET_ASSIGN,
                            Permission.REPORT_READ)),
            new BuiltInRole(
                    "agent",
                    "客服",
                    DataScope.DEPARTMENT,
                    List.of(Permission.TICKET_READ, Permission.TICKET_CREATE, Permission.TICKET_HANDLE)),
            new BuiltInRole(
                    "engineer", "工程师", DataScope.SELF, List.of(Permission.TICKET_READ, Permission.TICKET_HANDLE)));

    private final TenantRepository tenants;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final UserRepository users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TenantProvisioning(
            TenantRepository tenants,
            RoleRepository roles,
            DepartmentRepository departments,
            UserRepository users,
            Clock clock,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.roles = roles;
        this.departments = departments;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    /** Returns the new tenant's id and its roles by code. */
    @Transactional
    Provisioned provision(String code, String name, AdminAccount admin) {
        Instant now = this.clock.instant();
        long tenantId = this.tenants.insert(code, name, now);
        Map<String, Long> roleIds = new java.util.LinkedHashMap<>();
        for (BuiltInRole role : BUILT_IN_ROLES) {
            long id = this.roles.insert(tenantId, role.code(), role.name(), role.scope(), true, now);
            this.roles.replaceGrants(
                    tenantId,
                    id,
                    role.permissions().stream().map(Permission::code).toList(),
                    List.of());
            roleIds.put(role.code(), id);
        }
        long root = this.departments.insert(tenantId, null, "/", name, null, 0, now);
        UserData data = new UserData(
                admin.username(),
                admin.displayName(),
                null,
                admin.email(),
                null,
                true,
                List.of(root),
                List.of(roleIds.get(Roles.ADMIN)),
                List.of(),
                List.of());
        long adminId = this.users.insert(tenantId, data, admin.passwordHash(), now);
        this.users.replaceChildren(tenantId, adminId, data);
        this.events.publishEvent(new TenantCreated(tenantId, code));
        return new Provisioned(tenantId, root, adminId, roleIds);
    }

    record BuiltInRole(String code, String name, DataScope scope, List<Permission> permissions) {}

    record AdminAccount(
            String username,
            String displayName,
            @org.jspecify.annotations.Nullable String email,
            String passwordHash) {}

    record Provisioned(long tenantId, long rootDepartmentId, long adminUserId, Map<String, Long> roleIds) {}
}
