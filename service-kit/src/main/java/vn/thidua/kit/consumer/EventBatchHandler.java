package vn.thidua.kit.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies a batch of events, none seen before, to a read model through {@code connection}, inside
 * the consumer's transaction (which also records their ids).
 */
@FunctionalInterface
public interface EventBatchHandler {
    void apply(List<Delivered> fresh, Connection connection) throws SQLException;
}
