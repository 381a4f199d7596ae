package vn.thidua.titles.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thidua.contract.events.DisciplineLevel;
import vn.thidua.contract.events.Rating;

class RuleSetsTest {
    private static final String DEFAULT = RuleSets.DEFAULT_RESOURCES.get(0);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws Exception {
        return Path.of(RuleSetsTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void the_default_rule_set_states_every_criterion_the_code_knows_and_nothing_else() throws Exception {
        ObjectNode file = defaultFile();
        List<String> inFile = new ArrayList<>();
        file.get("criteria").fieldNames().forEachRemaining(inFile::add);

        assertThat(inFile).containsExactlyInAnyOrderElementsOf(Arrays.stream(Criterion.values()).map(Enum::name).toList());
        RuleSet rules = RuleSets.defaults().inForceOn(LocalDate.of(2026, 1, 15));
        for (Criterion c : Criterion.values()) {
            assertThat(rules.rule(c).citation().text()).as(c.name()).isNotBlank();
            assertThat(rules.rule(c).params().keySet()).as(c.name()).isEqualTo(c.params().keySet());
        }
    }

    @Test
    void the_default_is_the_2022_law_with_decree_152_from_its_effective_date() {
        RuleSet rules = RuleSets.defaults().inForceOn(LocalDate.of(2025, 7, 1));

        assertThat(rules.version()).isEqualTo("tdkt-2022-nd152-2025.1");
        assertThat(rules.name()).isEqualTo("Luật Thi đua, khen thưởng 2022 + Nghị định 152/2025/NĐ-CP");
        assertThat(rules.rule(Criterion.ADVANCED_WORKER_RATING).rating("minimumRating")).isEqualTo(Rating.GOOD);
        assertThat(rules.rule(Criterion.ADVANCED_WORKER_RATING).citation()).isEqualTo(new Citation("Luật TĐKT 2022 Điều 24 k.1", true));
        assertThat(rules.rule(Criterion.ADVANCED_WORKER_SERVICE_TIME).count("minimumMonths")).isEqualTo(6);
        assertThat(rules.rule(Criterion.ADVANCED_WORKER_SERVICE_TIME).citation().confirmed()).isFalse();
        assertThat(rules.rule(Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE).share("minimumShare")).isEqualByComparingTo("0.50");
        assertThat(rules.rule(Criterion.EXCELLENT_COLLECTIVE_ADVANCED_WORKER_SHARE).share("minimumShare")).isEqualByComparingTo("0.70");
        assertThat(rules.rule(Criterion.ADVANCED_COLLECTIVE_NO_SERIOUS_DISCIPLINE).level("fromLevel")).isEqualTo(DisciplineLevel.WARNING);

        assertThatThrownBy(() -> RuleSets.defaults().inForceOn(LocalDate.of(2025, 6, 30)))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("no rule set is in force on 2025-06-30 (the earliest takes effect on 2025-07-01)");
    }

    @Test
    void the_rule_set_in_force_is_the_latest_to_take_effect_on_or_before_the_day() {
        RuleSets sets = RuleSets.fromResources(List.of("rules/later.json", DEFAULT));

        assertThat(sets.all()).extracting(RuleSet::version).containsExactly("tdkt-2022-nd152-2025.1", "test-later.1");
        assertThat(sets.inForceOn(LocalDate.of(2026, 9, 30)).version()).isEqualTo("tdkt-2022-nd152-2025.1");
        assertThat(sets.inForceOn(LocalDate.of(2026, 10, 1)).version()).isEqualTo("test-later.1");
        assertThat(sets.version("tdkt-2022-nd152-2025.1").effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThatThrownBy(() -> sets.version("v0")).hasMessage("no rule set has the version v0");
    }

    @Test
    void two_rule_sets_cannot_take_effect_on_the_same_day_or_share_a_version() {
        assertThatThrownBy(() -> RuleSets.fromResources(List.of(DEFAULT, DEFAULT)))
                .isInstanceOf(RuleSetException.class).hasMessage("two rule sets have the version tdkt-2022-nd152-2025.1");
    }

    @Test
    void a_province_overrides_a_threshold_and_its_citation_and_the_version_says_so() throws Exception {
        ProvinceOverrides province = RuleSets.readOverrides(resource("rules/province-70.json"));
        RuleSet rules = RuleSets.defaults().with(province).inForceOn(LocalDate.of(2026, 1, 15));

        assertThat(rules.version()).isEqualTo("tdkt-2022-nd152-2025.1+tinh-vi-du");
        assertThat(rules.overrides()).containsExactly("tinh-vi-du");
        assertThat(rules.name()).endsWith("; Quy chế thi đua, khen thưởng của tỉnh (ví dụ)");
        Rule share = rules.rule(Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE);
        assertThat(share.share("minimumShare")).isEqualByComparingTo(new BigDecimal("0.70"));
        assertThat(share.citation().text()).isEqualTo("Luật TĐKT 2022 Điều 28; Quy chế của tỉnh (ví dụ) Điều 9");
        assertThat(RuleSets.fromResources(List.of(DEFAULT, "rules/later.json")).with(province).all()).extracting(RuleSet::version)
                .containsExactly("tdkt-2022-nd152-2025.1+tinh-vi-du", "test-later.1+tinh-vi-du");
        RuleSet base = RuleSets.defaults().inForceOn(LocalDate.of(2026, 1, 15));
        for (Criterion c : Criterion.values()) {
            if (c != Criterion.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE) {
                assertThat(rules.rule(c)).as(c.name()).isEqualTo(base.rule(c));
            }
        }
    }

    @Test
    void an_override_may_change_one_parameter_of_several_and_keeps_the_others() throws Exception {
        Path file = write("{\"id\":\"t\",\"name\":\"Tỉnh\",\"criteria\":{\"EXCELLENT_RATING_SHARE\":{\"params\":{\"maximumShare\":0.3},"
                + "\"citation\":{\"text\":\"Quy chế của tỉnh Điều 4\",\"confirmed\":true}}}}");
        RuleSet rules = RuleSets.defaults().with(RuleSets.readOverrides(file)).inForceOn(LocalDate.of(2026, 1, 1));

        Rule rule = rules.rule(Criterion.EXCELLENT_RATING_SHARE);
        assertThat(rule.share("maximumShare")).isEqualByComparingTo("0.3");
        assertThat(rule.share("maximumShareInExcellentUnit")).isEqualByComparingTo("0.25");
    }

    @Test
    void an_unknown_criterion_is_refused_naming_it() throws Exception {
        assertRefused(f -> f.with("criteria").set("ADVANCED_WORKER_SMILE", f.get("criteria").get("ADVANCED_WORKER_NO_DISCIPLINE")),
                DEFAULT + ": criteria.ADVANCED_WORKER_SMILE: unknown criterion (known: [ADVANCED_WORKER_RATING, ");
    }

    @Test
    void a_missing_criterion_is_refused() throws Exception {
        assertRefused(f -> f.with("criteria").remove("EXCELLENT_RATING_SHARE"),
                DEFAULT + ": criteria: no rule for [EXCELLENT_RATING_SHARE] (a rule set states every criterion)");
    }

    @Test
    void a_missing_or_blank_citation_is_refused() throws Exception {
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").remove("citation"),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING: missing \"citation\"");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").with("citation").put("text", " "),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING.citation.text: expected the article the criterion comes from");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").with("citation").remove("confirmed"),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING.citation: missing \"confirmed\"");
    }

