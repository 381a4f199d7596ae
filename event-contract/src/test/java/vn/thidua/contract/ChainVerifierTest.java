package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.ChainVerifier;
import vn.thidua.contract.chain.ChainVerifier.Problem;
import vn.thidua.contract.chain.ChainVerifier.Verdict;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.envelope.EventAttributes;
import vn.thidua.contract.envelope.EventCodec;
import vn.thidua.contract.events.EventType;
import vn.thidua.contract.events.ParticipationKind;
import vn.thidua.contract.events.ParticipationRecorded;

class ChainVerifierTest {
    private static final String TOPIC = "thidua.participation.v1";

    /** An event as it sits in the log. */
    private record Entry(EventAttributes attributes, byte[] data) {
    }

    private static byte[] data(int i) {
        return EventCodec.instance().encode(new ParticipationRecorded("rec-" + i, "c1", "TTR", "CB-" + i,
                ParticipationKind.ACTIVITY, java.time.LocalDate.of(2023, 1, 1).plusDays(i), "Tham gia hoạt động số " + i, null));
    }

    private static EventAttributes unchained(int i, String aggregate, long sequence) {
        return EventAttributes.unchained("id-" + i, "/thidua/participation-service", EventType.PARTICIPATION_RECORDED.ceType(),
                Instant.parse("2023-01-01T00:00:00Z").plusSeconds(i), "TTR", "system:participation-service", aggregate, sequence);
    }

    /** Five events of one aggregate, chained in one partition. */
    private static List<Entry> log() {
        List<Entry> log = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < 5; i++) {
            byte[] data = data(i);
            EventAttributes a = unchained(i, "unit-TTR", i).chainedAfter(previous, data);
            log.add(new Entry(a, data));
            previous = a.hash();
        }
        return log;
    }

    private static ChainVerifier verify(List<Entry> log) {
        ChainVerifier verifier = new ChainVerifier();
        for (int offset = 0; offset < log.size(); offset++) {
            verifier.accept(TOPIC, 0, offset, log.get(offset).attributes(), log.get(offset).data());
        }
        verifier.finish();
        return verifier;
    }

    @Test
    void hash_is_sha256_of_previous_hash_and_canonical_json() throws Exception {
        Entry first = log().get(0);
        String canonical = HashChain.canonicalJson(first.attributes(), first.data());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HashChain.GENESIS.getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(first.attributes().hash()).isEqualTo(expected);
        // RFC 8785: keys sorted, no white space, the hash itself left out
        assertThat(canonical).startsWith("{\"actor\":\"system:participation-service\",\"aggregateid\":\"unit-TTR\",\"aggregatesequence\":\"0\",\"data\":{\"campaignId\":\"c1\"")
                .contains("\"description\":\"Tham gia hoạt động số 0\"")
                .doesNotContain("eventhash").doesNotContain(" :");
    }

    @Test
    void an_untouched_log_holds() {
        ChainVerifier verifier = verify(log());
        assertThat(verifier.findings()).isEmpty();
        assertThat(verifier.accepted()).isEqualTo(5);
    }

    @Test
    void altered_data_is_caught_where_it_is() {
        List<Entry> log = new ArrayList<>(log());
        Entry original = log.get(2);
        byte[] altered = new String(original.data(), StandardCharsets.UTF_8).replace("ACTIVITY", "INITIATIVE").getBytes(StandardCharsets.UTF_8);
        log.set(2, new Entry(original.attributes(), altered));

        List<ChainVerifier.Finding> findings = verify(log).findings();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).problem()).isEqualTo(Problem.ALTERED);
        assertThat(findings.get(0).offset()).isEqualTo(2);
        assertThat(findings.get(0).eventId()).isEqualTo("id-2");
    }

    @Test
    void a_removed_event_breaks_the_link_of_the_next_and_leaves_a_sequence_gap() {
        List<Entry> log = new ArrayList<>(log());
        log.remove(1);

        List<ChainVerifier.Finding> findings = verify(log).findings();

        assertThat(findings).extracting(ChainVerifier.Finding::problem).containsExactly(Problem.BROKEN_LINK, Problem.SEQUENCE_GAP);
        assertThat(findings.get(0).eventId()).isEqualTo("id-2");
        assertThat(findings.get(0).offset()).isEqualTo(1);
        assertThat(findings.get(1).sequence()).isEqualTo(1);
    }

    @Test
    void swapped_events_are_caught() {
        List<Entry> log = new ArrayList<>(log());
        Entry third = log.get(3);
        log.set(3, log.get(2));
        log.set(2, third);

        List<ChainVerifier.Finding> findings = verify(log).findings();

        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).problem()).isEqualTo(Problem.BROKEN_LINK);
        assertThat(findings.get(0).offset()).isEqualTo(2);
    }

    @Test
    void a_forged_event_with_a_valid_envelope_but_a_wrong_chain_is_caught() {
        List<Entry> log = new ArrayList<>(log());
        byte[] data = data(99);
        EventAttributes forged = unchained(99, "unit-TTR", 5).chainedAfter(HashChain.GENESIS, data);
        log.add(new Entry(forged, data));

        List<ChainVerifier.Finding> findings = verify(log).findings();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).problem()).isEqualTo(Problem.BROKEN_LINK);
        assertThat(findings.get(0).eventId()).isEqualTo("id-99");
    }

    @Test
    void a_duplicate_delivery_is_counted_once_and_is_not_tampering() {
        List<Entry> log = new ArrayList<>(log());
        // a relay that crashed after sending events 3 and 4 sends them again
        log.add(log.get(3));
        log.add(log.get(4));
        byte[] data = data(5);
        log.add(new Entry(unchained(5, "unit-TTR", 5).chainedAfter(log.get(4).attributes().hash(), data), data));

        ChainVerifier verifier = new ChainVerifier();
        List<Verdict> verdicts = new ArrayList<>();
        for (int offset = 0; offset < log.size(); offset++) {
            verdicts.add(verifier.accept(TOPIC, 0, offset, log.get(offset).attributes(), log.get(offset).data()));
        }

        assertThat(verifier.finish()).isEmpty();
        assertThat(verdicts.subList(5, 7)).containsOnly(Verdict.DUPLICATE);
        assertThat(verifier.accepted()).isEqualTo(6);
        assertThat(verifier.duplicates()).isEqualTo(2);
    }

    @Test
    void the_same_id_with_other_content_is_not_a_duplicate() {
        List<Entry> log = new ArrayList<>(log());
        Entry first = log.get(0);
        log.add(new Entry(first.attributes(), data(42)));

        assertThat(verify(log).findings()).extracting(ChainVerifier.Finding::problem).containsExactly(Problem.CONFLICTING_DUPLICATE);
    }

    @Test
    void two_events_at_one_aggregate_sequence_are_caught() {
        List<Entry> log = new ArrayList<>(log());
        byte[] data = data(7);
        log.add(new Entry(unchained(7, "unit-TTR", 2).chainedAfter(log.get(4).attributes().hash(), data), data));

        List<ChainVerifier.Finding> findings = verify(log).findings();

        assertThat(findings).extracting(ChainVerifier.Finding::problem).containsExactly(Problem.SEQUENCE_TAKEN);
        assertThat(findings.get(0).sequence()).isEqualTo(2);
    }
}
