package org.acuteflow.pathway.stemi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.acuteflow.config.Binder;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.outcome.Uncertainty;
import umontreal.ssj.rng.RandomStream;

/**
 * Heart attack (ST-elevation myocardial infarction) treated by primary PCI: the probability of death within 30
 * days from the age band and the call-to-balloon time. The source (Varcoe et al., Heart 2017) measured a hazard
 * ratio on 30-day mortality, so the time acts as a proportional hazard on that fixed window:
 * <pre>
 *   p = 1 - (1 - p0[age]) ^ H,   H = HR30 ^ ((t - t_ref) / 30) x [team on call] HR_on_call
 * </pre>
 * with {@code t} the call-to-balloon minutes clamped to the range the source measured. For a self-presenter
 * {@code t} is the time from arrival at the first hospital, the first call for help. Coefficients and their
 * sources: {@code acuteflow/defaults/stemi.yaml} (section {@code stemi.outcome}); docs/outcome-model.md.
 * Immutable and thread-safe.
 *
 * @param baselineMortality30d             30-day mortality at the reference call-to-balloon time, by age band
 * @param referenceCallToBalloonMinutes    where the baseline applies
 * @param hazardRatioPer30Minutes          hazard ratio of death within 30 days per 30 min of call-to-balloon
 * @param minimumCallToBalloonMinutes      shorter times count as this (no benefit beyond the measured range)
 * @param maximumCallToBalloonMinutes      longer times count as this (the source's upper limit)
 * @param cathLabOnCallHazardRatio         reaching the catheter laboratory while its team is on call
 * @param uncertainty                      distributions of the uncertain coefficients (paths relative to this)
 */