    @Test
    void parameters_must_be_exactly_those_of_the_criterion_and_of_the_right_kind() throws Exception {
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").with("params").put("maximumRating", "GOOD"),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING.params: unknown field \"maximumRating\" (allowed: [minimumRating])");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").with("params").remove("minimumRating"),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING.params: missing \"minimumRating\"");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_RATING").with("params").put("minimumRating", "TỐT"),
                DEFAULT + ": criteria.ADVANCED_WORKER_RATING.params.minimumRating: expected one of [EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED], got \"TỐT\"");
        assertRefused(f -> f.with("criteria").with("ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE").with("params").put("minimumShare", 70),
                DEFAULT + ": criteria.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE.params.minimumShare: expected a decimal fraction above 0 and at most 1 (e.g. 0.70), got 70");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_SERVICE_TIME").with("params").put("minimumMonths", 5.5),
                DEFAULT + ": criteria.ADVANCED_WORKER_SERVICE_TIME.params.minimumMonths: expected a whole number ≥ 0, got 5.5");
        assertRefused(f -> f.with("criteria").with("ADVANCED_WORKER_NO_DISCIPLINE").putObject("params").put("days", 1),
                DEFAULT + ": criteria.ADVANCED_WORKER_NO_DISCIPLINE.params: unknown field \"days\" (allowed: [])");
    }

    @Test
    void the_head_fields_are_required_and_checked() throws Exception {
        assertRefused(f -> f.put("effectiveFrom", "1/7/2025"),
                DEFAULT + ": effectiveFrom: expected a date as yyyy-mm-dd, got \"1/7/2025\"");
        assertRefused(f -> f.remove("version"), DEFAULT + ": missing \"version\"");
        assertRefused(f -> f.put("author", "Sở"), DEFAULT + ": unknown field \"author\" (allowed: [criteria, effectiveFrom, name, version])");
        assertThatThrownBy(() -> RuleSetReader.ruleSet(stream("{\"version\": \"x\","), DEFAULT))
                .isInstanceOf(RuleSetException.class).hasMessageStartingWith(DEFAULT + ": not valid JSON: ");
    }

    @Test
    void an_override_file_is_read_as_strictly() throws Exception {
        String citation = "\"citation\":{\"text\":\"Quy chế của tỉnh\",\"confirmed\":true}";
        Path noCitation = write("{\"id\":\"t\",\"name\":\"Tỉnh\",\"criteria\":{\"ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE\":{\"params\":{\"minimumShare\":0.7}}}}");
        assertThatThrownBy(() -> RuleSets.readOverrides(noCitation)).isInstanceOf(RuleSetException.class)
                .hasMessage(noCitation + ": criteria.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE: missing \"citation\"");
        Path unknown = write("{\"id\":\"t\",\"name\":\"Tỉnh\",\"criteria\":{\"UNIT_SIZE\":{\"params\":{\"min\":5}," + citation + "}}}");
        assertThatThrownBy(() -> RuleSets.readOverrides(unknown)).isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(unknown + ": criteria.UNIT_SIZE: unknown criterion (known: [");
        Path badParam = write("{\"id\":\"t\",\"name\":\"Tỉnh\",\"criteria\":{\"ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE\":{\"params\":{\"share\":0.7},"
                + citation + "}}}");
        assertThatThrownBy(() -> RuleSets.readOverrides(badParam)).isInstanceOf(RuleSetException.class)
                .hasMessage(badParam + ": criteria.ADVANCED_COLLECTIVE_ADVANCED_WORKER_SHARE.params: unknown field \"share\" (allowed: [minimumShare])");
        Path badId = write("{\"id\":\"Thái Nguyên\",\"name\":\"Tỉnh\",\"criteria\":{}}");
        assertThatThrownBy(() -> RuleSets.readOverrides(badId)).isInstanceOf(RuleSetException.class)
                .hasMessage(badId + ": id: expected lower-case letters, digits and '-', got \"Thái Nguyên\"");
        Path missing = tmp.resolve("absent.json");
        assertThatThrownBy(() -> RuleSets.readOverrides(missing)).isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(missing + ": cannot be read: ");
    }

    @TempDir
    Path tmp;

    private Path write(String json) throws Exception {
        Path file = Files.createTempFile(tmp, "province", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static ObjectNode defaultFile() throws Exception {
        try (InputStream in = RuleSetsTest.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Consumer<ObjectNode> change, String message) throws Exception {
        ObjectNode file = defaultFile();
        change.accept(file);
        assertThatThrownBy(() -> RuleSetReader.ruleSet(stream(JSON.writeValueAsString(file)), DEFAULT))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(message);
    }
}
