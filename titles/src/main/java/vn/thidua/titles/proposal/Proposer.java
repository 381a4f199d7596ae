package vn.thidua.titles.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;
import vn.thidua.titles.input.Discipline;
import vn.thidua.titles.input.DisciplineProceeding;
import vn.thidua.titles.input.MemberYear;
import vn.thidua.titles.input.PersonnelFile;
import vn.thidua.titles.input.UnitYear;
import vn.thidua.titles.input.YearInputs;
import vn.thidua.titles.rules.Criterion;
import vn.thidua.titles.rules.Rule;
import vn.thidua.titles.rules.RuleSet;
import vn.thidua.titles.rules.Title;

/**
 * The titles the law allows for a year, as a pure function of its inputs and a rule set: every
 * member and unit, every title, every criterion with the fact that decided it and its citation. No
 * clock, no I/O; the same inputs give the same proposals, in the same order.
 *
 * <p>Members are decided first (Lao động tiên tiến, then Chiến sĩ thi đua cơ sở, then cấp tỉnh),
 * units from their roster's results. A title is proposed when all its criteria are met; the
 * council decides.
 */
public final class Proposer {
    private final YearInputs in;
    private final RuleSet rules;
    private final int year;
    private final Map<String, MemberYear> members = new HashMap<>();
    private final Map<String, MemberProposal> proposed = new HashMap<>();

    private Proposer(YearInputs in, RuleSet rules) {
        this.in = in;
        this.rules = rules;
        this.year = in.year();
        in.members().forEach(m -> members.put(m.memberId(), m));
    }

    public static Proposals propose(YearInputs inputs, RuleSet rules) {
        return new Proposer(inputs, rules).run();
    }

    private Proposals run() {
        List<MemberProposal> memberProposals = new ArrayList<>();
        for (MemberYear m : in.members()) {
            MemberProposal p = member(m);
            proposed.put(m.memberId(), p);
            memberProposals.add(p);
        }
        List<UnitProposal> unitProposals = in.units().stream().map(this::unit).toList();
        return new Proposals(year, rules.version(), in.reviewedOn(), memberProposals, unitProposals);
    }

    // ---- members

    private MemberProposal member(MemberYear m) {
        PersonnelFile file = m.file();
        TitleProposal advanced = new TitleProposal(Title.ADVANCED_WORKER, List.of(
                memberRating(Criterion.ADVANCED_WORKER_RATING, file.rating()),
                participation(m),
                serviceTime(file.recruitedOn()),
                noDiscipline(file)));
        TitleProposal base = new TitleProposal(Title.BASE_EMULATION_FIGHTER, List.of(
                result(Criterion.BASE_FIGHTER_ADVANCED_WORKER, advanced.proposed(),
                        (advanced.proposed() ? "đủ" : "không đủ") + " tiêu chuẩn " + Title.ADVANCED_WORKER.label() + " năm " + year),
                distinction(m)));
        TitleProposal provincial = new TitleProposal(Title.PROVINCIAL_EMULATION_FIGHTER, List.of(
                consecutiveYears(file, base.proposed()),
                provinceInitiative(file)));
        return new MemberProposal(m.memberId(), m.fullName(), m.units(), List.of(advanced, base, provincial));
    }

    private CriterionResult memberRating(Criterion criterion, Rating rating) {
        Rating minimum = rules.rule(criterion).rating("minimumRating");
        return result(criterion, rating != null && rating.atLeast(minimum), Wording.rating(rating, year));
    }

    private CriterionResult participation(MemberYear m) {
        int minimum = rules.rule(Criterion.ADVANCED_WORKER_PARTICIPATION).count("minimumCountedRecords");
        int counted = m.participation().countedRecords();
        boolean met = counted >= minimum;
        String fact = counted == 0
                ? "không có bản ghi tham gia phong trào nào được tính trong năm " + year
                : counted + " bản ghi tham gia phong trào được tính trong năm " + year;
        return result(Criterion.ADVANCED_WORKER_PARTICIPATION, met, met ? fact : fact + ", cần ít nhất " + minimum);
    }

    private CriterionResult serviceTime(LocalDate recruitedOn) {
        int months = rules.rule(Criterion.ADVANCED_WORKER_SERVICE_TIME).count("minimumMonths");
        if (recruitedOn == null) {
            return result(Criterion.ADVANCED_WORKER_SERVICE_TIME, false, "chưa có ngày tuyển dụng");
        }
        // the year ends as 1 January of the next begins: recruited on 1 July has served its 6 months
        boolean met = !recruitedOn.plusMonths(months).isAfter(LocalDate.of(year + 1, 1, 1));
        return result(Criterion.ADVANCED_WORKER_SERVICE_TIME, met, "tuyển dụng ngày " + Wording.day(recruitedOn) + ", "
                + (met ? "đủ " : "chưa đủ ") + months + " tháng đến hết năm " + year);
    }

