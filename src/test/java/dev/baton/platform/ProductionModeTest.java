package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.BatonApplication;
import dev.baton.support.Api;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside demo mode Baton needs real secrets, and the demo password opens nothing. */
class ProductionModeTest {

    private final String dataDir = "target/prod-test-" + UUID.randomUUID();
    private final String dbUrl = "jdbc:h2:file:./" + this.dataDir
            + "/baton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void refusesToStartWithoutTheAdministratorPasswordOrTokenSecret() {
        assertThatThrownBy(() -> start(Map.of("baton.demo", "false"))).hasStackTraceContaining("BATON_ADMIN_PASSWORD");
        assertThatThrownBy(
                        () -> start(Map.of("baton.demo", "false", "baton.bootstrap.admin-password", "Real-Secret-1")))
                .hasStackTraceContaining("BATON_TOKEN_SECRET");
        assertThatThrownBy(() -> start(Map.of(
                        "baton.demo", "false",
                        "baton.bootstrap.admin-password", "baton-demo",
                        "baton.security.token-secret", "0123456789abcdef0123456789abcdef")))
                .hasStackTraceContaining("demo password");
    }

    @Test
    void aDemoDatabaseStartedInProductionRefusesTheDemoPassword() {
        try (var demo = start(Map.of("baton.demo", "true"))) {
            assertThat(api(demo)
                            .post("/api/v1/auth/login", login("demo", "admin", "baton-demo"))
                            .status())
                    .isEqualTo(200);
        }

        try (var production = start(Map.of(
                "baton.demo", "false",
                "baton.bootstrap.admin-password", "Real-Secret-1",
                "baton.security.token-secret", "0123456789abcdef0123456789abcdef"))) {
            Api.Response demoLogin = api(production).post("/api/v1/auth/login", login("demo", "admin", "baton-demo"));
            assertThat(demoLogin.status()).isEqualTo(401);
            assertThat(demoLogin.text("type")).endsWith("/demo-password-disabled");
            assertThat(api(production)
                            .post("/api/v1/auth/login", login("platform", "root", "Real-Secret-1"))
                            .status())
                    .isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("server.port", "0");
        all.put("spring.datasource.url", this.dbUrl);
        all.put("baton.data-dir", Path.of(this.dataDir).toString());
        // as command-line arguments: they outrank application.yml, as environment variables would
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static Map<String, String> login(String tenant, String user, String password) {
        return Map.of("tenant", tenant, "username", user, "password", password);
    }
}
