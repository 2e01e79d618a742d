package dev.baton.platform;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction of its own for work done on Baton's behalf (a timer's action, a callback's effect) that may be
 * refused: a refused action marks its transaction rollback-only, and in a transaction of its own that spoils
 * nothing the caller still has to write (an audit entry, an outcome).
 */
public final class OwnTransaction {

    private OwnTransaction() {}

    public static TransactionTemplate of(PlatformTransactionManager transactions) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }
}
