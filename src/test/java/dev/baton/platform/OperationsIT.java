package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsIT extends IntegrationTest {

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(api().get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(api().get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.Response echoed = api().header("X-Request-Id", "trace-123").get("/actuator/health");
        Api.Response generated = api().get("/api/v1/users");

        assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-123");
        assertThat(generated.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void apiDocumentationIsPublished() {
        Api.Response docs = api().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/users")).isTrue();
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsAreProblemsNotTheUserInterface() {
        Api.Response r = api().login("demo", "admin", "baton-demo").get("/api/v1/no-such-thing");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("type")).endsWith("/no-such-path");
    }

    @Test
    void unsupportedMethodsAreProblems() {
        Api.Response r = api().login("demo", "admin", "baton-demo").send("PATCH", "/api/v1/departments", "{}");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}
