package org.acuteflow.outcome;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.acuteflow.config.Binder;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;

/**
 * Coefficients of the outcome model, bound from the {@code outcome:} section of the model parameters (built-in
 * defaults: {@code acuteflow/defaults/outcome.yaml}, where every value carries its source). Probabilities are in
 * [0, 1], odds ratios are positive, times are minutes and distances kilometres. Immutable and thread-safe.
 *
 * @param stroke         ischaemic and haemorrhagic stroke: 90-day mortality
 * @param majorTrauma    major trauma (ISS &gt; 15): in-hospital mortality
 * @param otherEmergency medical and surgical emergencies and stroke mimics: 30-day mortality
 * @param sensitivity    low and high plausible values of the most uncertain coefficients
 */
public record OutcomeParameters(Stroke stroke, MajorTrauma majorTrauma, OtherEmergency otherEmergency,
                                List<SensitivityRange> sensitivity) {

    /** Prefix of every field path in messages about these parameters. */
    public static final String PATH = "parameters.outcome";
    private static final String DEFAULTS_RESOURCE = "/acuteflow/defaults/outcome.yaml";
    /** Odds ratios beyond this are typing errors, not clinical effects. */
    private static final double MAX_ODDS_RATIO = 100;

    public OutcomeParameters {
        sensitivity = sensitivity == null ? List.of() : List.copyOf(sensitivity);
    }

    /**
     * Stroke coefficients.
     *
     * @param baselineMortality90d         90-day mortality of the reference patient (general ward, no
     *                                     reperfusion, specialist on site)
     * @param organisedCareOddsRatio       HASU or stroke unit vs general ward
     * @param noSpecialistOnSiteOddsRatio  no stroke specialist on site when the patient arrived
     * @param thrombolysis                 intravenous thrombolysis (ischaemic strokes)
     * @param thrombectomy                 mechanical thrombectomy (ischaemic strokes with a large-vessel occlusion)
     */
    public record Stroke(@JsonProperty("baseline_mortality_90d") StrokeBaseline baselineMortality90d,
                         double organisedCareOddsRatio, double noSpecialistOnSiteOddsRatio,
                         Reperfusion thrombolysis, Reperfusion thrombectomy) {
    }

    /** Reference 90-day stroke mortality by type and age band. */
    public record StrokeBaseline(@JsonProperty("ischaemic_under_80") double ischaemicUnder80,
                                 @JsonProperty("ischaemic_aged_80_plus") double ischaemicAged80Plus,
                                 @JsonProperty("haemorrhagic_under_80") double haemorrhagicUnder80,
                                 @JsonProperty("haemorrhagic_aged_80_plus") double haemorrhagicAged80Plus) {

        /** The reference mortality of a stroke of this type in this age band. */
        public double of(Condition condition, AgeBand ageBand) {
            boolean old = ageBand == AgeBand.AGED_80_PLUS;
            return switch (condition) {
                case STROKE_ISCHAEMIC -> old ? ischaemicAged80Plus : ischaemicUnder80;
                case STROKE_HAEMORRHAGIC -> old ? haemorrhagicAged80Plus : haemorrhagicUnder80;
                default -> throw new IllegalArgumentException(condition + " is not a stroke");
            };
        }
    }

    /**
     * A reperfusion treatment whose benefit declines linearly in log-odds with onset-to-treatment time:
     * {@code ln OR(t) = ln(oddsRatioAtOnset) (1 - t / noEffectMinutes)} before the no-effect time, 0 from it on.
     *
     * @param oddsRatioAtOnset odds ratio of death if treated at the moment of onset
     * @param noEffectMinutes  onset-to-treatment time from which treatment no longer changes mortality
     */
    public record Reperfusion(double oddsRatioAtOnset, double noEffectMinutes) {

        /** The log odds ratio of death when treated {@code onsetToTreatmentMinutes} after onset; 0 if NaN (untreated). */
        public double logOddsRatio(double onsetToTreatmentMinutes) {
            if (Double.isNaN(onsetToTreatmentMinutes)) {
                return 0;
            }
            if (onsetToTreatmentMinutes < 0) {
                throw new IllegalArgumentException("onset-to-treatment must be >= 0 minutes, got "
                        + onsetToTreatmentMinutes);
            }
            if (onsetToTreatmentMinutes >= noEffectMinutes) {
                return 0;
            }
            return Math.log(oddsRatioAtOnset) * (1 - onsetToTreatmentMinutes / noEffectMinutes);
        }
    }

    /**
     * Major trauma coefficients.
     *
     * @param baselineMortalityInHospital             in-hospital mortality outside an MTC at the reference delay
     * @param mtcOddsRatio                            definitive care at a major trauma centre
     * @param delayOddsRatioPer10Minutes              per 10 minutes of call-to-definitive-care beyond the reference
     * @param referenceCallToDefinitiveCareMinutes    delay at which the baseline applies
     */
    public record MajorTrauma(double baselineMortalityInHospital, double mtcOddsRatio,
                              @JsonProperty("delay_odds_ratio_per_10_minutes") double delayOddsRatioPer10Minutes,
                              double referenceCallToDefinitiveCareMinutes) {
    }

    /**
     * Coefficients for medical and surgical emergencies and stroke mimics.
     *
     * @param baselineMortality30d                 30-day mortality at the reference distance, consultant on site
     * @param distanceOddsRatioPerStraightLineKm   per km of straight-line distance beyond the reference
     * @param referenceStraightLineKm              straight-line distance at which the baseline applies
     * @param roadKmPerStraightLineKm              detour factor converting road km to straight-line km
     * @param noSpecialistOnSiteOddsRatio          no consultant on site when the patient arrived
     */
    public record OtherEmergency(@JsonProperty("baseline_mortality_30d") EmergencyBaseline baselineMortality30d,
                                 double distanceOddsRatioPerStraightLineKm, double referenceStraightLineKm,
                                 double roadKmPerStraightLineKm, double noSpecialistOnSiteOddsRatio) {
    }

    /** Reference 30-day mortality of the non-stroke emergencies and of stroke mimics. */
    public record EmergencyBaseline(double medical, double surgical, double strokeMimic) {

        public double of(Condition condition) {
            return switch (condition) {
                case MEDICAL_EMERGENCY -> medical;
                case SURGICAL_EMERGENCY -> surgical;
                case STROKE_MIMIC -> strokeMimic;
                default -> throw new IllegalArgumentException(condition + " is not an other emergency");
            };
        }
    }

    /** Which end of a coefficient's plausible range a sensitivity case uses. */
    public enum Level {
        LOW,
        HIGH
    }

    /**
     * A coefficient's plausible range for one-at-a-time sensitivity analysis.
     *
     * @param path   coefficient path relative to {@code parameters.outcome}, e.g. {@code stroke.organised_care_odds_ratio}
     * @param low    low plausible value
     * @param high   high plausible value
     * @param source where the range comes from
     */
    public record SensitivityRange(String path, double low, double high, String source) {

        public double value(Level level) {
            return level == Level.LOW ? low : high;
        }
    }

    /** Binds and validates the {@code outcome} subtree; problems are located through {@code sources}. */
    public static OutcomeParameters from(JsonNode outcomeTree, SourceMap sources) {
        if (outcomeTree == null || outcomeTree.isMissingNode() || outcomeTree.isNull()) {
            InputProblem where = sources.locate(PATH);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), PATH,
                    "the outcome parameters are missing"));
        }
        OutcomeParameters bound = Binder.bind(outcomeTree, OutcomeParameters.class, sources, PATH);
        Problems problems = sources.problems();
        bound.validateCoefficients(problems, PATH);
        bound.validateSensitivity(problems);
        problems.throwIfAny();
        return bound;
    }

    /** The built-in defaults ({@code acuteflow/defaults/outcome.yaml}), validated. */
    public static OutcomeParameters defaults() {
        try (InputStream in = OutcomeParameters.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            YamlTrees.Located located = YamlTrees.read(new InputStreamReader(in, StandardCharsets.UTF_8),
                    "built-in outcome.yaml");
            SourceMap sources = new SourceMap("built-in outcome.yaml");
            sources.putAll(located.sources(), "parameters");
            return from(located.tree().get("outcome"), sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code outcomeTree} with the numeric coefficient at {@code path} (relative to
     * {@code parameters.outcome}) set to {@code value}; for runners that override the parameter tree itself.
     *
     * @throws IllegalArgumentException if {@code path} does not name a numeric coefficient of the tree
     */
    public static JsonNode overrideTree(JsonNode outcomeTree, String path, double value) {
        JsonNode copy = outcomeTree.deepCopy();
        String[] keys = path.split("\\.", -1);
        JsonNode node = copy;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.get(keys[i]);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("'" + path + "' names no coefficient of the outcome parameters");
            }
        }
        JsonNode leaf = node.get(keys[keys.length - 1]);
        if (leaf == null || !leaf.isNumber()) {
            throw new IllegalArgumentException("'" + path + "' names no numeric coefficient of the outcome parameters");
        }
        ((ObjectNode) node).put(keys[keys.length - 1], value);
        return copy;
    }

    /**
     * These parameters with one coefficient replaced, validated.
     *
     * @param path coefficient path relative to {@code parameters.outcome}, e.g. {@code major_trauma.mtc_odds_ratio}
     * @throws IllegalArgumentException if {@code path} names no numeric coefficient
     * @throws InputException           if the value is out of the coefficient's valid range
     */
    public OutcomeParameters withCoefficient(String path, double value) {
        JsonNode tree = overrideTree(Binder.mapper().valueToTree(this), path, value);
        SourceMap sources = new SourceMap("override of " + PATH + "." + path);
        OutcomeParameters changed = Binder.bind(tree, OutcomeParameters.class, sources, PATH);
        Problems problems = sources.problems();
        changed.validateCoefficients(problems, PATH);
        problems.throwIfAny();
        return changed;
    }

    /** The sensitivity range declared for {@code path}. */
    public SensitivityRange sensitivityRange(String path) {
        for (SensitivityRange range : sensitivity) {
            if (range.path().equals(path)) {
                return range;
            }
        }
        throw new IllegalArgumentException("no sensitivity range is declared for '" + path + "'; declared: "
                + sensitivity.stream().map(SensitivityRange::path).toList());
    }

    /** These parameters with the coefficient at {@code path} set to the low or high end of its declared range. */
    public OutcomeParameters sensitivityCase(String path, Level level) {
        return withCoefficient(path, sensitivityRange(path).value(level));
    }

    /** Adds a problem, located under {@code prefix}, for every coefficient outside its valid range. */
    void validateCoefficients(Problems problems, String prefix) {
        String s = prefix + ".stroke";
        StrokeBaseline b = stroke.baselineMortality90d();
        String sb = s + ".baseline_mortality_90d";
        problems.probability(sb + ".ischaemic_under_80", b.ischaemicUnder80());
        problems.probability(sb + ".ischaemic_aged_80_plus", b.ischaemicAged80Plus());
        problems.probability(sb + ".haemorrhagic_under_80", b.haemorrhagicUnder80());
        problems.probability(sb + ".haemorrhagic_aged_80_plus", b.haemorrhagicAged80Plus());
        oddsRatio(problems, s + ".organised_care_odds_ratio", stroke.organisedCareOddsRatio());
        oddsRatio(problems, s + ".no_specialist_on_site_odds_ratio", stroke.noSpecialistOnSiteOddsRatio());
        reperfusion(problems, s + ".thrombolysis", stroke.thrombolysis());
        reperfusion(problems, s + ".thrombectomy", stroke.thrombectomy());

        String t = prefix + ".major_trauma";
        problems.probability(t + ".baseline_mortality_in_hospital", majorTrauma.baselineMortalityInHospital());
        oddsRatio(problems, t + ".mtc_odds_ratio", majorTrauma.mtcOddsRatio());
        oddsRatio(problems, t + ".delay_odds_ratio_per_10_minutes", majorTrauma.delayOddsRatioPer10Minutes());
        problems.nonNegative(t + ".reference_call_to_definitive_care_minutes",
                majorTrauma.referenceCallToDefinitiveCareMinutes());

        String e = prefix + ".other_emergency";
        EmergencyBaseline eb = otherEmergency.baselineMortality30d();
        problems.probability(e + ".baseline_mortality_30d.medical", eb.medical());
        problems.probability(e + ".baseline_mortality_30d.surgical", eb.surgical());
        problems.probability(e + ".baseline_mortality_30d.stroke_mimic", eb.strokeMimic());
        oddsRatio(problems, e + ".distance_odds_ratio_per_straight_line_km",
                otherEmergency.distanceOddsRatioPerStraightLineKm());
        problems.nonNegative(e + ".reference_straight_line_km", otherEmergency.referenceStraightLineKm());
        // A road can be no shorter than the straight line; beyond 3 the figure is surely a unit error.
        problems.inRange(e + ".road_km_per_straight_line_km", otherEmergency.roadKmPerStraightLineKm(), 1, 3);
        oddsRatio(problems, e + ".no_specialist_on_site_odds_ratio", otherEmergency.noSpecialistOnSiteOddsRatio());
    }

    private static void reperfusion(Problems problems, String path, Reperfusion r) {
        oddsRatio(problems, path + ".odds_ratio_at_onset", r.oddsRatioAtOnset());
        problems.positive(path + ".no_effect_minutes", r.noEffectMinutes());
    }

    private static void oddsRatio(Problems problems, String path, double value) {
        if (problems.positive(path, value) && value > MAX_ODDS_RATIO) {
            problems.add(path, "an odds ratio above " + MAX_ODDS_RATIO + " is not plausible, got " + value);
        }
    }

    /** Each range must name a coefficient, have low &lt;= high, and give valid parameters at both ends. */
    private void validateSensitivity(Problems problems) {
        JsonNode tree = Binder.mapper().valueToTree(this);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < sensitivity.size(); i++) {
            SensitivityRange range = sensitivity.get(i);
            String at = PATH + ".sensitivity[" + i + "]";
            if (range.path() == null || range.path().isBlank() || range.path().startsWith("sensitivity")) {
                problems.add(at + ".path", "must name a coefficient, e.g. stroke.organised_care_odds_ratio");
                continue;
            }
            if (!seen.add(range.path())) {
                problems.add(at + ".path", "'" + range.path() + "' has two sensitivity ranges; keep one");
            }
            if (range.source() == null || range.source().isBlank()) {
                problems.add(at + ".source", "must say where the range comes from");
            }
            if (!problems.finite(at + ".low", range.low()) || !problems.finite(at + ".high", range.high())) {
                continue;
            }
            if (range.low() > range.high()) {
                problems.add(at + ".low", "must be <= high (" + range.high() + "), got " + range.low());
            }
            for (Level level : Level.values()) {
                String field = at + "." + level.name().toLowerCase(java.util.Locale.ROOT);
                JsonNode changed;
                try {
                    changed = overrideTree(tree, range.path(), range.value(level));
                } catch (IllegalArgumentException ex) {
                    problems.add(at + ".path", ex.getMessage());
                    break;
                }
                OutcomeParameters candidate = Binder.mapper().convertValue(changed, OutcomeParameters.class);
                Problems inner = Problems.forFile("sensitivity");
                candidate.validateCoefficients(inner, PATH);
                // Only the overridden coefficient can be newly wrong; others are reported once, where written.
                String changedField = PATH + "." + range.path();
                for (InputProblem p : inner.list()) {
                    if (changedField.equals(p.field())) {
                        problems.add(field, "is not a valid value of " + range.path() + ": " + p.message());
                    }
                }
            }
        }
    }
}
