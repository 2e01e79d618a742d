/**
 * The customer's progress page: staff hand the customer a signed link ({@code /p/<token>}); whoever holds it reads the
 * ticket's customer-visible progress, confirms the finished work and rates it, with no log-in. The token names the
 * tenant, the ticket and an expiry and is signed with a key derived from the installation's secrets key; the
 * public endpoints are rate-limited per client address. Everything the page shows and does goes through
 * {@link dev.baton.ticket.TicketOperations}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "ticket"})
package dev.baton.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
