package vn.thidua.participation.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Rating;

/** The excellent share: counted against the members rated good or better (excellent included); above the limit, a warning. */
class ExcellentShareTest {

    private static List<Rating> ratings(int excellent, int good, int completed, int notCompleted) {
        List<Rating> r = new ArrayList<>();
        r.addAll(Collections.nCopies(excellent, Rating.EXCELLENT));
        r.addAll(Collections.nCopies(good, Rating.GOOD));
        r.addAll(Collections.nCopies(completed, Rating.COMPLETED));
        r.addAll(Collections.nCopies(notCompleted, Rating.NOT_COMPLETED));
        return r;
    }

    @Test
    void exactly_20_percent_of_the_good_or_better_is_within_the_limit() {
        // 2 excellent of 10 good-or-better (2 + 8); the 5 rated lower do not count
        ExcellentShare share = ExcellentShare.of(ratings(2, 8, 4, 1), Rating.GOOD);
        assertThat(share).isEqualTo(new ExcellentShare(2, 10, 20));
        assertThat(share.aboveLimit()).isFalse();
        assertThat(share.warnings("TTR", 2023)).isEmpty();
    }

    @Test
    void one_more_excellent_is_above_it_and_warns() {
        // 3 of 11 = 27%
        ExcellentShare share = ExcellentShare.of(ratings(3, 8, 0, 0), null);
        assertThat(share.aboveLimit()).isTrue();
        assertThat(share.warnings("TTR", 2023)).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("excellent-share-above-limit");
            assertThat(w.message()).contains("TTR", "2023", "3/11", "20%");
        });
    }

    @Test
    void a_unit_rated_excellent_may_have_25_percent() {
        // 3 of 12 = 25%: within for an excellent unit, above for a good one
        assertThat(ExcellentShare.of(ratings(3, 9, 0, 0), Rating.EXCELLENT).aboveLimit()).isFalse();
        assertThat(ExcellentShare.of(ratings(3, 9, 0, 0), Rating.GOOD).aboveLimit()).isTrue();
        assertThat(ExcellentShare.of(ratings(4, 11, 0, 0), Rating.EXCELLENT).aboveLimit()).isTrue();
    }

    @Test
    void no_ratings_no_warning_but_one_excellent_alone_is_all_of_them() {
        assertThat(ExcellentShare.of(List.of(), null).aboveLimit()).isFalse();
        assertThat(ExcellentShare.of(ratings(1, 0, 3, 0), null).aboveLimit()).isTrue();
    }
}
