package dev.baton.sla.internal;

import dev.baton.ticket.TicketEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a policy or calendar change commits, every open ticket of the tenant is recomputed from its history with
 * the policies and calendars as they are now, a hundred tickets per short transaction — also those that were never
 * followed (started while the tenant had no policy); closed tickets keep the result they closed with.
 */
@Component
class SlaRecomputing {

    private static final Logger log = LoggerFactory.getLogger(SlaRecomputing.class);

    private static final int CHUNK = 100;

    private final TicketEventLog tickets;
    private final SlaTracker tracker;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    SlaRecomputing(
            TicketEventLog tickets,
            SlaTracker tracker,
            PlatformTransactionManager transactions,
            java.time.Clock clock) {
        this.tickets = tickets;
        this.tracker = tracker;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SlaChanged changed) {
        long tenant = changed.tenantId();
        java.util.List<Long> open = this.tx.execute(s -> this.tickets.openTickets(tenant));
        if (open == null || open.isEmpty()) {
            return;
        }
        int failed = 0;
        for (int i = 0; i < open.size(); i += CHUNK) {
            java.util.List<Long> chunk = open.subList(i, Math.min(open.size(), i + CHUNK));
            try {
                this.tx.executeWithoutResult(s -> this.tracker.follow(tenant, chunk, this.clock.instant()));
            } catch (RuntimeException e) {
                failed += chunk.size();
                log.warn("could not recompute the SLAs of {} tickets: {}", chunk.size(), e.toString());
            }
        }
        log.info("recomputed SLAs of {} open tickets of tenant {} ({} failed)", open.size(), tenant, failed);
    }
}
