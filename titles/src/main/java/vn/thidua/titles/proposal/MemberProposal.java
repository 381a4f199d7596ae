package vn.thidua.titles.proposal;

import java.util.List;
import vn.thidua.titles.rules.Title;

/** A member's titles for the year, in {@link Title} order, and the units whose roster they were on. */
public record MemberProposal(String memberId, String fullName, List<String> units, List<TitleProposal> titles) {

    public MemberProposal {
        units = List.copyOf(units);
        titles = List.copyOf(titles);
    }

    public TitleProposal title(Title title) {
        return titles.stream().filter(t -> t.title() == title).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(title + " is not a member's title"));
    }
}
