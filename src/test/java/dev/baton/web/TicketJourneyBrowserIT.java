package dev.baton.web;

import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's checked journey in Debian's Chromium (web/e2e/ticket-journey.mjs): a template and a flow with a condition
 * branch designed, published and simulated in the UI, a ticket created and carried through by an agent and a
 * supervisor, then confirmed and rated by the customer on the real progress page.
 */
class TicketJourneyBrowserIT extends IntegrationTest {

    @Test
    void aTicketRunsFromTheDesignersToTheCustomersRating() throws Exception {
        BrowserJourney.run(this.port, "ticket-journey.mjs", Map.of(), 6);
    }
}
