package dev.baton.ticket.internal;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Thrown on PostgreSQL's autocommit path of an action ({@link TicketService}) just before a write that must commit
 * or roll back with the ticket's own (a round-robin turn taken by routing): nothing has been written yet, and the
 * action runs again in a transaction.
 */
final class NeedsTransaction extends RuntimeException {

    private NeedsTransaction() {
        super(null, null, false, false);
    }

    /** Goes on when a transaction is active; throws otherwise. */
    static void check() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new NeedsTransaction();
        }
    }
}
