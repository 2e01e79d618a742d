package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTenantIT extends IntegrationTest {

    @Test
    void platformAdministratorCreatesATenantWhoseAdministratorCanLogIn() {
        Api.Response created = root().post(
                        "/api/v1/platform/tenants",
                        Map.of(
                                "code", "acme",
                                "name", "艾克美",
                                "admin",
                                        Map.of(
                                                "username",
                                                "acme_admin",
                                                "displayName",
                                                "管理员",
                                                "password",
                                                "Acme-Secret-1")));

        assertThat(created.status()).isEqualTo(201);
        Api acme = api().login("acme", "acme_admin", "Acme-Secret-1");
        assertThat(acme.get("/api/v1/auth/me").at("/tenant/name").asString()).isEqualTo("艾克美");
        assertThat(acme.get("/api/v1/departments").at("/0/name").asString()).isEqualTo("艾克美");
        assertThat(root().get("/api/v1/platform/tenants?size=200").body()).contains("\"acme\"");
    }

    @Test
    void tenantCodesAreUniqueAndValidated() {
        Api.Response taken = root().post(
                        "/api/v1/platform/tenants",
                        Map.of(
                                "code",
                                "demo",
                                "name",
                                "x",
                                "admin",
                                Map.of("username", "a1", "displayName", "a", "password", "Secret-123456")));
        Api.Response invalid = root().post(
                        "/api/v1/platform/tenants",
                        Map.of(
                                "code",
                                "Not Valid",
                                "name",
                                "x",
                                "admin",
                                Map.of("username", "a1", "displayName", "a", "password", "short")));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.at("/errors/0/field").asString()).isEqualTo("code");
        assertThat(invalid.json().path("errors").toString()).contains("\"code\"", "admin.password");
    }

    @Test
    void tenantAdministratorsCannotManageTenants() {
        Api demoAdmin = api().login("demo", "admin", "baton-demo");

        assertThat(demoAdmin.get("/api/v1/platform/tenants").status()).isEqualTo(403);
    }
}
