package dev.baton.ticket.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tickets this node read or wrote last, each at the version it had, so that an action naming that version (the
 * usual case: a ticket page is read, then a button pressed) starts without reading the row again. Safe across nodes
 * without any invalidation because a version names one content: every change of a ticket row bumps its version,
 * and the action's write is guarded by the version it started from, so a stale entry can only make an action
 * fail with 409 as a fresh read would. Only committed states are kept: a read or write inside a transaction is
 * remembered when the transaction commits, never before (a rolled-back write must not name a version the database
 * will give to different content).
 */
@Component
class RecentTickets {

    private record Key(long tenantId, long ticketId) {}

    private final Cache<Key, Loaded> recent = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(2))
            .build();

    /** The ticket as it was at this version, if this node saw that version lately. */
    @Nullable
    Loaded at(long tenantId, long ticketId, int version) {
        Loaded known = this.recent.getIfPresent(new Key(tenantId, ticketId));
        return known != null && known.row().getVersion() == version ? known : null;
    }

    /** The last version of the ticket this node saw lately, whichever it is. */
    @Nullable
    Loaded latest(long tenantId, long ticketId) {
        return this.recent.getIfPresent(new Key(tenantId, ticketId));
    }

    /** Keeps the ticket once its state is committed: now in autocommit, after the commit inside a transaction. */
    void remember(Loaded ticket) {
        Key key = new Key(ticket.row().getTenantId(), ticket.row().getId());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            this.recent.put(key, ticket);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    RecentTickets.this.recent.put(key, ticket);
                }
            }
        });
    }
}
