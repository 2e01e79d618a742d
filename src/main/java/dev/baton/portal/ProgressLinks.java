package dev.baton.portal;

import java.time.Instant;

/**
 * Signed links to a ticket's customer progress page, for modules that hand one to a customer themselves (the public
 * forms answer a submission with one). The caller vouches that the ticket is the customer's: the link shows its
 * customer-visible progress to whoever holds it.
 */
public interface ProgressLinks {

    ProgressLink issue(long tenantId, long ticketId);

    /**
     * @param url the web app's path of the customer page ({@code /p/<token>}), relative to the installation's address
     */
    record ProgressLink(String url, String token, Instant expiresAt) {}
}
