package vn.thidua.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.chain.CanonicalJson;
import vn.thidua.contract.chain.Sha256Text;
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
        StringBuilder out = new StringBuilder(256 + 96 * members.size() + 160 * units.size());
        writeCanonical(out, () -> { });
        return out.toString();
    }

    /** SHA-256 (hex) of {@link #canonicalJson()}, hashed as it is written. */
    public String digest() {
        Sha256Text sha = new Sha256Text();
        writeCanonical(sha.buffer(), sha::drainIfFull);
        return sha.hex();
    }

    /**
     * Writes the canonical JSON, each object's names in their sorted order (RFC 8785; a test holds it to
     * the reference library), calling {@code lineWritten} after each member's and unit's line.
     */
    private void writeCanonical(StringBuilder out, Runnable lineWritten) {
        out.append("{\"members\":[");
        for (int i = 0; i < members.size(); i++) {
            MemberScore s = members.get(i);
            out.append(i == 0 ? "{\"fullName\":" : ",{\"fullName\":");
            CanonicalJson.string(s.fullName(), out);
            out.append(",\"memberId\":");
            CanonicalJson.string(s.memberId(), out);
            out.append(",\"rank\":").append(s.rank()).append(",\"score\":").append(s.score()).append('}');
            lineWritten.run();
        }
        out.append("],\"policyVersion\":");
        CanonicalJson.string(policyVersion, out);
        out.append(",\"units\":[");
        for (int i = 0; i < units.size(); i++) {
            UnitScore s = units.get(i);
            out.append(i == 0 ? "{\"collectivePoints\":" : ",{\"collectivePoints\":").append(s.collectivePoints())
                    .append(",\"coverage\":\"").append(s.coverage().toPlainString())
                    .append("\",\"membersWithRecords\":").append(s.membersWithRecords())
                    .append(",\"rank\":").append(s.rank())
                    .append(",\"rosterSize\":").append(s.rosterSize())
                    .append(",\"score\":\"").append(s.score().toPlainString())
                    .append("\",\"unitCode\":");
            CanonicalJson.string(s.unitCode(), out);
            out.append('}');
            lineWritten.run();
        }
        out.append("],\"year\":").append(year).append('}');
    }
}
