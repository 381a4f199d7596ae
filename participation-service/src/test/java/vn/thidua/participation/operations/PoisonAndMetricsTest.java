package vn.thidua.participation.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Topic;
import vn.thidua.participation.Fixtures;
import vn.thidua.participation.catalog.CatalogConsumer;

/**
 * Poison records on the campaign topic, one before a valid launch in every partition: each is parked
 * (kept in rejected_event, counted in the metrics), the launch after it is applied (the partition is
 * not blocked) and the service keeps answering. The operator's meters are on /q/metrics.
 */
@QuarkusTest
class PoisonAndMetricsTest {
    private static final String CONSUMER = "participation-service.catalog";
    private static final String CAMPAIGN = "sau-ban-ghi-hong";

    @Inject
    DataSource dataSource;
    @Inject
    CatalogConsumer catalog;

    @Test
    void a_poison_record_is_parked_counted_and_the_partition_goes_on() throws Exception {
        int partitions = ConfigProvider.getConfig().getValue("thidua.kafka.partitions", Integer.class);
        long parkedBefore = parkedRows();
        double parkedMetricBefore = parkedMetric();
        for (int p = 0; p < partitions; p++) {
            // no CloudEvents headers, not JSON: what a misconfigured producer would write
            Fixtures.campaignService().send(new ProducerRecord<>(Topic.CAMPAIGN.address(), p, CAMPAIGN,
                    "{\"không phải\": sự kiện".getBytes(StandardCharsets.UTF_8)));
        }
        Fixtures.campaignService().publish(CAMPAIGN, Fixtures.campaign(CAMPAIGN, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "VP"));

        // the launch behind the poison in its partition is applied: the service knows the campaign
        Fixtures.awaitCampaignKnown(CAMPAIGN);
        Fixtures.await("the poison records parked", Duration.ofSeconds(30), () -> parkedRows() >= parkedBefore + partitions);
        assertThat(parkedMetric()).isGreaterThanOrEqualTo(parkedMetricBefore + partitions);
        assertThat(catalog.consumer().applied()).isPositive();

        // the consumer has read everything: its lag per partition drops to 0, one series per partition of its topics
        Fixtures.await("the catalog consumer's lag to be 0", Duration.ofSeconds(30), () -> {
            List<Double> lags = values(metrics(), "thidua_consumer_lag", "consumer=\"" + CONSUMER + "\"", "topic=\"" + Topic.CAMPAIGN.address() + "\"");
            return lags.size() == partitions && lags.stream().allMatch(v -> v == 0);
        });
    }

    @Test
    void the_operators_meters_are_on_q_metrics() {
        Fixtures.join("VP", "CB-OPS-" + System.nanoTime(), "Đặng Thị Mai", "2023-01-01");
        Fixtures.await("the relay to pass every stored event", Duration.ofSeconds(30), () -> {
            List<Double> lag = values(metrics(), "thidua_relay_lag", "service=\"participation-service\"");
            return lag.size() == 1 && lag.get(0) == 0;
        });
        String metrics = metrics();
        List<Double> requests = values(metrics, "http_server_requests_seconds_count", "uri=\"/api/units/{code}/members/{memberId}\"");
        assertThat(requests).as("request latency of the roster call").isNotEmpty();
        assertThat(requests.stream().mapToDouble(Double::doubleValue).sum()).isGreaterThanOrEqualTo(1);
        assertThat(values(metrics, "thidua_consumer_parked_total", "consumer=\"" + CONSUMER + "\"")).hasSize(1);
        assertThat(values(metrics, "thidua_consumer_applied_total", "consumer=\"" + CONSUMER + "\"")).hasSize(1);
        // the campaigns of the fixtures reached the catalog: at least one batch applied and timed
        Fixtures.await("a batch of the catalog consumer timed", Duration.ofSeconds(30), () -> {
            List<Double> batches = values(metrics(), "thidua_consumer_batch_seconds_count", "consumer=\"" + CONSUMER + "\"");
            return batches.size() == 1 && batches.get(0) >= 1;
        });
    }

    private static String metrics() {
        return vn.thidua.testsupport.SignedIn.as(vn.thidua.testsupport.TestTokens.auditor()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The values of the series of {@code name} whose labels include every one of {@code labels}. */
    private static List<Double> values(String metrics, String name, String... labels) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)\\}\\s+(\\S+)$").matcher(metrics);
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1).contains(label);
            }
            if (all) {
                out.add(Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }

    private static double parkedMetric() {
        List<Double> v = values(metrics(), "thidua_consumer_parked_total", "consumer=\"" + CONSUMER + "\"");
        return v.isEmpty() ? 0 : v.get(0);
    }

    private long parkedRows() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM rejected_event WHERE consumer = ? AND topic = ?")) {
            s.setString(1, CONSUMER);
            s.setString(2, Topic.CAMPAIGN.address());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
