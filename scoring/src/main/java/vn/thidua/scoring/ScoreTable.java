package vn.thidua.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.chain.CanonicalJson;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.events.ParticipationKind;

/**
 * A year's score table under one policy: members and units with their ranks, and the records that
 * counted. Its {@link #digest()} is the SHA-256 of the RFC 8785 canonical JSON of the ranked
 * members and units (decimals as strings with two places), the value {@code AppraisalClosed} carries.
 */
public record ScoreTable(int year, String policyVersion, List<MemberScore> members, List<UnitScore> units,
                         List<CountedRecord> counted, long refused) {

    /** A member's score: Σ over campaigns of min(cap, points in that campaign and year), whatever unit. */
    public record MemberScore(int rank, String memberId, String fullName, int score) {
    }

    /**
     * A unit's score: members' points filed under the unit (capped per member and campaign) ÷ roster
     * size, plus the unit's own points (capped per campaign); coverage = share of the roster with a
     * counted record under the unit.
     */
    public record UnitScore(int rank, String unitCode, BigDecimal score, BigDecimal coverage, int collectivePoints, int rosterSize,
                            int membersWithRecords, List<RosterPoints> roster) {
    }

    /** A member on a unit's roster in the year and the points (capped per campaign) of their records filed under the unit. */
    public record RosterPoints(String memberId, int points) {
    }

    /** A record that counted, and its points. */
    public record CountedRecord(String recordId, String campaignId, String unitCode, String memberId, ParticipationKind kind,
                                LocalDate occurredOn, int points) {
    }

    /** The canonical JSON the digest is computed over. */
    public String canonicalJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("year", year);
        root.put("policyVersion", policyVersion);
        ArrayNode m = root.putArray("members");
        for (MemberScore s : members) {
            m.addObject().put("rank", s.rank()).put("memberId", s.memberId()).put("fullName", s.fullName()).put("score", s.score());
        }
        ArrayNode u = root.putArray("units");
        for (UnitScore s : units) {
            u.addObject().put("rank", s.rank()).put("unitCode", s.unitCode()).put("score", s.score().toPlainString())
                    .put("coverage", s.coverage().toPlainString()).put("collectivePoints", s.collectivePoints())
                    .put("rosterSize", s.rosterSize()).put("membersWithRecords", s.membersWithRecords());
        }
        return CanonicalJson.of(root);
    }

    /** SHA-256 (hex) of {@link #canonicalJson()}. */
    public String digest() {
        return HashChain.sha256Hex(canonicalJson());
    }
}
