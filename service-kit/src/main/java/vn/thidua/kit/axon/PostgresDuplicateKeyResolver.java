package vn.thidua.kit.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that PostgreSQL's unique violation (SQLState 23505), however deeply wrapped (it comes
 * inside a BatchUpdateException), is a duplicate key: two writers raced for the same aggregate
 * sequence. Axon's default resolver misses it and reports a plain EventStoreException instead of
 * a ConcurrencyException.
 */
public final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
