package vn.thidua.evaluation.facts;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.consumer.IdempotentConsumer;
import vn.thidua.kit.kafka.KafkaSettings;

/**
 * The projection's consumer: every thidua topic that scoring needs, into the {@link FactStore}, and
 * in the same transaction to the {@link FactsListener} (the score tables) with the facts that are new.
 */
@Singleton
public class FactsConsumer {
    public static final String NAME = "evaluation-service.facts";
    /** The topics the projection reads. */
    public static final List<String> TOPICS = List.of(Topic.CAMPAIGN.address(), Topic.ROSTER.address(), Topic.PARTICIPATION.address(),
            Topic.APPRAISAL.address(), Topic.PERSONNEL.address());

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;

    public FactsConsumer(KafkaSettings kafka, DataSource dataSource, TransactionManager jta, FactsListener listener,
                         @ConfigProperty(name = "thidua.evaluation.max-poll-records", defaultValue = "2000") int maxPollRecords,
                         @ConfigProperty(name = "thidua.evaluation.transactions-per-poll", defaultValue = "2") int transactionsPerPoll) {
        this.dataSource = dataSource;
        // a poll's partitions in few transactions: the tables' work and the durable commit are paid per group, not per partition;
        // a large poll (a rebuild, a backlog) in parallel ones, so that more than one PostgreSQL backend works (DECISIONS 53)
        // the fact tables' keys make every write idempotent: no ledger of applied ids beside them (DECISIONS 53)
        this.consumer = IdempotentConsumer.keyed(NAME, kafka, TOPICS, maxPollRecords, dataSource, jta, (batch, c) -> {
            FactStore.Stored stored = FactStore.apply(batch, c);
            listener.applied(stored.facts(), c);
            return stored.applied();
        }).transactionsPerPoll(transactionsPerPoll);
    }

    // after the Axon configuration has created the topics
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        consumer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        consumer.close();
    }

    public IdempotentConsumer consumer() {
        return consumer;
    }

    /**
     * What the read model holds of the topics that feed the scores: the next offset of each partition
     * of the campaign, roster, participation and personnel topics, as committed with the facts.
     */
    public static List<PartitionOffset> watermark(Connection c) {
        List<PartitionOffset> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                     SELECT topic, partition_no, next_offset FROM consumer_position WHERE consumer = ? AND topic <> ?
                     ORDER BY topic, partition_no""")) {
            s.setString(1, NAME);
            s.setString(2, Topic.APPRAISAL.address());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PartitionOffset(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the projection's positions", e);
        }
    }

    /** Every position the consumer has committed (all five topics). */
    public List<PartitionOffset> positions() {
        List<PartitionOffset> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT topic, partition_no, next_offset FROM consumer_position WHERE consumer = ?")) {
            s.setString(1, NAME);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PartitionOffset(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the projection's positions", e);
        }
    }
}
