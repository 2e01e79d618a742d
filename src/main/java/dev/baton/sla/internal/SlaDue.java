package dev.baton.sla.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the tickets whose next SLA moment has come and looks at each ({@link SlaFiring#check}). Run by the
 * recurring db-scheduler task {@value #TASK} at the timers' poll interval: one scheduler node runs it at a time, and
 * it is one indexed query when nothing is due. A ticket's row lock and the firings' keys make a repeated look
 * harmless.
 */
@Component
class SlaDue {

    static final String TASK = "sla-due";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(SlaDue.class);

    private final SlaStore store;
    private final SlaFiring firing;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlaDue(SlaStore store, SlaFiring firing, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.firing = firing;
        this.tx = tx;
        this.clock = clock;
    }

    /** Looks at every ticket due now; how many. */
    int run() {
        int looked = 0;
        List<SlaStore.Key> due;
        do {
            var now = this.clock.instant();
            due = java.util.Objects.requireNonNull(this.tx.execute(s -> this.store.due(now, BATCH)));
            for (SlaStore.Key k : due) {
                try {
                    this.firing.check(k.tenantId(), k.ticketId());
                } catch (RuntimeException e) {
                    // its due moment stays: the next poll tries again
                    log.warn("could not look at the SLA of ticket {}: {}", k.ticketId(), e.toString());
                }
                looked++;
            }
        } while (due.size() == BATCH && looked < 50 * BATCH);
        return looked;
    }
}
