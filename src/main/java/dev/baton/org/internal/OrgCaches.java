package dev.baton.org.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place organisation changes clear what this node caches about the organisation: callers
 * ({@link PrincipalCache}) and directory answers ({@link OrgDirectoryService}). Every change to
 * departments, users, roles or API keys calls {@link #changed()}.
 */
@Component
class OrgCaches {

    private final PrincipalCache principals;
    private final OrgDirectoryService directory;

    OrgCaches(PrincipalCache principals, OrgDirectoryService directory) {
        this.principals = principals;
        this.directory = directory;
    }

    /**
     * Clears now, so the rest of the changing request sees the change, and again when the transaction
     * ends: a concurrent request may have cached the old rows after the first clear but before the
     * commit, and must not keep them for the whole expiry.
     */
    void changed() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        this.principals.invalidateAll();
        this.directory.invalidateAll();
    }
}
