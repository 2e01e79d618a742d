package dev.baton.support;

import dev.baton.BatonApplication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run Baton for real over HTTP, on H2 or PostgreSQL (see {@link TestDatabases}).
 * All such tests share one application context; each test creates its own tenant when it changes
 * data, so tests never depend on one another.
 */
@SpringBootTest(
        classes = {BatonApplication.class, IntegrationTest.TestClockConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "baton.demo=true",
            "baton.data-dir=target/test-data",
            "baton.security.token-secret=test-secret-test-secret-test-secret-0123456789",
            // the public forms' captcha answer and the proxy whose X-Forwarded-For names the client (tests only)
            "baton.intake.captcha.fixed-answer=B4TON",
            "baton.intake.trusted-proxy=true",
            // keep the build output readable; failures still show their warnings and errors
            "logging.level.root=WARN"
        })
public abstract class IntegrationTest {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeAll
    static void requireDatabase() {
        TestDatabases.assumeAvailable();
    }

    protected Api api() {
        return new Api("http://localhost:" + this.port);
    }

    protected Api root() {
        return api().login("platform", "root", "baton-demo");
    }

    /** Creates a fresh tenant through the platform API and returns a client logged in as its administrator. */
    protected Api newTenant() {
        String code = "t" + System.nanoTime() % 1_000_000_000L + "-" + TENANTS.incrementAndGet();
        Api.Response created = root().post(
                        "/api/v1/platform/tenants",
                        Map.of(
                                "code",
                                code,
                                "name",
                                "租户 " + code,
                                "admin",
                                Map.of("username", "boss", "displayName", "老板", "password", "Secret-123456")));
        if (created.status() != 201) {
            throw new AssertionError("tenant creation failed: " + created);
        }
        return api().login(code, "boss", "Secret-123456").header("X-Test-Tenant", code);
    }

    /** The ids of the built-in roles of the tenant behind {@code admin}, by code. */
    protected static Map<String, Long> roleIds(Api admin) {
        Map<String, Long> ids = new java.util.HashMap<>();
        admin.get("/api/v1/roles")
                .json()
                .forEach(r -> ids.put(r.path("code").asString(), r.path("id").asLong()));
        return ids;
    }

    protected static long createDepartment(Api admin, String name, Long parentId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        Api.Response r = admin.post("/api/v1/departments", body);
        if (r.status() != 201) {
            throw new AssertionError("department creation failed: " + r);
        }
        return r.id();
    }

    protected static long createUser(Api admin, String username, List<Long> departments, List<Long> roles) {
        Api.Response r = admin.post(
                "/api/v1/users",
                Map.of(
                        "username", username,
                        "displayName", username,
                        "password", "Secret-123456",
                        "departmentIds", departments,
                        "roleIds", roles));
        if (r.status() != 201) {
            throw new AssertionError("user creation failed: " + r);
        }
        return r.id();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfig {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        /** Beside the notify module's notifier once it exists: the SLA module hands notifications to every one. */
        @Bean
        RecordingNotifier recordingNotifier() {
            return new RecordingNotifier();
        }

        /** The SMS gateway of the public forms: tests read the code a submitter would have received. */
        @Bean
        @Primary
        RecordingSmsSender recordingSmsSender() {
            return new RecordingSmsSender();
        }

        /** Running tickets tests can place on their flows; see {@link TestInFlightTickets}. */
        @Bean
        TestInFlightTickets testInFlightTickets() {
            return new TestInFlightTickets();
        }
    }
}
