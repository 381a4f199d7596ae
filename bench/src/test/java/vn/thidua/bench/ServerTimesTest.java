package vn.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

class ServerTimesTest {
    private static final String METRICS = """
            # TYPE http_server_requests_seconds histogram
            # (Prometheus text 0.0.4 as Quarkus writes it: some lines end their labels with a comma)
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units",le="0.001",} 10.0
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units",le="0.01"} 90.0
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units",le="0.05"} 98.0
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units",le="0.1"} 100.0
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units",le="+Inf"} 100.0
            http_server_requests_seconds_bucket{method="GET",outcome="CLIENT_ERROR",status="404",uri="/api/scores/{year}/units",le="0.001"} 7.0
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/members/{memberId}",le="0.001"} 5.0
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/scores/{year}/units"} 100.0
            """;

    @Test
    void the_route_s_answers_with_200_only_are_read_and_a_percentile_is_interpolated_in_its_bucket() {
        NavigableMap<Double, Double> buckets = ServerTimes.buckets(METRICS, "/api/scores/{year}/units");
        assertThat(buckets).hasSize(5).containsEntry(0.001, 10.0).containsEntry(Double.POSITIVE_INFINITY, 100.0);
        // rank 50 falls in (1 ms, 10 ms] holding 80: 1 + 9 × 40/80 = 5.5 ms
        assertThat(ServerTimes.percentile(buckets, 50)).isCloseTo(0.0055, within(1e-9));
        // rank 99 falls in (50 ms, 100 ms] holding 2: 50 + 50 × 1/2 = 75 ms
        assertThat(ServerTimes.percentile(buckets, 99)).isCloseTo(0.075, within(1e-9));
        // rank 5 in the first bucket: 0 + 1 ms × 5/10
        assertThat(ServerTimes.percentile(buckets, 5)).isCloseTo(0.0005, within(1e-9));
    }
}
