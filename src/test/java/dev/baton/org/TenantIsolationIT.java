package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever id a user of tenant A sends, tenant B's data is invisible (404) and stays untouched. */
class TenantIsolationIT extends IntegrationTest {

    @Test
    void departmentsOfAnotherTenantCannotBeSeenChangedOrDeleted() {
        Api a = newTenant();
        Api b = newTenant();
        long bDepartment = createDepartment(b, "B 的部门", null);

        assertThat(a.get("/api/v1/departments").body()).doesNotContain("B 的部门");
        assertThat(a.put("/api/v1/departments/" + bDepartment, Map.of("name", "hacked", "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(a.delete("/api/v1/departments/" + bDepartment).status()).isEqualTo(404);
        assertThat(a.post("/api/v1/departments", Map.of("name", "child", "parentId", bDepartment))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("parentId");

        assertThat(b.get("/api/v1/departments").body()).contains("B 的部门").doesNotContain("hacked");
    }

    @Test
    void usersOfAnotherTenantCannotBeSeenOrChanged() {
        Api a = newTenant();
        Api b = newTenant();
        long bUser = createUser(b, "victim", List.of(), List.of());

        assertThat(a.get("/api/v1/users/" + bUser).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/users?q=victim").json().path("total").asLong())
                .isZero();
        assertThat(a.put("/api/v1/users/" + bUser, Map.of("displayName", "hacked", "version", 0))
                        .status())
                .isEqualTo(404);

        assertThat(b.get("/api/v1/users/" + bUser).text("displayName")).isEqualTo("victim");
    }

    @Test
    void rolesAndReferencesToThemStayWithinTheTenant() {
        Api a = newTenant();
        Api b = newTenant();
        long bRole = roleIds(b).get("agent");

        assertThat(a.get("/api/v1/roles/" + bRole).status()).isEqualTo(404);
        assertThat(a.put(
                                "/api/v1/roles/" + bRole,
                                Map.of("name", "x", "permissions", List.of(), "dataScope", "ALL", "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(a.delete("/api/v1/roles/" + bRole).status()).isEqualTo(404);
        Api.Response grant = a.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "sneaky",
                        "displayName",
                        "s",
                        "password",
                        "Secret-123456",
                        "roleIds",
                        List.of(bRole)));
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.at("/errors/0/field").asString()).isEqualTo("roleIds[0]");

        assertThat(b.get("/api/v1/roles/" + bRole).text("code")).isEqualTo("agent");
    }

    @Test
    void apiKeysOfAnotherTenantCannotBeRevokedOrUsedAcrossTenants() {
        Api a = newTenant();
        Api b = newTenant();
        Api.Response key = b.post(
                "/api/v1/api-keys",
                Map.of("name", "erp", "roleIds", List.of(roleIds(b).get("admin"))));
        long keyId = key.id();

        assertThat(a.delete("/api/v1/api-keys/" + keyId).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/api-keys").body()).doesNotContain("erp");
        Api viaKey = api().token(key.text("key"));
        assertThat(viaKey.get("/api/v1/auth/me").at("/tenant/code").asString())
                .isEqualTo(b.get("/api/v1/auth/me").at("/tenant/code").asString());
    }

    @Test
    void auditLogShowsOnlyTheTenantsOwnEntries() {
        Api a = newTenant();
        Api b = newTenant();
        createDepartment(b, "只属于 B", null);

        assertThat(a.get("/api/v1/audit-log").body()).doesNotContain("只属于 B");
        assertThat(b.get("/api/v1/audit-log?entityType=department").body()).contains("只属于 B");
    }
}
