package org.acuteflow.outcome;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.acuteflow.config.Binder;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;
import umontreal.ssj.rng.RandomStream;

/**
 * Coefficients of the outcome model, bound from the {@code outcome:} section of the model parameters (built-in
 * defaults: {@code acuteflow/defaults/outcome.yaml}, where every value carries its source). Probabilities are in
 * [0, 1], odds ratios are positive, times are minutes and distances kilometres. Immutable and thread-safe.
 *
 * @param stroke         ischaemic and haemorrhagic stroke: 90-day modified Rankin Scale (mRS 0-6)
 * @param majorTrauma    major trauma (ISS &gt; 15): in-hospital mortality
 * @param otherEmergency medical and surgical emergencies and stroke mimics: 30-day mortality
 * @param uncertainty    the probability distribution of every uncertain coefficient, with its source
 */
public record OutcomeParameters(Stroke stroke, MajorTrauma majorTrauma, OtherEmergency otherEmergency,
                                List<Uncertainty> uncertainty) {

    /** Prefix of every field path in messages about these parameters. */
    public static final String PATH = "parameters.outcome";
    private static final String DEFAULTS_RESOURCE = "/acuteflow/defaults/outcome.yaml";
    /** Odds ratios beyond this are typing errors, not clinical effects. */
    private static final double MAX_ODDS_RATIO = 100;
    /** mRS categories 0 (no symptoms) to 6 (dead). */
    public static final int MRS_LEVELS = 7;

    public OutcomeParameters {
        uncertainty = uncertainty == null ? List.of() : List.copyOf(uncertainty);
    }

    /**
     * Stroke coefficients (90 days after onset).
     *
     * @param baselineMortality90d          probability of death (mRS 6) of the reference patient: general ward,
     *                                      no reperfusion, weekday admission
     * @param survivorMrs90d                mRS 0-5 among the reference patient's survivors, by stroke type
     * @param aged80PlusSurvivorOddsRatio   proportional odds of a worse mRS among survivors aged 80+ vs under 80
     * @param organisedCare                 organised (stroke-unit) care, applied by the share of the stay in it
     * @param weekendAdmissionOddsRatio     death, admitted on a Saturday or Sunday
     * @param thrombolysis                  intravenous thrombolysis (ischaemic strokes)
     * @param thrombectomy                  mechanical thrombectomy (ischaemic strokes with a large-vessel occlusion)
     * @param utilityByMrs                  utility of each mRS level 0-6 (6 = dead = 0)
     * @param qalyHorizonYears              years over which the 90-day utility is counted as QALYs
     */
    public record Stroke(@JsonProperty("baseline_mortality_90d") StrokeBaseline baselineMortality90d,
                         @JsonProperty("survivor_mrs_90d") SurvivorMrs survivorMrs90d,
                         @JsonProperty("aged_80_plus_survivor_odds_ratio") double aged80PlusSurvivorOddsRatio,
                         OrganisedCare organisedCare, double weekendAdmissionOddsRatio, Reperfusion thrombolysis,
                         Reperfusion thrombectomy, MrsUtility utilityByMrs, double qalyHorizonYears) {
    }

    /** Utility (quality-of-life weight) of each mRS level; dead is 0. */
    public record MrsUtility(@JsonProperty("mrs_0") double mrs0, @JsonProperty("mrs_1") double mrs1,
                             @JsonProperty("mrs_2") double mrs2, @JsonProperty("mrs_3") double mrs3,
                             @JsonProperty("mrs_4") double mrs4, @JsonProperty("mrs_5") double mrs5,
                             @JsonProperty("mrs_6") double mrs6) {

        public double[] values() {
            return new double[] {mrs0, mrs1, mrs2, mrs3, mrs4, mrs5, mrs6};
        }
    }

    /** Reference 90-day stroke mortality by type and age band. */
    public record StrokeBaseline(@JsonProperty("ischaemic_under_80") double ischaemicUnder80,
                                 @JsonProperty("ischaemic_aged_80_plus") double ischaemicAged80Plus,
                                 @JsonProperty("haemorrhagic_under_80") double haemorrhagicUnder80,
                                 @JsonProperty("haemorrhagic_aged_80_plus") double haemorrhagicAged80Plus) {

        /** The reference mortality of a stroke of this type in this age band. */
        public double of(Condition condition, AgeBand ageBand) {
            boolean old = ageBand == AgeBand.AGED_80_PLUS;
            if (Condition.STROKE_ISCHAEMIC.equals(condition)) {
                return old ? ischaemicAged80Plus : ischaemicUnder80;
            }
            if (Condition.STROKE_HAEMORRHAGIC.equals(condition)) {
                return old ? haemorrhagicAged80Plus : haemorrhagicUnder80;
            }
            throw new IllegalArgumentException(condition + " is not a stroke");
        }
    }

    /**
     * Shares of mRS 0, 1, 2, 3, 4, 5 among untreated survivors at 90 days (normalised to sum 1 when used).
     *
     * @param nlvo          ischaemic, no large-vessel occlusion
     * @param lvo           ischaemic with a large-vessel occlusion
     * @param haemorrhagic  intracerebral haemorrhage
     */
    public record SurvivorMrs(List<Double> nlvo, List<Double> lvo, List<Double> haemorrhagic) {

        public List<Double> of(Condition condition, boolean largeVesselOcclusion) {
            if (Condition.STROKE_ISCHAEMIC.equals(condition)) {
                return largeVesselOcclusion ? lvo : nlvo;
            }
            if (Condition.STROKE_HAEMORRHAGIC.equals(condition)) {
                return haemorrhagic;
            }
            throw new IllegalArgumentException(condition + " is not a stroke");
        }
    }

    /**
     * Organised stroke-unit care vs a general ward (Stroke Unit Trialists' Collaboration).
     *
     * @param deathOddsRatio              death
     * @param deathOrDependencyOddsRatio  death or dependency (mRS 3-6)
     */
    public record OrganisedCare(double deathOddsRatio, double deathOrDependencyOddsRatio) {
    }

    /**
     * A reperfusion treatment. Its benefit on good outcome (mRS 0-1) declines linearly in log-odds with
     * onset-to-treatment time: {@code ln OR(t) = ln(goodOutcomeOddsRatioAtOnset) (1 - t / noEffectMinutes)}
     * before the no-effect time, 0 from it on. Its effect on death is not time-dependent.
     *
     * @param goodOutcomeOddsRatioAtOnset  odds ratio of mRS 0-1 if treated at the moment of onset
     * @param noEffectMinutes              onset-to-treatment time from which the benefit is nil
     * @param mortalityOddsRatio           net effect on death at 90 days of any treated patient (it includes
     *                                     the deaths from symptomatic intracranial haemorrhage)
     * @param fatalIchExcess               excess probability of a fatal intracranial haemorrhage (part of the net
     *                                     mortality effect, reported on its own)
     * @param symptomaticIchExcess         excess probability of a symptomatic intracranial haemorrhage (reported)
     */
    public record Reperfusion(double goodOutcomeOddsRatioAtOnset, double noEffectMinutes, double mortalityOddsRatio,
                              @JsonProperty("fatal_ich_excess") double fatalIchExcess,
                              @JsonProperty("symptomatic_ich_excess") double symptomaticIchExcess) {

        /** The log odds ratio of mRS 0-1 when treated {@code onsetToTreatmentMinutes} after onset; 0 if NaN. */
        public double goodOutcomeLogOddsRatio(double onsetToTreatmentMinutes) {
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
            return Math.log(goodOutcomeOddsRatioAtOnset) * (1 - onsetToTreatmentMinutes / noEffectMinutes);
        }
    }

    /** A probability by age band. */
    public record AgeBaseline(@JsonProperty("under_80") double under80,
                              @JsonProperty("aged_80_plus") double aged80Plus) {

        public double of(AgeBand ageBand) {
            return ageBand == AgeBand.AGED_80_PLUS ? aged80Plus : under80;
        }
    }

    /**
     * Major trauma coefficients.
     *
     * @param baselineMortality                    mortality outside a major trauma centre at the reference delay
     * @param mtcOddsRatio                         definitive care at a major trauma centre
     * @param delayOddsRatioPer10Minutes           per 10 minutes of call-to-definitive-care beyond the reference
     * @param referenceCallToDefinitiveCareMinutes delay at which the baseline applies
     */
    public record MajorTrauma(AgeBaseline baselineMortality, double mtcOddsRatio,
                              @JsonProperty("delay_odds_ratio_per_10_minutes") double delayOddsRatioPer10Minutes,
                              double referenceCallToDefinitiveCareMinutes) {
    }

    /**
     * Coefficients for medical and surgical emergencies and stroke mimics.
     *
     * @param baselineMortality30d                 30-day mortality at the reference distance
     * @param lifeThreateningShare                 share of ambulance-conveyed patients with a life-threatening
     *                                             emergency, the population of the distance effect
     * @param distanceOddsRatioPerStraightLineKm   per km of straight-line distance beyond the reference
     * @param referenceStraightLineKm              straight-line distance at which the baseline applies
     * @param roadKmPerStraightLineKm              detour factor converting road km to straight-line km
     * @param weekendConsultantAbsentOddsRatio     admitted on a weekend with no consultant on site at arrival
     */
    public record OtherEmergency(@JsonProperty("baseline_mortality_30d") EmergencyBaseline baselineMortality30d,
                                 double lifeThreateningShare, double distanceOddsRatioPerStraightLineKm,
                                 double referenceStraightLineKm, double roadKmPerStraightLineKm,
                                 double weekendConsultantAbsentOddsRatio) {
    }

    /** Reference 30-day mortality of the non-stroke emergencies and of stroke mimics. */
    public record EmergencyBaseline(double medical, double surgical, double strokeMimic) {

        public double of(Condition condition) {
            if (Condition.MEDICAL_EMERGENCY.equals(condition)) {
                return medical;
            }
            if (Condition.SURGICAL_EMERGENCY.equals(condition)) {
                return surgical;
            }
            if (Condition.STROKE_MIMIC.equals(condition)) {
                return strokeMimic;
            }
            throw new IllegalArgumentException(condition + " is not an other emergency");
        }
    }

    /** Which end of a coefficient's 95% range a sensitivity case uses. */
    public enum Level {
        LOW,
        HIGH
    }

    /**
     * A coefficient's 95% range (2.5th and 97.5th percentiles of its distribution), for one-at-a-time sensitivity.
     *
     * @param path   coefficient path relative to {@code parameters.outcome}
     * @param low    2.5th percentile
     * @param high   97.5th percentile
     * @param source where the distribution comes from
     */
    public record SensitivityRange(String path, double low, double high, String source) {

        public double value(Level level) {
            return level == Level.LOW ? low : high;
        }
    }

    /**
     * The one-at-a-time sensitivity ranges: the 95% range of every uncertain coefficient that is one number, in file
     * order (lists of shares, such as the survivors' mRS distributions, vary in the PSA only).
     */
    public List<SensitivityRange> sensitivity() {
        List<SensitivityRange> out = new ArrayList<>();
        for (Uncertainty u : uncertainty) {
            if (u.ofShares()) {
                // A list of shares has no single low and high end: it varies in the PSA only.
                continue;
            }
            double central = coefficient(u.path());
            out.add(new SensitivityRange(u.path(), u.quantile(central, 0.025), u.quantile(central, 0.975),
                    u.source()));
        }
        return out;
    }

    /** Binds and validates the {@code outcome} subtree; problems are located through {@code sources}. */
    public static OutcomeParameters from(JsonNode outcomeTree, SourceMap sources) {
        if (outcomeTree == null || outcomeTree.isMissingNode() || outcomeTree.isNull()) {
            InputProblem where = sources.locate(PATH);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), PATH,
                    "the outcome parameters are missing"));
        }
        OutcomeParameters bound = Binder.bind(Uncertainty.withOptionalKeys(outcomeTree), OutcomeParameters.class,
                sources, PATH);
        Problems problems = sources.problems();
        bound.validateCoefficients(problems, PATH);
        // A coefficient already reported as invalid is not reported again through its distribution.
        Set<String> invalid = new HashSet<>();
        problems.list().forEach(p -> invalid.add(p.field()));
        bound.validateUncertainty(problems, invalid);
        problems.throwIfAny();
        return bound;
    }

    /** The built-in defaults ({@code acuteflow/defaults/outcome.yaml}), validated. */
    public static OutcomeParameters defaults() {
        YamlTrees.Located located = YamlTrees.readBuiltIn(DEFAULTS_RESOURCE, "parameters");
        return from(located.tree().get("outcome"), located.sources());
    }

    /**
     * A copy of {@code outcomeTree} with the numeric coefficient at {@code path} (relative to
     * {@code parameters.outcome}) set to {@code value}; for runners that override the parameter tree itself.
     *
     * @throws IllegalArgumentException if {@code path} does not name a numeric coefficient of the tree
     */
    public static JsonNode overrideTree(JsonNode outcomeTree, String path, double value) {
        JsonNode copy = outcomeTree.deepCopy();
        setInPlace(copy, path, value);
        return copy;
    }

    private static void setInPlace(JsonNode tree, String path, double value) {
        String[] keys = path.split("\\.", -1);
        JsonNode node = tree;
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
    }

    private static void setSharesInPlace(JsonNode tree, String path, double[] shares) {
        String[] keys = path.split("\\.", -1);
        JsonNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.get(keys[i]);
        }
        ArrayNode list = ((ObjectNode) node).putArray(keys[keys.length - 1]);
        for (double x : shares) {
            list.add(x);
        }
    }

    /** The numeric coefficient at {@code path}. */
    public double coefficient(String path) {
        JsonNode node = Binder.mapper().valueToTree(this);
        for (String key : path.split("\\.", -1)) {
            node = node == null ? null : node.get(key);
        }
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("'" + path + "' names no numeric coefficient of the outcome parameters");
        }
        return node.asDouble();
    }

    /** The list of shares at {@code path} (such as {@code stroke.survivor_mrs_90d.nlvo}). */
    public List<Double> shares(String path) {
        JsonNode node = Binder.mapper().valueToTree(this);
        for (String key : path.split("\\.", -1)) {
            node = node == null ? null : node.get(key);
        }
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("'" + path + "' names no list of shares of the outcome parameters");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode x : node) {
            if (!x.isNumber()) {
                throw new IllegalArgumentException("'" + path + "' names no list of shares of the outcome parameters");
            }
            out.add(x.asDouble());
        }
        return out;
    }

    /**
     * These parameters with one coefficient replaced, validated.
     *
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

    /** The sensitivity range of {@code path}. */
    public SensitivityRange sensitivityRange(String path) {
        for (SensitivityRange range : sensitivity()) {
            if (range.path().equals(path)) {
                return range;
            }
        }
        throw new IllegalArgumentException("no uncertainty is declared for '" + path + "'; declared: "
                + uncertainty.stream().map(Uncertainty::path).toList());
    }

    /** These parameters with the coefficient at {@code path} at the 2.5th or 97.5th percentile of its distribution. */
    public OutcomeParameters sensitivityCase(String path, Level level) {
        return withCoefficient(path, sensitivityRange(path).value(level));
    }

    /**
     * {@code n} coefficient sets for probabilistic sensitivity analysis: draw k sets every uncertain coefficient,
     * in file order, from one uniform of {@code stream} each (inverse distribution function; a list of shares takes
     * one uniform per share), so the draws depend only on the stream's seed. Coefficients without a distribution
     * keep their value.
     */
    public List<OutcomeParameters> draws(int n, RandomStream stream) {
        JsonNode base = Binder.mapper().valueToTree(this);
        double[] central = new double[uncertainty.size()];
        List<List<Double>> centralShares = new ArrayList<>();
        for (int i = 0; i < central.length; i++) {
            Uncertainty u = uncertainty.get(i);
            centralShares.add(u.ofShares() ? shares(u.path()) : null);
            central[i] = u.ofShares() ? Double.NaN : coefficient(u.path());
        }
        List<OutcomeParameters> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            JsonNode tree = base.deepCopy();
            for (int i = 0; i < central.length; i++) {
                Uncertainty u = uncertainty.get(i);
                if (u.ofShares()) {
                    double[] uniforms = new double[centralShares.get(i).size()];
                    for (int j = 0; j < uniforms.length; j++) {
                        uniforms[j] = stream.nextDouble();
                    }
                    setSharesInPlace(tree, u.path(), u.drawShares(centralShares.get(i), uniforms));
                } else {
                    setInPlace(tree, u.path(), u.quantile(central[i], stream.nextDouble()));
                }
            }
            out.add(Binder.mapper().convertValue(tree, OutcomeParameters.class));
        }
        return out;
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
        SurvivorMrs m = stroke.survivorMrs90d();
        survivorShares(problems, s + ".survivor_mrs_90d.nlvo", m.nlvo());
        survivorShares(problems, s + ".survivor_mrs_90d.lvo", m.lvo());
        survivorShares(problems, s + ".survivor_mrs_90d.haemorrhagic", m.haemorrhagic());
        oddsRatio(problems, s + ".aged_80_plus_survivor_odds_ratio", stroke.aged80PlusSurvivorOddsRatio());
        oddsRatio(problems, s + ".organised_care.death_odds_ratio", stroke.organisedCare().deathOddsRatio());
        oddsRatio(problems, s + ".organised_care.death_or_dependency_odds_ratio",
                stroke.organisedCare().deathOrDependencyOddsRatio());
        oddsRatio(problems, s + ".weekend_admission_odds_ratio", stroke.weekendAdmissionOddsRatio());
        reperfusion(problems, s + ".thrombolysis", stroke.thrombolysis());
        reperfusion(problems, s + ".thrombectomy", stroke.thrombectomy());
        double[] u = stroke.utilityByMrs().values();
        for (int k = 0; k < MRS_LEVELS; k++) {
            // EQ-5D values run from below 0 (states worse than death) to 1 (full health).
            problems.inRange(s + ".utility_by_mrs.mrs_" + k, u[k], -1, 1);
        }
        problems.inRange(s + ".qaly_horizon_years", stroke.qalyHorizonYears(), 0, 100);

        String t = prefix + ".major_trauma";
        problems.probability(t + ".baseline_mortality.under_80", majorTrauma.baselineMortality().under80());
        problems.probability(t + ".baseline_mortality.aged_80_plus", majorTrauma.baselineMortality().aged80Plus());
        oddsRatio(problems, t + ".mtc_odds_ratio", majorTrauma.mtcOddsRatio());
        oddsRatio(problems, t + ".delay_odds_ratio_per_10_minutes", majorTrauma.delayOddsRatioPer10Minutes());
        problems.nonNegative(t + ".reference_call_to_definitive_care_minutes",
                majorTrauma.referenceCallToDefinitiveCareMinutes());

        String e = prefix + ".other_emergency";
        EmergencyBaseline eb = otherEmergency.baselineMortality30d();
        problems.probability(e + ".baseline_mortality_30d.medical", eb.medical());
        problems.probability(e + ".baseline_mortality_30d.surgical", eb.surgical());
        problems.probability(e + ".baseline_mortality_30d.stroke_mimic", eb.strokeMimic());
        problems.probability(e + ".life_threatening_share", otherEmergency.lifeThreateningShare());
        oddsRatio(problems, e + ".distance_odds_ratio_per_straight_line_km",
                otherEmergency.distanceOddsRatioPerStraightLineKm());
        problems.nonNegative(e + ".reference_straight_line_km", otherEmergency.referenceStraightLineKm());
        // A road can be no shorter than the straight line; beyond 3 the figure is surely a unit error.
        problems.inRange(e + ".road_km_per_straight_line_km", otherEmergency.roadKmPerStraightLineKm(), 1, 3);
        oddsRatio(problems, e + ".weekend_consultant_absent_odds_ratio",
                otherEmergency.weekendConsultantAbsentOddsRatio());
    }

    private static void survivorShares(Problems problems, String path, List<Double> shares) {
        if (shares == null || shares.size() != MRS_LEVELS - 1) {
            problems.add(path, "must list " + (MRS_LEVELS - 1) + " shares, one per mRS level 0-5");
            return;
        }
        double sum = 0;
        for (int k = 0; k < shares.size(); k++) {
            if (!problems.positive(path + "[" + k + "]", shares.get(k))) {
                return;
            }
            sum += shares.get(k);
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            problems.add(path, "shares must have a positive finite sum");
        }
    }

    private static void reperfusion(Problems problems, String path, Reperfusion r) {
        oddsRatio(problems, path + ".good_outcome_odds_ratio_at_onset", r.goodOutcomeOddsRatioAtOnset());
        problems.positive(path + ".no_effect_minutes", r.noEffectMinutes());
        oddsRatio(problems, path + ".mortality_odds_ratio", r.mortalityOddsRatio());
        problems.probability(path + ".fatal_ich_excess", r.fatalIchExcess());
        problems.probability(path + ".symptomatic_ich_excess", r.symptomaticIchExcess());
    }

    private static void oddsRatio(Problems problems, String path, double value) {
        if (problems.positive(path, value) && value > MAX_ODDS_RATIO) {
            problems.add(path, "an odds ratio above " + MAX_ODDS_RATIO + " is not plausible, got " + value);
        }
    }

    /** Each distribution must name a coefficient once, say its source, and give valid values at both 95% ends. */
    private void validateUncertainty(Problems problems, Set<String> invalidFields) {
        JsonNode tree = Binder.mapper().valueToTree(this);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < uncertainty.size(); i++) {
            Uncertainty u = uncertainty.get(i);
            String at = PATH + ".uncertainty[" + i + "]";
            if (u.path() == null || u.path().isBlank() || u.path().startsWith("uncertainty")) {
                problems.add(at + ".path", "must name a coefficient, e.g. stroke.organised_care.death_odds_ratio");
                continue;
            }
            if (!seen.add(u.path())) {
                problems.add(at + ".path", "'" + u.path() + "' has two distributions; keep one");
            }
            if (u.source() == null || u.source().isBlank()) {
                problems.add(at + ".source", "must say where the distribution comes from");
            }
            if (invalidFields.contains(PATH + "." + u.path())) {
                continue;
            }
            if (u.ofShares()) {
                try {
                    String problem = u.problem(shares(u.path()));
                    if (problem != null) {
                        problems.add(at, problem);
                    }
                } catch (IllegalArgumentException ex) {
                    problems.add(at + ".path", ex.getMessage());
                }
                continue;
            }
            double central;
            try {
                central = coefficient(u.path());
            } catch (IllegalArgumentException ex) {
                problems.add(at + ".path", ex.getMessage());
                continue;
            }
            String problem = u.problem(central);
            if (problem != null) {
                problems.add(at, problem);
                continue;
            }
            for (double q : new double[] {0.025, 0.975}) {
                OutcomeParameters candidate = Binder.mapper().convertValue(
                        overrideTree(tree, u.path(), u.quantile(central, q)), OutcomeParameters.class);
                Problems inner = Problems.forFile("uncertainty");
                candidate.validateCoefficients(inner, PATH);
                String changedField = PATH + "." + u.path();
                for (InputProblem p : inner.list()) {
                    if (changedField.equals(p.field())) {
                        problems.add(at + ".ci95", "gives an invalid value of " + u.path() + ": " + p.message());
                    }
                }
            }
        }
    }

    /** Lower-case name of a level, as in metric names. */
    public static String levelName(Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
