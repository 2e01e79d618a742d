package dev.baton.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the database integration tests run on: H2 in memory (surefire), or PostgreSQL (failsafe,
 * {@code -Dbaton.test.db=postgres}) in a fresh schema per test JVM. A missing PostgreSQL skips the
 * PostgreSQL run, unless {@code BATON_REQUIRE_POSTGRES=1} (set by CI) makes it a failure.
 */
public final class TestDatabases {

    private static final String KIND = System.getProperty("baton.test.db", "h2");
    private static final String PG_URL =
            System.getProperty("baton.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("baton.test.postgres.user", "postgres");
    private static volatile String schema;

    private TestDatabases() {}

    public static boolean postgres() {
        return KIND.equals("postgres");
    }

    public static void assumeAvailable() {
        if (!postgres()) {
            return;
        }
        String problem = null;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String message = "PostgreSQL at " + PG_URL + " is not reachable (" + problem + ")";
            if ("1".equals(System.getenv("BATON_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message + " and BATON_REQUIRE_POSTGRES=1");
            }
            Assumptions.abort(message + "; PostgreSQL tests skipped");
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (postgres()) {
            registry.add("spring.datasource.url", () -> PG_URL + "?currentSchema=" + schema());
            registry.add("spring.datasource.username", () -> PG_USER);
            registry.add("spring.datasource.password", () -> "");
        } else {
            String name = "baton-" + UUID.randomUUID();
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
        }
    }

    /** Whether the JVM that made a schema still runs: a concurrent test run's schema must not vanish under it. */
    private static boolean alive(String schemaName) {
        String[] parts = schemaName.split("_");
        try {
            return ProcessHandle.of(Long.parseLong(parts[2]))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One schema per JVM; schemas of earlier runs are dropped so they do not pile up. */
    private static synchronized String schema() {
        if (schema == null) {
            String name = "baton_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                    Statement st = c.createStatement()) {
                var old = st.executeQuery("select nspname from pg_namespace where nspname like 'baton_it_%'");
                var stale = new java.util.ArrayList<String>();
                while (old.next()) {
                    stale.add(old.getString(1));
                }
                for (String s : stale) {
                    if (!alive(s)) {
                        st.execute("drop schema if exists " + s + " cascade");
                    }
                }
                st.execute("create schema " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test schema on " + PG_URL, e);
            }
            schema = name;
        }
        return schema;
    }
}
