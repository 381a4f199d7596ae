package vn.thidua.kit.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import vn.thidua.contract.chain.HashChain;

/**
 * The relay's chain heads, one row per topic partition, read and written inside the relay's
 * transaction (the same one that stores its token).
 */
final class ChainHeads {
    /** One partition's chain head. */
    record Head(String hash, long count) {
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
             PreparedStatement s = c.prepareStatement("SELECT topic, partition_no, head_hash, event_count FROM relay_chain_head");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                heads.put(new Key(rs.getString(1), rs.getInt(2)), new Head(rs.getString(3), rs.getLong(4)));
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
                     INSERT INTO relay_chain_head (topic, partition_no, head_hash, event_count) VALUES (?, ?, ?, ?)
                     ON CONFLICT (topic, partition_no) DO UPDATE SET head_hash = EXCLUDED.head_hash, event_count = EXCLUDED.event_count""")) {
            for (Map.Entry<Key, Head> e : changed.entrySet()) {
                s.setString(1, e.getKey().topic());
                s.setInt(2, e.getKey().partition());
                s.setString(3, e.getValue().hash());
                s.setLong(4, e.getValue().count());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the relay's chain heads", e);
        }
    }

    static Head genesis() {
        return new Head(HashChain.GENESIS, 0);
    }
}
