package dev.baton.web;

import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mobile views in a phone-sized Chromium (web/e2e/mobile.mjs): the WeCom chat sidebar (one-to-one and group chat)
 * and the customer profile page with a mocked JS-SDK, the customer's progress page, the field engineer's tasks and
 * the workbench signed in from an OAuth code.
 */
class MobileBrowserIT extends IntegrationTest {

    @Test
    void theWeComEntriesTheProgressPageAndTheEngineerViewsWorkOnAPhone() throws Exception {
        BrowserJourney.run(this.port, "mobile.mjs", Map.of(), 5);
    }
}
