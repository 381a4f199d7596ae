package vn.thidua.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.contract.Text;

/**
 * The council's decision on the titles of {@code year} (quyết định công nhận danh hiệu thi đua),
 * signed by the Giám đốc Sở: every ballot the council cast, and every title awarded. A title is
 * awarded only if the year's proposals under rule set {@code ruleSetVersion} (facts up to
 * {@code watermark}, reviewed on {@code reviewedOn}) made it eligible and its ballot reached the rule
 * set's threshold; an auditor recomputes both. Recorded once per year.
 * Topic {@code thidua.award.v1}, key: the year.
 */
public record AwardDecided(
        int year,
        String ruleSetVersion,
        LocalDate reviewedOn,
        List<PartitionOffset> watermark,
        Decision decision,
        List<Ballot> ballots,
        List<Award> awards,
        String decidedBy,
        Instant decidedAt) implements ThiduaEvent {

    /** Who or what a title is for: a member (by member id) or a unit (by unit code). */
    public enum Subject { MEMBER, UNIT }

    /** The decision document: its number and symbol (số/ký hiệu), the day it was signed, the signer and their capacity. */
    public record Decision(String number, LocalDate signedOn, String signer, String signerPosition) {
        public Decision {
            number = Text.nfc(number);
            signer = Text.nfc(signer);
            signerPosition = Text.nfc(signerPosition);
        }
    }

    /** The council's secret ballot on one title of one subject: members of the council, votes for, and whether it passed. */
    public record Ballot(Subject subject, String subjectId, String title, int councilMembers, int votesFor, boolean passed) {
    }

    /** A title awarded to a member or a unit; {@code name} is the member's full name or the unit's code. */
    public record Award(Subject subject, String subjectId, String name, String title) {
        public Award {
            name = Text.nfc(name);
        }
    }

    public AwardDecided {
        watermark = List.copyOf(watermark);
        ballots = List.copyOf(ballots);
        awards = List.copyOf(awards);
        decidedBy = Text.nfc(decidedBy);
    }

    @Override
    public String partitionKey() {
        return Integer.toString(year);
    }
}
