package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.customer.CustomerMerged;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's tickets become the surviving customer's, in the merge's transaction (the customer list and
 * the customer page then show them together). The ticket's version does not move: nothing the handler works on
 * changed, and their open forms stay valid; the merge is in the audit log.
 */
@Component
class CustomerMerges {

    private final DSLContext db;

    CustomerMerges(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(CustomerMerged merged) {
        this.db
                .update(TICKETS)
                .set(TICKETS.CUSTOMER_ID, merged.survivorId())
                // every change of a row names a new version (RecentTickets relies on it)
                .set(TICKETS.VERSION, TICKETS.VERSION.plus(1))
                .where(TICKETS.TENANT_ID.eq(merged.tenantId()), TICKETS.CUSTOMER_ID.eq(merged.duplicateId()))
                .execute();
    }
}
