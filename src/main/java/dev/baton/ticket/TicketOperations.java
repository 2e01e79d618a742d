package dev.baton.ticket;

import dev.baton.platform.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * The ticket module's service API: the REST controller, the entry points of other modules and the
 * benchmarks all go through it. Every call is checked against the caller's permissions and data scope.
 */
public interface TicketOperations {

    /**
     * Creates a ticket and starts its template's published flow. With an idempotency key, a repeated call
     * returns the ticket the first call made (and {@link Created#replayed()} says so) instead of a second one.
     */
    Created create(CurrentUser me, NewTicket ticket, @Nullable String idempotencyKey);

    /**
     * Creates a ticket on behalf of someone without an account (a public form, an inbound mail): recorded with no
     * creator, checked like {@link #create} against the fields every role may write, idempotent by the key.
     */
    Created createAsSystem(long tenantId, NewTicket ticket, @Nullable String idempotencyKey);

    /** Applies an action; refused with 403 (not yours), 409 (wrong state or stale version) or 400 (bad input). */
    TicketView act(CurrentUser me, long ticketId, TicketAction action, ActionRequest request);

    TicketView get(CurrentUser me, long ticketId);

    /**
     * An action Baton itself takes, on a timer rather than for a person (the pool's return of an untouched grabbed
     * ticket): it sees every ticket of the tenant and acts with supervisor rights, recorded with no user.
     */
    TicketView actAsSystem(long tenantId, long ticketId, TicketAction action, ActionRequest request);

    /** The tenant's ticket with this number ({@code GD20261202-0001}), for replies that quote it. */
    java.util.Optional<Numbered> findByNumber(long tenantId, String number);

    /** @param customerId the ticket's customer, if any */
    record Numbered(long id, @Nullable Long customerId) {}

    /** The ticket as its customer sees it on the progress page; no user: the caller vouches for the customer. */
    CustomerProgress progressForCustomer(long tenantId, long ticketId);

    /** The customer confirms the finished work: only while it awaits confirmation (else 409 naming the state). */
    CustomerProgress confirmByCustomer(long tenantId, long ticketId);

    /**
     * The customer rates the finished work once: 1 to 5 stars (400 {@code stars}) and an optional comment of at most
     * 500 characters (400 {@code comment}); while the work awaits confirmation the rating confirms it too. A second
     * rating, or one before the work is finished, is refused with 409.
     */
    CustomerProgress rateByCustomer(long tenantId, long ticketId, int stars, @Nullable String comment);

    record Created(TicketView ticket, boolean replayed) {}
}
