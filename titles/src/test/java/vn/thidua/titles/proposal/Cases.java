package vn.thidua.titles.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.titles.input.Discipline;
import vn.thidua.titles.input.DisciplineProceeding;
import vn.thidua.titles.input.MemberYear;
import vn.thidua.titles.input.Participation;
import vn.thidua.titles.input.PersonnelFile;
import vn.thidua.titles.input.UnitYear;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.RuleSets;

/** Builders for the hand-computed cases: the year 2025, reviewed on 15/01/2026 under the default rule set. */
final class Cases {
    static final int YEAR = 2025;
    static final LocalDate REVIEW = LocalDate.of(2026, 1, 15);
    static final RuleSet DEFAULT = RuleSets.defaults().inForceOn(REVIEW);

    private Cases() {
    }

    /** A member who, unless changed, meets every Lao động tiên tiến criterion and nothing more. */
    static final class M {
        final String id;
        String name;
        List<String> units = List.of("VP");
        int records = 3;
        int initiatives = 0;
        LocalDate recruitedOn = LocalDate.of(2019, 3, 1);
        Rating rating = Rating.GOOD;
        final List<Discipline> disciplines = new ArrayList<>();
        final List<DisciplineProceeding> proceedings = new ArrayList<>();
        final List<String> research = new ArrayList<>();
        final List<String> provinceWide = new ArrayList<>();
        final TreeSet<Integer> baseFighterYears = new TreeSet<>();

        M(String id) {
            this.id = id;
            this.name = "Cán bộ " + id;
        }

        M rating(Rating r) {
            rating = r;
            return this;
        }

        M records(int n) {
            records = n;
            return this;
        }

        M initiatives(int n) {
            initiatives = n;
            records = Math.max(records, n);
            return this;
        }

        M recruitedOn(String day) {
            recruitedOn = LocalDate.parse(day);
            return this;
        }

        M disciplined(DisciplineLevel level, String from, String to) {
            disciplines.add(new Discipline(level, LocalDate.parse(from), to == null ? null : LocalDate.parse(to)));
            return this;
        }

        M name(String n) {
            name = n;
            return this;
        }

        MemberYear build() {
            return new MemberYear(id, name, units, new Participation(records, initiatives),
                    new PersonnelFile(recruitedOn, rating, disciplines, proceedings, research, provinceWide, baseFighterYears));
        }
    }

    static M m(String id) {
        return new M(id);
    }

    /** {@code n} members m01…, each as {@code shape} makes them. */
    static List<M> crowd(int n, IntFunction<M> shape) {
        List<M> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(shape.apply(i));
        }
        return all;
    }

    static Proposals propose(RuleSet rules, Rating unitRating, List<M> members) {
        List<MemberYear> built = members.stream().map(M::build).toList();
        Map<String, List<String>> rosters = new TreeMap<>();
        for (MemberYear m : built) {
            m.units().forEach(u -> rosters.computeIfAbsent(u, k -> new ArrayList<>()).add(m.memberId()));
        }
        List<UnitYear> units = rosters.entrySet().stream().map(e -> new UnitYear(e.getKey(), unitRating, e.getValue())).toList();
        return Proposer.propose(new YearInputs(YEAR, REVIEW, built, units), rules);
    }

    static Proposals propose(Rating unitRating, List<M> members) {
        return propose(DEFAULT, unitRating, members);
    }

    static MemberProposal one(M member) {
        return propose(Rating.GOOD, List.of(member)).member(member.id);
    }
}
