package vn.thidua.titles.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule sets a deployment knows, oldest first: the defaults shipped with this module, each with
 * the province's overrides merged in when the deployment supplies a file. A year is proposed under
 * the one in force on the day it closes; a replay finds it again by the version the close recorded.
 */
public final class RuleSets {
    /** The rule-set files shipped with the module (classpath resources), one per version. */
    public static final List<String> DEFAULT_RESOURCES = List.of("vn/thidua/titles/rules/tdkt-2022-nd152-2025.json");

    private final List<RuleSet> sets;

    public RuleSets(List<RuleSet> sets) {
        List<RuleSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparing(RuleSet::effectiveFrom));
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            RuleSet s = sorted.get(i);
            if (!versions.add(s.version())) {
                throw new RuleSetException("two rule sets have the version " + s.version());
            }
            if (i > 0 && sorted.get(i - 1).effectiveFrom().equals(s.effectiveFrom())) {
                throw new RuleSetException("rule sets " + sorted.get(i - 1).version() + " and " + s.version()
                        + " both take effect on " + s.effectiveFrom());
            }
        }
        this.sets = List.copyOf(sorted);
    }

    /** The rule sets shipped with this module. */
    public static RuleSets defaults() {
        return fromResources(DEFAULT_RESOURCES);
    }

    /** The rule sets of these classpath resources. */
    public static RuleSets fromResources(List<String> resources) {
        List<RuleSet> sets = new ArrayList<>();
        for (String resource : resources) {
            InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new RuleSetException(resource + ": no such resource");
            }
            sets.add(RuleSetReader.ruleSet(in, resource));
        }
        return new RuleSets(sets);
    }

    /** Reads a province's override file (see the module README for its format). */
    public static ProvinceOverrides readOverrides(Path file) {
        try {
            return RuleSetReader.overrides(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new RuleSetException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every rule set with {@code overrides} merged in. */
    public RuleSets with(ProvinceOverrides overrides) {
        return new RuleSets(sets.stream().map(overrides::applyTo).toList());
    }

    /** The rule set in force on {@code day}: the latest to take effect on or before it. */
    public RuleSet inForceOn(LocalDate day) {
        RuleSet found = null;
        for (RuleSet s : sets) {
            if (!s.effectiveFrom().isAfter(day)) {
                found = s;
            }
        }
        if (found == null) {
            throw new RuleSetException("no rule set is in force on " + day + " (the earliest takes effect on "
                    + (sets.isEmpty() ? "no date: there is none" : sets.get(0).effectiveFrom()) + ")");
        }
        return found;
    }

    /** The rule set of a version, e.g. the one a close recorded. */
    public RuleSet version(String version) {
        return sets.stream().filter(s -> s.version().equals(version)).findFirst()
                .orElseThrow(() -> new RuleSetException("no rule set has the version " + version));
    }

    public List<RuleSet> all() {
        return sets;
    }
}