public record StemiOutcome(@JsonProperty("baseline_mortality_30d") Baseline baselineMortality30d,
                           double referenceCallToBalloonMinutes,
                           @JsonProperty("hazard_ratio_per_30_minutes") double hazardRatioPer30Minutes,
                           double minimumCallToBalloonMinutes, double maximumCallToBalloonMinutes,
                           double cathLabOnCallHazardRatio, List<Uncertainty> uncertainty) {

    /** Prefix of every field path in messages about these coefficients. */
    public static final String PATH = "parameters.stemi.outcome";
    private static final String DEFAULTS_RESOURCE = "/acuteflow/defaults/stemi.yaml";
    /** Hazard ratios beyond this are typing errors, not clinical effects. */
    private static final double MAX_HAZARD_RATIO = 100;

    public StemiOutcome {
        uncertainty = uncertainty == null ? List.of() : List.copyOf(uncertainty);
    }

    /** 30-day mortality at the reference call-to-balloon time. */
    public record Baseline(@JsonProperty("under_80") double under80,
                           @JsonProperty("aged_80_plus") double aged80Plus) {

        public double of(AgeBand ageBand) {
            return ageBand == AgeBand.AGED_80_PLUS ? aged80Plus : under80;
        }
    }

    /** Probability of death within 30 days. */
    public double mortality30d(AgeBand ageBand, double callToBalloonMinutes, boolean cathLabOnCall) {
        double hazard = hazardRatio(callToBalloonMinutes) * (cathLabOnCall ? cathLabOnCallHazardRatio : 1);
        // 1 - S0^H computed as -expm1(H ln S0): exact for the small probabilities of the younger band.
        return -Math.expm1(hazard * Math.log1p(-baselineMortality30d.of(ageBand)));
    }

    /** The hazard ratio of a call-to-balloon time against the reference time (clamped to the measured range). */
    public double hazardRatio(double callToBalloonMinutes) {
        double t = Math.max(minimumCallToBalloonMinutes, Math.min(maximumCallToBalloonMinutes, callToBalloonMinutes));
        return Math.exp(Math.log(hazardRatioPer30Minutes) * (t - referenceCallToBalloonMinutes) / 30);
    }

    /** Binds and validates {@code stemi.outcome}; problems are located through {@code sources}. */
    public static StemiOutcome from(JsonNode tree, SourceMap sources) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            InputProblem where = sources.locate(PATH);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), PATH,
                    "the heart attack (STEMI) outcome parameters are missing"));
        }
        StemiOutcome bound = Binder.bind(Uncertainty.withOptionalKeys(tree), StemiOutcome.class, sources, PATH);
        Problems problems = sources.problems();
        bound.validateCoefficients(problems);
        Set<String> invalid = new HashSet<>();
        problems.list().forEach(p -> invalid.add(p.field()));
        bound.validateUncertainty(problems, invalid);
        problems.throwIfAny();
        return bound;
    }

    /** The built-in defaults ({@code acuteflow/defaults/stemi.yaml}), validated. */
    public static StemiOutcome defaults() {
        YamlTrees.Located located = YamlTrees.readBuiltIn(DEFAULTS_RESOURCE, "parameters");
        return from(located.tree().path("stemi").get("outcome"), located.sources());
    }

    /** The numeric coefficient at {@code path} (relative to {@code stemi.outcome}). */
    public double coefficient(String path) {
        JsonNode node = Binder.mapper().valueToTree(this);
        for (String key : path.split("\\.", -1)) {
            node = node == null ? null : node.get(key);
        }
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("'" + path + "' names no numeric coefficient of " + PATH);
        }
        return node.asDouble();
    }

    /** These coefficients with the one at {@code path} replaced (not validated: used for drawn sets). */
    public StemiOutcome withCoefficient(String path, double value) {
        JsonNode tree = Binder.mapper().valueToTree(this);
        setInPlace(tree, path, value);
        return Binder.mapper().convertValue(tree, StemiOutcome.class);
    }

    private static void setInPlace(JsonNode tree, String path, double value) {
        String[] keys = path.split("\\.", -1);
        JsonNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.get(keys[i]);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("'" + path + "' names no coefficient of " + PATH);
            }
        }
        JsonNode leaf = node.get(keys[keys.length - 1]);
        if (leaf == null || !leaf.isNumber()) {
            throw new IllegalArgumentException("'" + path + "' names no numeric coefficient of " + PATH);
        }
        ((ObjectNode) node).put(keys[keys.length - 1], value);
    }

    /**
     * {@code n} coefficient sets for probabilistic sensitivity analysis: for each set, every uncertain coefficient
     * in file order from one uniform of {@code stream} (inverse distribution function). The pathway draws from a
     * stream of its own, so adding it leaves every other pathway's coefficient sets unchanged.
     */
    public List<StemiOutcome> draws(int n, RandomStream stream) {
        double[] central = new double[uncertainty.size()];
        for (int i = 0; i < central.length; i++) {
            central[i] = coefficient(uncertainty.get(i).path());
        }
        JsonNode base = Binder.mapper().valueToTree(this);
        List<StemiOutcome> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            JsonNode tree = base.deepCopy();
            for (int i = 0; i < central.length; i++) {
                Uncertainty u = uncertainty.get(i);
                setInPlace(tree, u.path(), u.quantile(central[i], stream.nextDouble()));
            }
            out.add(Binder.mapper().convertValue(tree, StemiOutcome.class));
        }
        return out;
    }

    /**
     * The one-at-a-time sensitivity cases, in file order: per uncertain coefficient, its low (2.5th percentile) and
     * high (97.5th) case, labelled {@code stemi.outcome.<path>.low} and {@code .high}, the others central.
     */
    public java.util.LinkedHashMap<String, StemiOutcome> sensitivityCases() {
        java.util.LinkedHashMap<String, StemiOutcome> out = new java.util.LinkedHashMap<>();
        for (Uncertainty u : uncertainty) {
            double central = coefficient(u.path());
            String label = PATH.substring("parameters.".length()) + "." + u.path();
            out.put(label + ".low", withCoefficient(u.path(), u.quantile(central, 0.025)));
            out.put(label + ".high", withCoefficient(u.path(), u.quantile(central, 0.975)));
        }
        return out;
    }

    private void validateCoefficients(Problems problems) {
        problems.probability(PATH + ".baseline_mortality_30d.under_80", baselineMortality30d.under80());
        problems.probability(PATH + ".baseline_mortality_30d.aged_80_plus", baselineMortality30d.aged80Plus());
        hazardRatio(problems, PATH + ".hazard_ratio_per_30_minutes", hazardRatioPer30Minutes);
        hazardRatio(problems, PATH + ".cath_lab_on_call_hazard_ratio", cathLabOnCallHazardRatio);
        problems.inRange(PATH + ".reference_call_to_balloon_minutes", referenceCallToBalloonMinutes, 0, 1440);
        problems.inRange(PATH + ".minimum_call_to_balloon_minutes", minimumCallToBalloonMinutes, 0, 1440);
        problems.inRange(PATH + ".maximum_call_to_balloon_minutes", maximumCallToBalloonMinutes, 0, 1440);
        if (!(minimumCallToBalloonMinutes < maximumCallToBalloonMinutes)) {
            problems.add(PATH + ".maximum_call_to_balloon_minutes", "must be above minimum_call_to_balloon_minutes ("
                    + minimumCallToBalloonMinutes + "), got " + maximumCallToBalloonMinutes);
        }
    }

    private static void hazardRatio(Problems problems, String path, double value) {
        if (!(value > 0 && value <= MAX_HAZARD_RATIO)) {
            problems.add(path, "must be a hazard ratio in (0, " + (int) MAX_HAZARD_RATIO + "], got " + value);
        }
    }

    private void validateUncertainty(Problems problems, Set<String> invalidFields) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < uncertainty.size(); i++) {
            Uncertainty u = uncertainty.get(i);
            String at = PATH + ".uncertainty[" + i + "]";
            if (u.source() == null || u.source().isBlank()) {
                problems.add(at + ".source", "must say where the distribution comes from");
            }
            double central;
            try {
                central = coefficient(u.path() == null ? "" : u.path());
            } catch (IllegalArgumentException e) {
                problems.add(at + ".path", "must name a numeric coefficient of " + PATH
                        + ", e.g. hazard_ratio_per_30_minutes; got '" + u.path() + "'");
                continue;
            }
            if (!seen.add(u.path())) {
                problems.add(at + ".path", "'" + u.path() + "' has two distributions; keep one");
            }
            if (invalidFields.contains(PATH + "." + u.path())) {
                continue;
            }
            String problem = u.problem(central);
            if (problem != null) {
                problems.add(at, problem);
            }
        }
    }
}
