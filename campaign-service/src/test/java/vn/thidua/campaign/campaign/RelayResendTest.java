package vn.thidua.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;
import static vn.thidua.testsupport.SignedIn.given;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.thidua.campaign.SeedData;
import vn.thidua.campaign.config.AxonConfiguration;
import vn.thidua.contract.envelope.KafkaBinding;
import vn.thidua.contract.envelope.PublishedEvent;
import vn.thidua.contract.events.Topic;
import vn.thidua.kit.relay.KafkaOutboxRelay;
import vn.thidua.testsupport.TopicReader;

/**
 * A relay batch whose sends Kafka took but whose transaction never committed (broker lost, relay
 * killed): the saved heads and token are put back to before it, as the crash leaves them, and its
 * events come back in the reverse order; the relay started again sends none of them twice, and chains
 * new events after the log's real end.
 */
@QuarkusTest
class RelayResendTest {
    private static final Logger LOG = Logger.getLogger(RelayResendTest.class);
    private static final List<String> TOPICS = List.of(Topic.CAMPAIGN.address(), Topic.NOTIFICATION.address());

    @Inject
    AxonConfiguration axon;
    @Inject
    DataSource dataSource;

    @Test
    void events_sent_by_a_batch_that_did_not_commit_are_not_sent_again_and_new_events_chain_after_them() throws SQLException {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(oneOf(200, 201));
        String first = SeedScenarioTest.launch(SeedData.phaseCampaign());
        awaitRelayed(Set.of(first), 6);

        axon.service().relay().shutDown();
        List<Object[]> heads = rows("SELECT topic, partition_no, head_hash, event_count, head_offset FROM relay_chain_head");
        List<Object[]> token = rows("SELECT token, token_type FROM token_entry WHERE processor_name = '" + KafkaOutboxRelay.PROCESSOR + "'");
        assertThat(heads).isNotEmpty();
        assertThat(token).hasSize(1);
        axon.service().relay().start();

        String resent = SeedScenarioTest.launch(SeedData.phaseCampaign());
        given().post("/api/campaigns/" + resent + "/acknowledgements/VP").then().statusCode(201);
        awaitRelayed(Set.of(first, resent), 13);

        // what a batch that failed after its sends were acknowledged leaves: its events on Kafka, the heads and token of before
        axon.service().relay().shutDown();
        restoreHeads(heads);
        execute("UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = '" + KafkaOutboxRelay.PROCESSOR + "'", token.get(0));
        // and the batch's events come back in another order, as when transactions commit late and fill gaps of the token
        List<Object[]> indexes = rows("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = '" + resent + "' ORDER BY global_index");
        assertThat(indexes).hasSize(7);
        execute("UPDATE domain_event_entry SET global_index = -global_index WHERE aggregate_identifier = ?", resent);
        for (int i = 0; i < indexes.size(); i++) {
            execute("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", indexes.get(indexes.size() - 1 - i)[0],
                    -((Long) indexes.get(i)[0]));
        }
        axon.service().relay().start();

        String after = SeedScenarioTest.launch(SeedData.phaseCampaign());
        List<ConsumerRecord<String, byte[]>> log = awaitRelayed(Set.of(first, resent, after), 19);

        List<String> ids = log.stream().map(r -> KafkaBinding.fromRecord(r, false).attributes().id()).toList();
        assertThat(ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values()).containsOnly(1L);
        List<PublishedEvent> ours = SeedScenarioTest.eventsOf(log, Set.of(first, resent, after));
        assertThat(ours).hasSize(19);
        assertThat(ours.stream().filter(e -> e.attributes().aggregateId().equals(after)).map(e -> e.attributes().aggregateSequence()))
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        SeedScenarioTest.assertChainsHold(log);
        assertThat(rows("SELECT event_id FROM relay_published_pending")).as("every published event met again").isEmpty();
        assertThat(rows("SELECT topic FROM relay_chain_head WHERE head_offset IS NULL")).isEmpty();

        // under one claim, after a batch that committed, the relay does not ask Kafka again (it was the only writer since)
        Timer check = Metrics.globalRegistry.find("thidua.relay.tail.check").tag("tail", "none").timer();
        Timer skipped = Metrics.globalRegistry.find("thidua.relay.tail.check").tag("tail", "skipped").timer();
        assertThat(check).isNotNull();
        long count = check.count();
        long skippedBefore = skipped.count();
        double total = check.totalTime(TimeUnit.MILLISECONDS);
        Set<String> more = new java.util.HashSet<>(Set.of(first, resent, after));
        for (int i = 0; i < 5; i++) {
            more.add(SeedScenarioTest.launch(SeedData.phaseCampaign()));
            awaitRelayed(more, 19 + 6 * (i + 1));
        }
        LOG.infof("the relay's start of batch under one claim: %d batches did not ask Kafka; %d checked with nothing to read, mean %.2f ms",
                skipped.count() - skippedBefore, check.count() - count,
                (check.totalTime(TimeUnit.MILLISECONDS) - total) / Math.max(1, check.count() - count));
        assertThat(skipped.count() - skippedBefore).as("batches that did not ask Kafka for its end offsets").isPositive();
    }

