package vn.thidua.titles.proposal;

import java.time.LocalDate;
import java.util.List;

/** The titles proposed for a year under one rule set: members sorted by id, units by code. */
public record Proposals(int year, String ruleSetVersion, LocalDate reviewedOn, List<MemberProposal> members, List<UnitProposal> units) {

    public Proposals {
        members = List.copyOf(members);
        units = List.copyOf(units);
    }

    public MemberProposal member(String memberId) {
        return members.stream().filter(m -> m.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member " + memberId + " in " + year));
    }

    public UnitProposal unit(String unitCode) {
        return units.stream().filter(u -> u.unitCode().equals(unitCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitCode + " in " + year));
    }
}
