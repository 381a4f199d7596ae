package vn.thidua.participation.personnel;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.events.Rating;
import vn.thidua.contract.events.UnitRated;

class UnitFileTest {
    private static final String FILE = UnitFile.idOf("TTR");

    private AggregateTestFixture<UnitFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnitFile.class);
    }

    @Test
    void a_unit_is_rated_for_a_year() {
        fixture.givenNoPriorActivity()
                .when(new RateUnit(FILE, "TTR", 2023, Rating.EXCELLENT))
                .expectEvents(new UnitRated("TTR", 2023, Rating.EXCELLENT))
                .expectResultMessagePayload(true);
    }

    @Test
    void the_same_rating_again_changes_nothing_another_corrects_it() {
        fixture.given(new UnitRated("TTR", 2023, Rating.GOOD))
                .when(new RateUnit(FILE, "TTR", 2023, Rating.GOOD))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(new UnitRated("TTR", 2023, Rating.GOOD))
                .when(new RateUnit(FILE, "TTR", 2023, Rating.COMPLETED))
                .expectEvents(new UnitRated("TTR", 2023, Rating.COMPLETED));
    }

    @Test
    void each_year_has_its_own_rating() {
        fixture.given(new UnitRated("TTR", 2022, Rating.GOOD))
                .when(new RateUnit(FILE, "TTR", 2023, Rating.GOOD))
                .expectEvents(new UnitRated("TTR", 2023, Rating.GOOD));
    }
}
