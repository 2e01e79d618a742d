package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyIT extends IntegrationTest {

    @Test
    void aKeyIsShownOnceWorksWithItsRolesAndStopsWhenRevoked() {
        Api admin = newTenant();
        Api.Response created = admin.post(
                "/api/v1/api-keys",
                Map.of("name", "CRM 同步", "roleIds", List.of(roleIds(admin).get("agent"))));
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).startsWith("bk_");

        Api integration = api().token(key);
        assertThat(integration.get("/api/v1/auth/me").json().path("permissions").toString())
                .contains("ticket.create")
                .doesNotContain("org.manage");
        assertThat(integration.post("/api/v1/departments", Map.of("name", "X")).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/api-keys").body()).contains("CRM 同步").doesNotContain(key);

        assertThat(admin.delete("/api/v1/api-keys/" + created.id()).status()).isEqualTo(204);

        assertThat(integration.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/api-keys").at("/0/revokedAt").isNull()).isFalse();
    }

    @Test
    void anExpiredKeyIsRejected() {
        Api admin = newTenant();
        String expiry = this.clock.instant().plus(Duration.ofHours(1)).toString();
        String key = admin.post(
                        "/api/v1/api-keys",
                        Map.of(
                                "name",
                                "short",
                                "roleIds",
                                List.of(roleIds(admin).get("agent")),
                                "expiresAt",
                                expiry))
                .text("key");
        assertThat(api().token(key).get("/api/v1/auth/me").status()).isEqualTo(200);

        this.clock.advance(Duration.ofHours(2));

        assertThat(api().token(key).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(admin.post(
                                "/api/v1/api-keys",
                                Map.of(
                                        "name",
                                        "past",
                                        "roleIds",
                                        List.of(roleIds(admin).get("agent")),
                                        "expiresAt",
                                        expiry))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("expiresAt");
    }

    @Test
    void onlyKeyManagersMayCreateKeys() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        createUser(admin, "agent1", List.of(), List.of(roleIds(admin).get("agent")));

        Api.Response r = api().login(tenant, "agent1", "Secret-123456")
                .post(
                        "/api/v1/api-keys",
                        Map.of("name", "mine", "roleIds", List.of(roleIds(admin).get("admin"))));

        assertThat(r.status()).isEqualTo(403);
    }
}
