package vn.thidua.kit.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions on Quarkus's JTA (Narayana): begins one when none is active, joins the
 * caller's otherwise. A REST call's transaction, its command handling, the event store append and
 * the projections then commit or roll back together; a streaming processor's handlers and its token
 * do the same on the processor's thread.
 */
public final class JtaTransactionManager implements TransactionManager {
    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_NO_TRANSACTION) {
                jta.begin();
                return new Owned();
            }
            return new Joined();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a JTA transaction", e);
        }
    }

    /** A transaction this bridge began: it ends it. */
    private final class Owned implements Transaction {
        @Override
        public void commit() {
            try {
                if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    jta.rollback();
                    throw new IllegalStateException("transaction was marked rollback-only");
                }
                jta.commit();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("commit failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void rollback() {
            try {
                if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    jta.rollback();
                }
            } catch (SystemException e) {
                throw new IllegalStateException("rollback failed", e);
            }
        }
    }

    /** The caller's transaction: the caller ends it; a failure here only marks it rollback-only. */
    private final class Joined implements Transaction {
        @Override
        public void commit() {
            // the owner commits
        }

        @Override
        public void rollback() {
            try {
                jta.setRollbackOnly();
            } catch (SystemException | IllegalStateException e) {
                throw new IllegalStateException("cannot mark the transaction rollback-only", e);
            }
        }
    }
}
