package vn.thidua.kit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

    @Test
    void dates_within_the_range_are_read() {
        assertThat(InputRules.date("on", "1945-01-01")).isEqualTo(LocalDate.of(1945, 1, 1));
        assertThat(InputRules.date("on", "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(InputRules.date("on", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1944-12-31", "2101-01-01", "0000-01-01", "-0001-01-01", "+99999-01-01", "-999999999-01-01", "2023-02-29",
            "2023-13-01", "2023-6-11", "2023-06-11T00:00", " 2023-06-11", "20230611", ""})
    void other_dates_are_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> InputRules.date("period.to", value)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("period.to"));
    }

    @Test
    void text_is_normalised_to_nfc() {
        String decomposed = "Nguye\u0302\u0303n";
        assertThat(InputRules.text("fullName", decomposed)).isEqualTo("Nguyễn");
        assertThat(InputRules.text("content", "dòng 1\ndòng 2\tcột")).isEqualTo("dòng 1\ndòng 2\tcột");
        assertThat(InputRules.text("title", "Trần\u200bThị")).isEqualTo("Trần\u200bThị");
        assertThat(InputRules.text("title", "😀 vui")).isEqualTo("😀 vui");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007", "\u001b[31m", "\u0085", "a\ud800b", "\udc00", "b\ud83d", "\u200b\u200b", "\u200e\u200f",
            " \u202e ", "\ufeff", "\u2060\u00ad", "\uffff", "\ufdd0"})
    void text_with_controls_lone_surrogates_or_only_invisible_characters_is_refused(String value) {
        assertThat(InputRules.textProblem(value)).isPresent();
        assertThatThrownBy(() -> InputRules.text("fullName", value)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void years_and_constants_are_exact() {
        assertThat(InputRules.year("year", "2023")).isEqualTo(2023);
        assertThat(InputRules.year("year", null)).isNull();
        for (String bad : new String[]{"1944", "2101", "abc", "2023.0", " 2023", "+2023", "-999999999", "99999999999"}) {
            assertThatThrownBy(() -> InputRules.year("year", bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(InputRules.constant("kind", "B", Letter.class)).isEqualTo(Letter.B);
        for (String bad : new String[]{"b", "B ", "1", ""}) {
            assertThatThrownBy(() -> InputRules.constant("kind", bad, Letter.class)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("A, B");
        }
    }

    @Test
    void paths_and_queries_must_be_strict_utf8_without_controls() {
        assertThat(HttpGuard.uriProblem("/api/plans/108%2FKH-UBND", "the path")).isEmpty();
        assertThat(HttpGuard.uriProblem("name=Nguy%E1%BB%85n", "the query")).isEmpty();
        for (String bad : new String[]{"/api/plans/%00", "/a/%C0%AF", "/a/%ED%A0%80", "/a/%zz", "/a/%4", "/a/%E2%80%8B", "x=%07"}) {
            assertThat(HttpGuard.uriProblem(bad, "the path")).as(bad).isPresent();
        }
    }

    enum Letter { A, B }
}
