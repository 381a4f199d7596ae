package vn.thidua.kit.relay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import vn.thidua.contract.chain.HashChain;

/**
 * The relay's chain heads, one row per topic partition, and the events found published after them
 * but not met again yet ({@code relay_published_pending}): read and written inside the relay's
 * transaction (the same one that stores its token).
 */
final class ChainHeads {
    /** Offset of a head saved before offsets were kept: the record with its hash is looked up on Kafka. */
    static final long UNKNOWN_OFFSET = -2;

    /** One partition's chain head: its hash, how many of the relay's records the chain holds, the head record's offset (-1: none). */
    record Head(String hash, long count, long offset) {
        boolean offsetKnown() {
            return offset != UNKNOWN_OFFSET;
        }
    }

    record Key(String topic, int partition) {
    }

    private final DataSource dataSource;

    ChainHeads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<Key, Head> load() {
        Map<Key, Head> heads = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT topic, partition_no, head_hash, event_count, head_offset FROM relay_chain_head");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long offset = rs.getLong(5);
                heads.put(new Key(rs.getString(1), rs.getInt(2)), new Head(rs.getString(3), rs.getLong(4), rs.wasNull() ? UNKNOWN_OFFSET : offset));
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the relay's chain heads", e);
        }
    }

    void save(Map<Key, Head> changed) {
        if (changed.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO relay_chain_head (topic, partition_no, head_hash, event_count, head_offset) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (topic, partition_no) DO UPDATE
                     SET head_hash = EXCLUDED.head_hash, event_count = EXCLUDED.event_count, head_offset = EXCLUDED.head_offset""")) {
            for (Map.Entry<Key, Head> e : changed.entrySet()) {
                s.setString(1, e.getKey().topic());
                s.setInt(2, e.getKey().partition());
                s.setString(3, e.getValue().hash());
                s.setLong(4, e.getValue().count());
                if (e.getValue().offsetKnown()) {
                    s.setLong(5, e.getValue().offset());
                } else {
                    s.setNull(5, Types.BIGINT);
                }
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the relay's chain heads", e);
        }
    }

    /** The ids of events published but not met again yet, with their partition. */
    Map<String, Key> loadPending() {
        Map<String, Key> pending = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT event_id, topic, partition_no FROM relay_published_pending");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                pending.put(rs.getString(1), new Key(rs.getString(2), rs.getInt(3)));
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the relay's published events", e);
        }
    }

    /** Records {@code found} as published and not met yet, and forgets {@code met}. */
    void savePending(Map<String, Key> found, Collection<String> met) {
        if (found.isEmpty() && met.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!found.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO relay_published_pending (event_id, topic, partition_no) VALUES (?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")) {
                    for (Map.Entry<String, Key> e : found.entrySet()) {
                        s.setString(1, e.getKey());
                        s.setString(2, e.getValue().topic());
                        s.setInt(3, e.getValue().partition());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!met.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM relay_published_pending WHERE event_id = ANY (?)")) {
                    Array ids = c.createArrayOf("varchar", met.toArray());
                    s.setArray(1, ids);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the relay's published events", e);
        }
    }

    static Head genesis() {
        return new Head(HashChain.GENESIS, 0, -1);
    }
}