    private CriterionResult noDiscipline(PersonnelFile file) {
        List<String> found = new ArrayList<>();
        disciplinesInYear(file, d -> true).forEach(d -> found.add(Wording.discipline(d)));
        file.proceedings().stream().filter(p -> p.pendingOn(in.reviewedOn()))
                .sorted(Comparator.comparing(DisciplineProceeding::openedOn))
                .forEach(p -> found.add("đang bị xem xét kỷ luật từ " + Wording.day(p.openedOn())));
        return result(Criterion.ADVANCED_WORKER_NO_DISCIPLINE, found.isEmpty(), found.isEmpty()
                ? "không bị kỷ luật trong năm " + year + ", không bị xem xét kỷ luật ngày " + Wording.day(in.reviewedOn())
                : String.join("; ", found));
    }

    private CriterionResult distinction(MemberYear m) {
        Rule rule = rules.rule(Criterion.BASE_FIGHTER_DISTINCTION);
        Rating rating = m.file().rating();
        int initiatives = m.participation().initiatives();
        List<String> grounds = new ArrayList<>();
        if (rating != null && rating.atLeast(rule.rating("rating"))) {
            grounds.add(Wording.rating(rating, year));
        }
        if (initiatives >= rule.count("minimumInitiatives")) {
            grounds.add(initiatives + " sáng kiến được công nhận");
        }
        m.file().acceptedResearch().forEach(r -> grounds.add("đề tài được nghiệm thu: " + r));
        if (!grounds.isEmpty()) {
            return result(Criterion.BASE_FIGHTER_DISTINCTION, true, String.join("; ", grounds));
        }
        return result(Criterion.BASE_FIGHTER_DISTINCTION, false, Wording.rating(rating, year) + ", " + initiatives
                + " sáng kiến được công nhận (cần " + rule.count("minimumInitiatives") + "), không có đề tài được nghiệm thu");
    }

    private CriterionResult consecutiveYears(PersonnelFile file, boolean baseFighterThisYear) {
        int years = rules.rule(Criterion.PROVINCIAL_FIGHTER_CONSECUTIVE_YEARS).count("years");
        int first = year - years + 1;
        List<String> missing = new ArrayList<>();
        for (int y = first; y < year; y++) {
            if (!file.baseFighterYears().contains(y)) {
                missing.add(String.valueOf(y));
            }
        }
        if (!baseFighterThisYear) {
            missing.add(String.valueOf(year));
        }
        String span = years + " năm liên tục " + Title.BASE_EMULATION_FIGHTER.label() + " (" + first + "–" + year + ")";
        return result(Criterion.PROVINCIAL_FIGHTER_CONSECUTIVE_YEARS, missing.isEmpty(), missing.isEmpty()
                ? span + ", năm " + year + " theo đề nghị này"
                : "chưa đủ " + span + ": thiếu năm " + String.join(", ", missing));
    }

    private CriterionResult provinceInitiative(PersonnelFile file) {
        List<String> applied = file.provinceWideInitiatives();
        return result(Criterion.PROVINCIAL_FIGHTER_PROVINCE_INITIATIVE, !applied.isEmpty(), applied.isEmpty()
                ? "không có sáng kiến được áp dụng trong toàn tỉnh"
                : "sáng kiến được áp dụng trong toàn tỉnh: " + String.join("; ", applied));
    }

    // ---- units

    private UnitProposal unit(UnitYear u) {
        TitleProposal advanced = new TitleProposal(Title.ADVANCED_COLLECTIVE, List.of(
                unitRating(Criterion.ADVANCED_COLLECTIVE_RATING, u),
                advancedWorkerShare(Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE, u),
                noSeriousDiscipline(u)));
        TitleProposal excellent = new TitleProposal(Title.EXCELLENT_COLLECTIVE, List.of(
                unitRating(Criterion.EXCELLENT_COLLECTIVE_RATING, u),
                allRated(u),
                advancedWorkerShare(Criterion.EXCELLENT_COLLECTIVE_ADVANCED_WORKER_SHARE, u),
                baseFighters(u)));
        return new UnitProposal(u.unitCode(), u.rosterSize(), List.of(advanced, excellent), List.of(excellentShare(u)));
    }

    private CriterionResult unitRating(Criterion criterion, UnitYear u) {
        Rating minimum = rules.rule(criterion).rating("minimumRating");
        return result(criterion, u.rating() != null && u.rating().atLeast(minimum), "đơn vị " + Wording.rating(u.rating(), year));
    }

