package vn.thidua.kit.consumer;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one database transaction: the service's JTA one, or plain JDBC (a test's). */
public interface Transactions {

    /** Work on the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) throws SQLException;

    /** The service's transactions: JTA (Narayana), the data source's connection enlisted in it. */
    static Transactions jta(TransactionManager jta, DataSource dataSource) {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Work<T> work) throws SQLException {
                try {
                    jta.begin();
                    T result;
                    try (Connection c = dataSource.getConnection()) {
                        result = work.run(c);
                    }
                    jta.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(jta);
                    throw e;
                } catch (Exception e) {
                    rollbackQuietly(jta);
                    throw new IllegalStateException("transaction failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Plain JDBC transactions on connections of {@code dataSource}. */
    static Transactions jdbc(DataSource dataSource) {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Work<T> work) throws SQLException {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                }
            }
        };
    }

    private static void rollbackQuietly(TransactionManager jta) {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                jta.rollback();
            }
        } catch (Exception e) {
            // the failure that made us roll back is the one reported
        }
    }
}
