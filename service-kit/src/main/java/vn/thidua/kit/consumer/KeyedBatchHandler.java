package vn.thidua.kit.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies a batch of events that may hold some applied before (redelivered, or re-sent at another
 * offset) to a read model whose writes are idempotent by keys the events carry (a record's id, an
 * event's id as a primary key), inside the consumer's transaction; returns the events that were new.
 * A consumer with such a handler keeps no ledger of applied ids ({@link IdempotentConsumer#keyed}).
 */
@FunctionalInterface
public interface KeyedBatchHandler {
    List<Delivered> applyNew(List<Delivered> batch, Connection connection) throws SQLException;
}
