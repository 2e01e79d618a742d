package dev.baton.sla.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a policy or calendar change commits, every open ticket of the tenant is recomputed from its facts with the
 * policies and calendars as they are now (one short transaction each); closed tickets keep the result they closed
 * with.
 */
@Component
class SlaRecomputing {

    private static final Logger log = LoggerFactory.getLogger(SlaRecomputing.class);

    private final SlaStore store;
    private final SlaTracker tracker;
    private final TransactionTemplate tx;

    SlaRecomputing(SlaStore store, SlaTracker tracker, PlatformTransactionManager transactions) {
        this.store = store;
        this.tracker = tracker;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SlaChanged changed) {
        java.util.List<Long> open = this.tx.execute(s -> this.store.openTickets(changed.tenantId()));
        if (open == null || open.isEmpty()) {
            return;
        }
        int failed = 0;
        for (long ticket : open) {
            try {
                this.tx.executeWithoutResult(s -> this.tracker.recompute(changed.tenantId(), ticket));
            } catch (RuntimeException e) {
                failed++;
                log.warn("could not recompute the SLA of ticket {}: {}", ticket, e.toString());
            }
        }
        log.info(
                "recomputed SLAs of {} open tickets of tenant {} ({} failed)", open.size(), changed.tenantId(), failed);
    }
}
