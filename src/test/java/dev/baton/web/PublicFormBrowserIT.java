package dev.baton.web;

import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's public repair form in a phone-sized Chromium (web/e2e/public-form.mjs): field errors, then a ticket
 * number and the 查看进度 button to its progress page. The captcha answer is the test profile's {@code baton.intake.captcha.fixed-answer}.
 */
class PublicFormBrowserIT extends IntegrationTest {

    @Test
    void aCustomerSeesFieldErrorsThenSubmitsTheRepairFormAndFollowsItsProgress() throws Exception {
        BrowserJourney.run(this.port, "public-form.mjs", Map.of("E2E_CAPTCHA", "B4TON"), 3);
    }
}
