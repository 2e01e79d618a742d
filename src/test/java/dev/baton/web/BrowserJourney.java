package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs one of web/e2e's Playwright scripts against the test server in Debian's Chromium and fails with its log when
 * it fails. Without Chromium, the built UI or web/node_modules the test is skipped with instructions, unless
 * BATON_REQUIRE_BROWSER=1 (CI). Screenshots go to target/screenshots, or to docs/screenshots with
 * BATON_UPDATE_SCREENSHOTS=1.
 */
final class BrowserJourney {

    private static final Path WEB = Path.of("web");

    private BrowserJourney() {}

    static void run(int port, String script, Map<String, String> env, int minutes)
            throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        String missing = null;
        if (!Files.isExecutable(chromium)) {
            missing = "Chromium not found at " + chromium + " — install it with `apt-get install chromium`"
                    + " (or set CHROMIUM_PATH)";
        } else if (!new ClassPathResource("static/index.html").exists()) {
            missing = "the web UI was not built (the build ran with -Dskip.web=true)";
        } else if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            missing = "web/node_modules is missing (the web build runs `npm ci`)";
        }
        if (missing != null) {
            String message = "BROWSER TESTS SKIPPED: " + missing;
            System.err.println("\n*** " + message + " ***\n");
            if ("1".equals(System.getenv("BATON_REQUIRE_BROWSER"))) {
                throw new AssertionError(message + " and BATON_REQUIRE_BROWSER=1");
            }
            Assumptions.abort(message);
        }
        Path screenshots = Files.createDirectories(
                "1".equals(System.getenv("BATON_UPDATE_SCREENSHOTS"))
                        ? Path.of("docs/screenshots")
                        : Path.of("target/screenshots"));
        Path log = Files.createTempFile("baton-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/" + script)
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("CHROMIUM_PATH", chromium.toString());
        node.environment().put("SCREENSHOT_DIR", screenshots.toAbsolutePath().toString());
        node.environment().putAll(env);
        Process process = node.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as(script + " finished in time").isTrue();
        assertThat(process.exitValue()).as(script + ":\n" + output).isZero();
    }
}
