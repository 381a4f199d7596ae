package vn.thidua.kit.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What one consumer has applied, in the read model's database and its transactions: the ids of the
 * events applied ({@code applied_event}), the records that broke the contract ({@code rejected_event})
 * and the next offset of each partition ({@code consumer_position}), all keyed by the consumer's name,
 * so that one consumer starting over forgets only its own.
 */
final class PositionStore {
    private final String consumer;

    PositionStore(String consumer) {
        this.consumer = consumer;
    }

    /** Records the ids of {@code delivered}; returns those that were not recorded before. */
    Set<String> claim(Connection c, List<Delivered> delivered) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (delivered.isEmpty()) {
            return fresh;
        }
        String[] ids = delivered.stream().map(d -> d.event().attributes().id()).distinct().toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO applied_event (consumer, event_id) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING event_id""")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    void reject(Connection c, List<Decoder.Rejected> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO rejected_event (consumer, topic, partition_no, record_offset, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            for (Decoder.Rejected r : rejected) {
                s.setString(1, consumer);
                s.setString(2, r.topic());
                s.setInt(3, r.partition());
                s.setLong(4, r.offset());
                s.setString(5, r.reason());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Records each part's partition's next offset, in one statement. */
    void save(Connection c, List<PartitionWriter.Part> parts) throws SQLException {
        int n = parts.size();
        String[] topic = new String[n];
        Integer[] partition = new Integer[n];
        Long[] next = new Long[n];
        for (int i = 0; i < n; i++) {
            TopicPartition tp = parts.get(i).partition();
            topic[i] = tp.topic();
            partition[i] = tp.partition();
            next[i] = parts.get(i).nextOffset();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO consumer_position (consumer, topic, partition_no, next_offset)
                SELECT ?, * FROM unnest(?::text[], ?::int[], ?::bigint[])
                ON CONFLICT (consumer, topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", topic));
            s.setArray(3, c.createArrayOf("int4", partition));
            s.setArray(4, c.createArrayOf("int8", next));
            s.executeUpdate();
        }
    }

    /** Forgets everything this consumer applied (its read model is being dropped in the same transaction). */
    void reset(Connection c) throws SQLException {
        for (String table : List.of("applied_event", "rejected_event", "consumer_position")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE consumer = ?")) {
                s.setString(1, consumer);
                s.executeUpdate();
            }
        }
    }
}
