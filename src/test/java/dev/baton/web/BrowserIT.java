package dev.baton.web;

import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the real UI served by the real server in Debian's Chromium (web/e2e/run.mjs, Playwright). */
class BrowserIT extends IntegrationTest {

    @Test
    void administratorDesignsAndAgentsWorkThroughTheUi() throws Exception {
        BrowserJourney.run(this.port, "run.mjs", Map.of(), 5);
    }
}
