package dev.baton.web;

import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mobile views in a phone-sized Chromium (web/e2e/mobile.mjs): the WeCom chat sidebar with a mocked JS-SDK, the
 * customer's progress page and the field engineer's tasks.
 */
class MobileBrowserIT extends IntegrationTest {

    @Test
    void theSidebarTheProgressPageAndTheEngineerViewsWorkOnAPhone() throws Exception {
        BrowserJourney.run(this.port, "mobile.mjs", Map.of(), 5);
    }
}