    private CriterionResult advancedWorkerShare(Criterion criterion, UnitYear u) {
        BigDecimal minimum = rules.rule(criterion).share("minimumShare");
        int size = u.rosterSize();
        if (size == 0) {
            return result(criterion, false, "đơn vị không có ai trong danh sách năm " + year);
        }
        int advanced = count(u, m -> proposed.get(m.memberId()).title(Title.ADVANCED_WORKER).proposed());
        // exact: advanced / size ≥ minimum, without rounding the share
        boolean met = BigDecimal.valueOf(advanced).compareTo(minimum.multiply(BigDecimal.valueOf(size))) >= 0;
        return result(criterion, met, advanced + "/" + size + " người (" + Wording.percent(advanced, size) + ") đạt "
                + Title.ADVANCED_WORKER.label() + ", cần từ " + Wording.percent(minimum));
    }

    private CriterionResult noSeriousDiscipline(UnitYear u) {
        DisciplineLevel from = rules.rule(Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE).level("fromLevel");
        List<String> found = new ArrayList<>();
        for (String id : u.roster()) {
            MemberYear m = members.get(id);
            disciplinesInYear(m.file(), d -> d.level().atLeast(from)).forEach(d -> found.add(m.fullName() + ": " + Wording.discipline(d)));
        }
        return result(Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE, found.isEmpty(), found.isEmpty()
                ? "không ai bị kỷ luật từ " + from.label() + " trở lên trong năm " + year
                : String.join("; ", found));
    }

    private CriterionResult allRated(UnitYear u) {
        Rating minimum = rules.rule(Criterion.EXCELLENT_COLLECTIVE_ALL_RATED).rating("minimumRating");
        int size = u.rosterSize();
        if (size == 0) {
            return result(Criterion.EXCELLENT_COLLECTIVE_ALL_RATED, false, "đơn vị không có ai trong danh sách năm " + year);
        }
        List<String> below = new ArrayList<>();
        for (String id : u.roster()) {
            MemberYear m = members.get(id);
            Rating r = m.file().rating();
            if (r == null || !r.atLeast(minimum)) {
                below.add(m.fullName() + ": " + (r == null ? "chưa có xếp loại" : r.label()));
            }
        }
        String fact = (size - below.size()) + "/" + size + " người xếp loại từ " + minimum.label() + " trở lên";
        return result(Criterion.EXCELLENT_COLLECTIVE_ALL_RATED, below.isEmpty(), below.isEmpty() ? fact : fact + "; " + String.join("; ", below));
    }

    private CriterionResult baseFighters(UnitYear u) {
        int minimum = rules.rule(Criterion.EXCELLENT_COLLECTIVE_BASE_FIGHTERS).count("minimumCount");
        int fighters = count(u, m -> proposed.get(m.memberId()).title(Title.BASE_EMULATION_FIGHTER).proposed());
        return result(Criterion.EXCELLENT_COLLECTIVE_BASE_FIGHTERS, fighters >= minimum, fighters + " người đạt "
                + Title.BASE_EMULATION_FIGHTER.label() + ", cần ít nhất " + minimum);
    }

    /** Excellent ratings against the ratings good or better of the roster; above the share is a warning, never a refusal. */
    private CriterionResult excellentShare(UnitYear u) {
        Rule rule = rules.rule(Criterion.EXCELLENT_RATING_SHARE);
        boolean excellentUnit = u.rating() == Rating.EXCELLENT;
        BigDecimal maximum = excellentUnit ? rule.share("maximumShareInExcellentUnit") : rule.share("maximumShare");
        int excellent = count(u, m -> m.file().rating() == Rating.EXCELLENT);
        int goodOrBetter = count(u, m -> m.file().rating() != null && m.file().rating().atLeast(Rating.GOOD));
        boolean within = BigDecimal.valueOf(excellent).compareTo(maximum.multiply(BigDecimal.valueOf(goodOrBetter))) <= 0;
        String fact = excellent + " người " + Rating.EXCELLENT.label() + " trên " + goodOrBetter + " người từ " + Rating.GOOD.label()
                + " trở lên" + (goodOrBetter == 0 ? "" : " (" + Wording.percent(excellent, goodOrBetter) + ")")
                + ", tối đa " + Wording.percent(maximum) + (excellentUnit ? " vì đơn vị " + Wording.rating(Rating.EXCELLENT, year) : "");
        return new CriterionResult(Criterion.EXCELLENT_RATING_SHARE, within ? Outcome.MET : Outcome.WARNING, fact, rule.citation());
    }

    // ---- shared

    private List<Discipline> disciplinesInYear(PersonnelFile file, Predicate<Discipline> which) {
        return file.disciplines().stream().filter(d -> d.inForceIn(year)).filter(which)
                .sorted(Comparator.comparing(Discipline::from).thenComparing(Discipline::level)).collect(Collectors.toList());
    }

    private int count(UnitYear u, Predicate<MemberYear> which) {
        return (int) u.roster().stream().map(members::get).filter(which).count();
    }

    private CriterionResult result(Criterion criterion, boolean met, String fact) {
        return new CriterionResult(criterion, met ? Outcome.MET : Outcome.NOT_MET, fact, rules.rule(criterion).citation());
    }
}
