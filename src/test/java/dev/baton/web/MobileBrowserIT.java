package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The mobile views (WeCom chat sidebar, customer progress page, engineer tasks) in Chromium at phone size
 * (web/e2e/mobile.mjs). Skipped like {@link BrowserIT} when Chromium, the built UI or node_modules are missing.
 */
class MobileBrowserIT extends IntegrationTest {

    private static final Path WEB = Path.of("web");

    @Test
    void sidebarProgressPageAndEngineerViewsWorkOnAPhone() throws Exception {
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
            String message = "MOBILE BROWSER TESTS SKIPPED: " + missing;
            System.err.println("\n*** " + message + " ***\n");
            if ("1".equals(System.getenv("BATON_REQUIRE_BROWSER"))) {
                throw new AssertionError(message + " and BATON_REQUIRE_BROWSER=1");
            }
            Assumptions.abort(message);
        }

        Path screenshots = "1".equals(System.getenv("BATON_UPDATE_SCREENSHOTS"))
                ? Path.of("docs/screenshots")
                : Path.of("target/screenshots");
        Files.createDirectories(screenshots);
        Path log = Files.createTempFile("baton-mobile-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/mobile.mjs")
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + this.port);
        node.environment().put("CHROMIUM_PATH", chromium.toString());
        node.environment().put("SCREENSHOT_DIR", screenshots.toAbsolutePath().toString());
        Process process = node.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("mobile browser journey finished in time").isTrue();
        assertThat(process.exitValue()).as("mobile browser journey:\n" + output).isZero();
    }
}
