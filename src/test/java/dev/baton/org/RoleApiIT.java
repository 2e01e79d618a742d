package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleApiIT extends IntegrationTest {

    @Test
    void aNewTenantHasTheFourBuiltInRoles() {
        Api admin = newTenant();

        assertThat(roleIds(admin)).containsOnlyKeys("admin", "supervisor", "agent", "engineer");
    }

    @Test
    void grantedPermissionsApplyToTheRolesUsersImmediately() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long role = admin.post(
                        "/api/v1/roles",
                        Map.of("code", "hr", "name", "人事", "permissions", List.of("ticket.read"), "dataScope", "ALL"))
                .id();
        createUser(admin, "hr1", List.of(), List.of(role));
        Api hr = api().login(tenant, "hr1", "Secret-123456");
        assertThat(hr.post("/api/v1/departments", Map.of("name", "X")).status()).isEqualTo(403);

        admin.put(
                "/api/v1/roles/" + role,
                Map.of(
                        "name",
                        "人事",
                        "permissions",
                        List.of("ticket.read", "org.manage"),
                        "dataScope",
                        "ALL",
                        "version",
                        0));

        assertThat(hr.post("/api/v1/departments", Map.of("name", "X")).status()).isEqualTo(201);
    }

    @Test
    void unknownPermissionsAndCustomScopesWithoutDepartmentsAreRefused() {
        Api admin = newTenant();

        Api.Response r = admin.post(
                "/api/v1/roles",
                Map.of(
                        "code",
                        "odd",
                        "name",
                        "odd",
                        "permissions",
                        List.of("ticket.read", "launch.missiles", "platform.manage"),
                        "dataScope",
                        "CUSTOM"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").toString())
                .contains("permissions[1]", "permissions[2]", "scopeDepartmentIds");
    }

    @Test
    void builtInRolesCannotBeDeletedAndRolesInUseAreKept() {
        Api admin = newTenant();
        long agent = roleIds(admin).get("agent");
        long custom = admin.post(
                        "/api/v1/roles",
                        Map.of("code", "tmp", "name", "tmp", "permissions", List.of(), "dataScope", "SELF"))
                .id();
        createUser(admin, "holder", List.of(), List.of(custom));

        assertThat(admin.delete("/api/v1/roles/" + agent).text("type")).endsWith("/role-protected");
        assertThat(admin.delete("/api/v1/roles/" + custom).text("type")).endsWith("/role-in-use");
        assertThat(admin.get("/api/v1/roles/" + custom).status()).isEqualTo(200);
    }

    @Test
    void theAdministratorRoleKeepsEveryPermission() {
        Api admin = newTenant();
        long adminRole = roleIds(admin).get("admin");

        Api.Response r = admin.put(
                "/api/v1/roles/" + adminRole,
                Map.of("name", "管理员", "permissions", List.of("ticket.read"), "dataScope", "ALL", "version", 0));

        assertThat(r.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/auth/me").body()).contains("org.manage");
    }

    @Test
    void thePermissionCatalogueIsLocalized() {
        Api admin = newTenant();

        assertThat(admin.get("/api/v1/permissions").body()).contains("管理组织架构").doesNotContain("platform.manage");
        assertThat(admin.english().get("/api/v1/permissions").body()).contains("Manage organisation");
    }
}
