package dev.baton.assignment.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.DurableTimers;
import dev.baton.platform.OwnTransaction;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A grabbed ticket nobody touched since the grab goes back to the pool when its return timer fires: the ticket's
 * own {@code release}, done by Baton, guarded by the version right after the grab — any action since (a save, a
 * comment, a submit, a transfer) makes it a version conflict, and the ticket stays where it is.
 */
@Component
class PoolReturn implements DurableTimers.Handler {

    private static final Logger log = LoggerFactory.getLogger(PoolReturn.class);

    private final TicketOperations tickets;
    private final PoolSettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate own;

    PoolReturn(
            TicketOperations tickets,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            PoolSettings settings) {
        this.settings = settings;
        this.tickets = tickets;
        this.audit = audit;
        this.own = OwnTransaction.of(transactions);
    }

    @Override
    public String kind() {
        return PoolTimers.RETURN;
    }

    @Override
    public void fire(String key) {
        PoolTimers.Grab grab = PoolTimers.Grab.parse(key);
        if (this.settings.cached(grab.tenantId()).returnAfterMinutes() == null) {
            return; // switched off since the grab
        }
        try {
            this.own.executeWithoutResult(s -> {
                TicketView view = this.tickets.actAsSystem(
                        grab.tenantId(),
                        grab.ticketId(),
                        TicketAction.RELEASE,
                        new ActionRequest(grab.version(), grab.nodeId(), null, null, null, null, null));
                this.audit.recordBySystem(
                        grab.tenantId(),
                        "assignment.pool.returned",
                        "ticket",
                        grab.ticketId(),
                        view.number() + " @" + grab.nodeId() + " ← user " + grab.userId());
            });
        } catch (BatonException moved) {
            // acted on, closed or gone since the grab: nothing to return
            log.debug("pool return of {} not needed: {}", key, moved.type());
        }
    }
}
