package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthIT extends IntegrationTest {

    @Test
    void demoAdministratorLogsInAndSeesWhoTheyAre() {
        Api.Response login = api().post(
                        "/api/v1/auth/login", Map.of("tenant", "demo", "username", "admin", "password", "baton-demo"));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("accessToken")).isNotBlank();
        assertThat(login.at("/user/tenant/code").asString()).isEqualTo("demo");
        Api.Response me = api().token(login.text("accessToken")).get("/api/v1/auth/me");
        assertThat(me.text("username")).isEqualTo("admin");
        assertThat(me.at("/roles/0/code").asString()).isEqualTo("admin");
        assertThat(me.json().path("permissions").toString()).contains("org.manage", "ticket.read");
    }

    @Test
    void wrongPasswordIsAProblemInTheCallersLanguage() {
        Api.Response zh = api().post(
                        "/api/v1/auth/login",
                        Map.of("tenant", "demo", "username", "lina", "password", "wrong-password"));
        Api.Response en = api().english()
                .post("/api/v1/auth/login", Map.of("tenant", "demo", "username", "lina", "password", "wrong-password"));

        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(zh.text("type")).isEqualTo("https://baton.dev/problems/bad-credentials");
        assertThat(zh.text("detail")).isEqualTo("租户、用户名或密码错误。");
        assertThat(en.text("detail")).isEqualTo("Wrong tenant, username or password.");
    }

    @Test
    void unknownTenantAndUnknownUserFailLikeAWrongPassword() {
        Api.Response tenant = api().post(
                        "/api/v1/auth/login", Map.of("tenant", "nope", "username", "admin", "password", "baton-demo"));
        Api.Response user = api().post(
                        "/api/v1/auth/login", Map.of("tenant", "demo", "username", "nobody", "password", "baton-demo"));

        assertThat(tenant.status()).isEqualTo(401);
        assertThat(user.status()).isEqualTo(401);
        assertThat(tenant.text("type")).isEqualTo(user.text("type"));
    }

    @Test
    void repeatedFailuresAreThrottledUntilTheWindowPasses() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Map<String, String> wrong = Map.of("tenant", tenant, "username", "boss", "password", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
        }

        Api.Response throttled = api().post(
                        "/api/v1/auth/login",
                        Map.of("tenant", tenant, "username", "boss", "password", "Secret-123456"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.json().path("retryAfterSeconds").asLong()).isPositive();

        this.clock.advance(Duration.ofMinutes(16));
        assertThat(api().post(
                                "/api/v1/auth/login",
                                Map.of("tenant", tenant, "username", "boss", "password", "Secret-123456"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void callsWithoutOrWithABadTokenAreRejected() {
        assertThat(api().get("/api/v1/users").status()).isEqualTo(401);
        Api.Response forged = api().token("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidGlkIjoxfQ.c2lnbmF0dXJl")
                .get("/api/v1/users");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.text("type")).endsWith("/invalid-token");
        assertThat(api().token("bk_1_" + "x".repeat(43)).get("/api/v1/users").status())
                .isEqualTo(401);
    }

    @Test
    void tokensExpire() {
        Api admin = newTenant();
        assertThat(admin.get("/api/v1/auth/me").status()).isEqualTo(200);

        this.clock.advance(Duration.ofHours(13));

        assertThat(admin.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void deactivatingAUserEndsTheirAccessAtOnce() {
        Api admin = newTenant();
        Map<String, Long> roles = roleIds(admin);
        long userId = createUser(admin, "leaver", List.of(), List.of(roles.get("agent")));
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Api leaver = api().login(tenant, "leaver", "Secret-123456");
        assertThat(leaver.get("/api/v1/auth/me").status()).isEqualTo(200);

        Api.Response off =
                admin.put("/api/v1/users/" + userId, Map.of("displayName", "leaver", "active", false, "version", 0));
        assertThat(off.status()).isEqualTo(200);

        assertThat(leaver.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(api().post(
                                "/api/v1/auth/login",
                                Map.of("tenant", tenant, "username", "leaver", "password", "Secret-123456"))
                        .status())
                .isEqualTo(401);
    }
}
