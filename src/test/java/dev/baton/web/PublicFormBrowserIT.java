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
 * The demo's public repair form in a phone-sized Chromium (web/e2e/public-form.mjs): field errors, then a ticket
 * number. Skips like {@link BrowserIT} when Chromium, the built web UI or web/node_modules is missing; the captcha
 * answer is the test profile's {@code baton.intake.captcha.fixed-answer}.
 */
class PublicFormBrowserIT extends IntegrationTest {

    private static final Path WEB = Path.of("web");

    @Test
    void aCustomerSeesFieldErrorsThenSubmitsTheRepairFormAndGetsATicketNumber() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        String missing = !Files.isExecutable(chromium)
                ? "Chromium not found at " + chromium
                : !new ClassPathResource("static/index.html").exists()
                        ? "the web UI was not built (the build ran with -Dskip.web=true)"
                        : !Files.isDirectory(WEB.resolve("node_modules/playwright-core"))
                                ? "web/node_modules is missing"
                                : null;
        if (missing != null) {
            if ("1".equals(System.getenv("BATON_REQUIRE_BROWSER"))) {
                throw new AssertionError("BROWSER TESTS SKIPPED: " + missing + " and BATON_REQUIRE_BROWSER=1");
            }
            Assumptions.abort("BROWSER TESTS SKIPPED: " + missing);
        }
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        Path log = Files.createTempFile("baton-public-form", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/public-form.mjs")
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + this.port);
        node.environment().put("CHROMIUM_PATH", chromium.toString());
        node.environment().put("E2E_CAPTCHA", "B4TON");
        node.environment().put("SCREENSHOT_DIR", screenshots.toAbsolutePath().toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("public form journey finished in time").isTrue();
        assertThat(process.exitValue()).as("public form journey:\n" + output).isZero();
    }
}
