package vn.thidua.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The year-end score table as a pure function of the log's facts: no clock, no I/O, no order of
 * arrival. evaluation-service and the audit tool call this very code.
 *
 * <p>A record counts for its year (the calendar year of {@code occurredOn}) when its campaign was
 * launched with a period containing the day, its unit was a recipient, and, for a member's record,
 * the member was on that unit's roster that day. What "the log" is for a closed year (the watermark)
 * is the caller's business: it passes only the facts up to it.
 */
public final class Scorer {
    private Scorer() {
    }

    public static ScoreTable score(int year, LogFacts facts, ScoringPolicy policy) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);

        // who counts: the rosters of the year (a member who moves is on both units' rosters)
        Map<String, Set<String>> rosterByUnit = new TreeMap<>();
        Map<String, LogFacts.Stay> latestStayByMember = new HashMap<>();
        for (LogFacts.Stay stay : facts.stays()) {
            if (stay.overlaps(first, last)) {
                rosterByUnit.computeIfAbsent(stay.unitCode(), k -> new TreeSet<>()).add(stay.memberId());
                latestStayByMember.merge(stay.memberId(), stay, Scorer::later);
            }
        }
        Set<String> units = new TreeSet<>(rosterByUnit.keySet());
        for (LogFacts.Campaign c : facts.campaigns().values()) {
            if (c.overlaps(year)) {
                units.addAll(c.recipients());
            }
        }

        // what counts
        List<ScoreTable.CountedRecord> counted = new ArrayList<>();
        long refused = 0;
        for (LogFacts.Record r : facts.records()) {
            if (r.occurredOn().getYear() != year) {
                continue;
            }
            if (counts(r, facts)) {
                counted.add(new ScoreTable.CountedRecord(r.recordId(), r.campaignId(), r.unitCode(), r.memberId(), r.kind(), r.occurredOn(),
                        policy.pointsOf(r.kind())));
                units.add(r.unitCode());
            } else {
                refused++;
            }
        }

        // points per (member, campaign), per (unit, member, campaign), per (unit, campaign) for the unit's own
        Map<String, Map<String, Integer>> memberCampaign = new HashMap<>();
        Map<String, Map<String, Map<String, Integer>>> unitMemberCampaign = new HashMap<>();
        Map<String, Map<String, Integer>> unitOwnCampaign = new HashMap<>();
        for (ScoreTable.CountedRecord r : counted) {
            if (r.memberId() == null) {
                unitOwnCampaign.computeIfAbsent(r.unitCode(), k -> new HashMap<>()).merge(r.campaignId(), r.points(), Integer::sum);
            } else {
                memberCampaign.computeIfAbsent(r.memberId(), k -> new HashMap<>()).merge(r.campaignId(), r.points(), Integer::sum);
                unitMemberCampaign.computeIfAbsent(r.unitCode(), k -> new HashMap<>()).computeIfAbsent(r.memberId(), k -> new HashMap<>())
                        .merge(r.campaignId(), r.points(), Integer::sum);
            }
        }
        List<ScoreTable.MemberScore> members = new ArrayList<>();
        for (Map.Entry<String, LogFacts.Stay> e : latestStayByMember.entrySet()) {
            members.add(new ScoreTable.MemberScore(0, e.getKey(), e.getValue().fullName(), capped(memberCampaign.get(e.getKey()), policy)));
        }
        members.sort(MEMBER_ORDER);
        List<ScoreTable.MemberScore> rankedMembers = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            ScoreTable.MemberScore s = members.get(i);
            rankedMembers.add(new ScoreTable.MemberScore(i + 1, s.memberId(), s.fullName(), s.score()));
        }

        List<ScoreTable.UnitScore> unitScores = new ArrayList<>();
        for (String unit : units) {
            Set<String> roster = rosterByUnit.getOrDefault(unit, Set.of());
            Map<String, Map<String, Integer>> byMember = unitMemberCampaign.getOrDefault(unit, Map.of());
            long memberPoints = 0;
            int withRecords = 0;
            List<ScoreTable.RosterPoints> rosterPoints = new ArrayList<>(roster.size());
            for (String member : roster) {
                Map<String, Integer> perCampaign = byMember.get(member);
                int points = capped(perCampaign, policy);
                rosterPoints.add(new ScoreTable.RosterPoints(member, points));
                if (perCampaign != null) {
                    memberPoints += points;
                    withRecords++;
                }
            }
            int collective = capped(unitOwnCampaign.get(unit), policy);
            int size = roster.size();
            unitScores.add(new ScoreTable.UnitScore(0, unit, unitScore(memberPoints, collective, size), coverage(withRecords, size), collective,
                    size, withRecords, List.copyOf(rosterPoints)));
        }
        return new ScoreTable(year, policy.version(), List.copyOf(rankedMembers), rankUnits(unitScores), List.copyOf(counted), refused);
    }

    /** The units in {@link #UNIT_ORDER}, each with its rank (1 first): the table's ranking, also of lines read back from storage. */
    public static List<ScoreTable.UnitScore> rankUnits(List<ScoreTable.UnitScore> units) {
        List<ScoreTable.UnitScore> ordered = new ArrayList<>(units);
        ordered.sort(UNIT_ORDER);
        List<ScoreTable.UnitScore> ranked = new ArrayList<>(ordered.size());
        for (ScoreTable.UnitScore s : ordered) {
            ranked.add(new ScoreTable.UnitScore(ranked.size() + 1, s.unitCode(), s.score(), s.coverage(), s.collectivePoints(), s.rosterSize(),
                    s.membersWithRecords(), s.roster()));
        }
        return List.copyOf(ranked);
    }

    /** The order of the members' table (rank 1 first): score, highest first, then member id. */
    public static final Comparator<ScoreTable.MemberScore> MEMBER_ORDER =
            Comparator.comparingInt(ScoreTable.MemberScore::score).reversed().thenComparing(ScoreTable.MemberScore::memberId);

    /** The order of the units' table (rank 1 first): score, then coverage, highest first, then unit code. */
    public static final Comparator<ScoreTable.UnitScore> UNIT_ORDER = Comparator.comparing(ScoreTable.UnitScore::score).reversed()
            .thenComparing(Comparator.comparing(ScoreTable.UnitScore::coverage).reversed())
            .thenComparing(ScoreTable.UnitScore::unitCode);

    /**
     * A unit's score: its members' points (each capped per campaign) ÷ roster size, plus its own
     * points; its own points alone when it has no roster. Two decimals, half up.
     */
    public static BigDecimal unitScore(long memberPoints, int collectivePoints, int rosterSize) {
        return rosterSize == 0
                ? BigDecimal.valueOf(collectivePoints).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(memberPoints + (long) collectivePoints * rosterSize)
                        .divide(BigDecimal.valueOf(rosterSize), 2, RoundingMode.HALF_UP);
    }

    /** A unit's coverage: the share of its roster with a counted record under it (0 with no roster). Two decimals, half up. */
    public static BigDecimal coverage(int membersWithRecords, int rosterSize) {
        return rosterSize == 0
                ? BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(membersWithRecords).divide(BigDecimal.valueOf(rosterSize), 2, RoundingMode.HALF_UP);
    }

    private static boolean counts(LogFacts.Record r, LogFacts facts) {
        LogFacts.Campaign campaign = facts.campaigns().get(r.campaignId());
        if (campaign == null || !campaign.covers(r.occurredOn()) || !campaign.recipients().contains(r.unitCode())) {
            return false;
        }
        if (r.memberId() == null) {
            return true;
        }
        for (LogFacts.Stay stay : facts.staysOf(r.unitCode(), r.memberId())) {
            if (stay.covers(r.occurredOn())) {
                return true;
            }
        }
        return false;
    }

    private static int capped(Map<String, Integer> pointsPerCampaign, ScoringPolicy policy) {
        return pointsPerCampaign == null ? 0 : policy.capped(pointsPerCampaign.values());
    }

    /** The stay that names a member in the table: the latest start, then the highest unit code. */
    private static LogFacts.Stay later(LogFacts.Stay a, LogFacts.Stay b) {
        int byDate = a.joinedOn().compareTo(b.joinedOn());
        if (byDate != 0) {
            return byDate > 0 ? a : b;
        }
        return a.unitCode().compareTo(b.unitCode()) >= 0 ? a : b;
    }
}