    @Test
    void events_published_but_not_met_yet_are_kept_and_skipped_after_another_restart() throws SQLException {
        SeedData.registerUnits();
        given().contentType(ContentType.JSON).body(SeedData.plan132()).post("/api/plans").then().statusCode(oneOf(200, 201));
        String first = SeedScenarioTest.launch(SeedData.phaseCampaign());
        awaitRelayed(Set.of(first), 6);
        axon.service().relay().shutDown();
        List<Object[]> heads = rows("SELECT topic, partition_no, head_hash, event_count, head_offset FROM relay_chain_head");
        axon.service().relay().start();

        String resent = SeedScenarioTest.launch(SeedData.phaseCampaign());
        awaitRelayed(Set.of(first, resent), 12);
        List<Object[]> events = rows("SELECT global_index, event_identifier FROM domain_event_entry WHERE aggregate_identifier = '" + resent
                + "' ORDER BY global_index");
        assertThat(events).hasSize(6);

        // the heads of before the batch, and a token past its first three events: those three are on Kafka and not met again
        axon.service().relay().shutDown();
        restoreHeads(heads);
        TokenStore tokens = axon.service().axon().eventProcessingConfiguration().tokenStore(KafkaOutboxRelay.PROCESSOR);
        QuarkusTransaction.requiringNew().run(() -> tokens.storeToken(
                GapAwareTrackingToken.newInstance((Long) events.get(2)[0], new TreeSet<>()), KafkaOutboxRelay.PROCESSOR, 0));
        tokens.releaseClaim(KafkaOutboxRelay.PROCESSOR, 0);
        axon.service().relay().start();
        String second = SeedScenarioTest.launch(SeedData.phaseCampaign());
        awaitRelayed(Set.of(first, resent, second), 18);
        List<String> notMet = events.subList(0, 3).stream().map(e -> (String) e[1]).toList();
        assertThat(rows("SELECT event_id FROM relay_published_pending").stream().map(r -> (String) r[0]))
                .containsExactlyInAnyOrderElementsOf(notMet);

        // a later run meets them, as gaps of its token that fill (the heads are the log's end by now: only the kept ids tell they are published)
        axon.service().relay().shutDown();
        long end = (Long) rows("SELECT max(global_index) FROM domain_event_entry").get(0)[0];
        TreeSet<Long> gaps = new TreeSet<>(events.subList(0, 3).stream().map(e -> (Long) e[0]).toList());
        QuarkusTransaction.requiringNew().run(() -> tokens.storeToken(GapAwareTrackingToken.newInstance(end, gaps), KafkaOutboxRelay.PROCESSOR, 0));
        tokens.releaseClaim(KafkaOutboxRelay.PROCESSOR, 0);
        axon.service().relay().start();
        String third = SeedScenarioTest.launch(SeedData.phaseCampaign());
        List<ConsumerRecord<String, byte[]>> log = awaitRelayed(Set.of(first, resent, second, third), 24);
        assertThat(log.stream().map(r -> KafkaBinding.fromRecord(r, false).attributes().id())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values()).containsOnly(1L);
        assertThat(SeedScenarioTest.eventsOf(log, Set.of(first, resent, second, third))).hasSize(24);
        SeedScenarioTest.assertChainsHold(log);
        assertThat(rows("SELECT event_id FROM relay_published_pending")).isEmpty();
    }

    private void restoreHeads(List<Object[]> heads) throws SQLException {
        execute("DELETE FROM relay_chain_head");
        for (Object[] head : heads) {
            execute("INSERT INTO relay_chain_head (topic, partition_no, head_hash, event_count, head_offset) VALUES (?, ?, ?, ?, ?)", head);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRelayed(Set<String> campaigns, int events) {
        List<ConsumerRecord<String, byte[]>> read = TopicReader.readUntil(SeedScenarioTest.bootstrap(), TOPICS,
                r -> SeedScenarioTest.eventsOf(r, campaigns).size() >= events, Duration.ofSeconds(60));
        assertThat(SeedScenarioTest.eventsOf(read, campaigns)).hasSizeGreaterThanOrEqualTo(events);
        return read;
    }

    private List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
