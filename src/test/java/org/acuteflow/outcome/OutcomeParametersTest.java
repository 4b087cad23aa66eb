package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.Binder;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeParametersTest {
    private static final String EXPERIMENT_HEAD = """
            name: outcome-test
            network: net
            run:
              days: 7
              replications: 1
              seed: 1
            baseline: base
            """;

    @TempDir
    Path dir;

    private Path experiment(String body) throws IOException {
        Files.createDirectories(dir.resolve("net"));
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, EXPERIMENT_HEAD + body);
        return file;
    }

    private static OutcomeParameters bindScenario(Experiment e, int i) {
        ScenarioSpec s = e.scenarios().get(i);
        return OutcomeParameters.from(s.parameters().get("outcome"), s.sources());
    }

    @Test
    void builtInDefaultsLoadWithTheDocumentedValues() {
        OutcomeParameters p = OutcomeParameters.defaults();
        assertEquals(0.13, p.stroke().baselineMortality90d().ischaemicUnder80());
        assertEquals(0.60, p.stroke().baselineMortality90d().haemorrhagicAged80Plus());
        assertEquals(0.81, p.stroke().organisedCare().deathOddsRatio());
        assertEquals(0.79, p.stroke().organisedCare().deathOrDependencyOddsRatio());
        assertEquals(1.0, p.stroke().weekendAdmissionOddsRatio());
        assertEquals(1.0, p.stroke().thrombolysis().mortalityOddsRatio());
        assertEquals(2.11, p.stroke().thrombolysis().goodOutcomeOddsRatioAtOnset());
        assertEquals(378, p.stroke().thrombolysis().noEffectMinutes());
        assertEquals(480, p.stroke().thrombectomy().noEffectMinutes());
        assertEquals(0.15, p.majorTrauma().baselineMortality().under80());
        assertEquals(0.766, p.majorTrauma().mtcOddsRatio());
        assertEquals(1.02, p.otherEmergency().distanceOddsRatioPerStraightLineKm());
        assertEquals(1.45, p.otherEmergency().roadKmPerStraightLineKm());
        assertEquals(1.0, p.otherEmergency().weekendConsultantAbsentOddsRatio());
        // Every uncertain number has a one-at-a-time range; the three survivors' mRS distributions are PSA-only.
        assertEquals(p.uncertainty().size() - 3, p.sensitivity().size());
        assertEquals(List.of("stroke.survivor_mrs_90d.nlvo", "stroke.survivor_mrs_90d.lvo",
                        "stroke.survivor_mrs_90d.haemorrhagic"),
                p.uncertainty().stream().filter(Uncertainty::ofShares).map(Uncertainty::path).toList());
    }

    @Test
    void derivedDefaultsFollowFromTheirPublishedInputs() {
        OutcomeParameters p = OutcomeParameters.defaults();
        // Holodinsky-style model: mRS 0-1 0.6444 treated at t = 0 vs 0.4622 untreated (nLVO thrombolysis), 0.5208
        // vs 0.1328 (LVO thrombectomy).
        assertEquals((0.6444 / 0.3556) / (0.4622 / 0.5378), p.stroke().thrombolysis().goodOutcomeOddsRatioAtOnset(),
                5e-3);
        assertEquals((0.5208 / 0.4792) / (0.1328 / 0.8672), p.stroke().thrombectomy().goodOutcomeOddsRatioAtOnset(),
                5e-3);
        // PenCHORD's fit to Emberson 2014 reaches no effect at 0.326956 / 0.00086211 minutes.
        assertEquals(0.326956 / 0.00086211, p.stroke().thrombolysis().noEffectMinutes(), 1.5);
        // MacKenzie RR 0.80 at a population mortality of 0.18 as an odds ratio.
        double p0 = 0.18;
        assertEquals(0.80 * (1 - p0) / (1 - 0.80 * p0), p.majorTrauma().mtcOddsRatio(), 5e-4);
    }

    @Test
    void defaultsThroughTheExperimentLoaderEqualTheBuiltIns() throws IOException {
        Experiment e = ExperimentLoader.load(experiment("""
                scenarios:
                  - name: base
                    configuration: current
                """));
        assertEquals(OutcomeParameters.defaults(), bindScenario(e, 0));
        YamlTrees.Located d = ExperimentLoader.defaults();
        SourceMap sources = new SourceMap("built-in defaults");
        sources.putAll(d.sources(), "parameters");
        assertEquals(OutcomeParameters.defaults(), OutcomeParameters.from(d.tree().get("outcome"), sources));
    }

    @Test
    void experimentAndScenarioOverridesReplaceSingleCoefficients() throws IOException {
        Experiment e = ExperimentLoader.load(experiment("""
                parameters:
                  outcome:
                    stroke:
                      organised_care: {death_odds_ratio: 0.7}
                scenarios:
                  - name: base
                    configuration: current
                  - name: weaker
                    configuration: current
                    parameters:
                      outcome:
                        major_trauma:
                          mtc_odds_ratio: 0.9
                """));
        OutcomeParameters base = bindScenario(e, 0);
        OutcomeParameters weaker = bindScenario(e, 1);
        assertEquals(0.7, base.stroke().organisedCare().deathOddsRatio());
        assertEquals(0.79, base.stroke().organisedCare().deathOrDependencyOddsRatio());
        assertEquals(0.766, base.majorTrauma().mtcOddsRatio());
        assertEquals(0.7, weaker.stroke().organisedCare().deathOddsRatio());
        assertEquals(0.9, weaker.majorTrauma().mtcOddsRatio());
        assertEquals(0.13, weaker.stroke().baselineMortality90d().ischaemicUnder80());
    }

    @Test
    void unknownKeyInAParameterFileIsReportedAtItsFileAndLine() throws IOException {
        Path params = dir.resolve("outcome-params.yaml");
        Files.writeString(params, """
                outcome:
                  stroke:
                    weekend_admission_odds_ratio: 1.0
                    unit_care_odds_ratio: 0.5
                """);
        Experiment e = ExperimentLoader.load(experiment("""
                parameter_files:
                  - outcome-params.yaml
                scenarios:
                  - name: base
                    configuration: current
                """));
        InputException ex = assertThrows(InputException.class, () -> bindScenario(e, 0));
        InputProblem problem = ex.problems().get(0);
        assertEquals(params.toString(), problem.file());
        assertEquals(4, problem.line());
        assertEquals("parameters.outcome.stroke.unit_care_odds_ratio", problem.field());
        assertTrue(problem.message().contains("unknown key 'unit_care_odds_ratio'"), problem.message());
    }

    @Test
    void outOfRangeProbabilityIsReportedAtItsFileLineAndField() throws IOException {
        Path file = experiment("""
                parameters:
                  outcome:
                    stroke:
                      baseline_mortality_90d:
                        ischaemic_under_80: 1.5
                scenarios:
                  - name: base
                    configuration: current
                    parameters:
                      outcome:
                        other_emergency:
                          road_km_per_straight_line_km: 0.8
                """);
        Experiment e = ExperimentLoader.load(file);
        InputException ex = assertThrows(InputException.class, () -> bindScenario(e, 0));
        assertEquals(2, ex.problems().size(), ex.getMessage());
        InputProblem probability = ex.problems().get(0);
        assertEquals(file.toString(), probability.file());
        assertEquals(12, probability.line());
        assertEquals("parameters.outcome.stroke.baseline_mortality_90d.ischaemic_under_80", probability.field());
        assertTrue(probability.message().contains("probability"), probability.message());
        InputProblem ratio = ex.problems().get(1);
        assertEquals(file.toString(), ratio.file());
        assertEquals(19, ratio.line());
        assertEquals("parameters.outcome.other_emergency.road_km_per_straight_line_km", ratio.field());
    }

    @Test
    void missingCoefficientAndWrongTypeAreInputErrors() throws IOException {
        JsonNode tree = Binder.mapper().valueToTree(OutcomeParameters.defaults());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("major_trauma")).remove("mtc_odds_ratio");
        InputException missing = assertThrows(InputException.class,
                () -> OutcomeParameters.from(tree, new SourceMap("test.yaml")));
        assertTrue(missing.getMessage().contains("mtc_odds_ratio"), missing.getMessage());
        assertThrows(InputException.class, () -> OutcomeParameters.from(null, new SourceMap("test.yaml")));
    }

    @Test
    void eachSensitivityCaseChangesOnlyItsCoefficient() {
        OutcomeParameters defaults = OutcomeParameters.defaults();
        JsonNode base = Binder.mapper().valueToTree(defaults);
        for (OutcomeParameters.SensitivityRange range : defaults.sensitivity()) {
            assertTrue(range.low() <= range.high(), range.path());
            for (OutcomeParameters.Level level : OutcomeParameters.Level.values()) {
                JsonNode changed = Binder.mapper().valueToTree(defaults.sensitivityCase(range.path(), level));
                List<String> differing = new ArrayList<>();
                diff("", base, changed, differing);
                double value = range.value(level);
                JsonNode expected = OutcomeParameters.overrideTree(base, range.path(), value);
                assertEquals(expected, changed, range.path() + " " + level);
                boolean sameAsDefault = OutcomeParameters.overrideTree(base, range.path(), value).equals(base);
                assertEquals(sameAsDefault ? List.of() : List.of(range.path()), differing, range.path() + " " + level);
            }
        }
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                diff(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), out);
            }
        } else if (!a.equals(b)) {
            out.add(path);
        }
    }

    @Test
    void sensitivityCaseMovesTheModelInTheExpectedDirection() {
        OutcomeParameters defaults = OutcomeParameters.defaults();
        OutcomeInput patient = Patients.stroke(org.acuteflow.demand.Condition.STROKE_ISCHAEMIC,
                org.acuteflow.demand.AgeBand.UNDER_80, 1, false);
        double low = new OutcomeModel(defaults.sensitivityCase("stroke.organised_care.death_odds_ratio",
                OutcomeParameters.Level.LOW)).probabilityOfDeath(patient);
        double mid = new OutcomeModel(defaults).probabilityOfDeath(patient);
        double high = new OutcomeModel(defaults.sensitivityCase("stroke.organised_care.death_odds_ratio",
                OutcomeParameters.Level.HIGH)).probabilityOfDeath(patient);
        assertTrue(low < mid && mid < high);
        assertThrows(IllegalArgumentException.class,
                () -> defaults.sensitivityCase("stroke.no_such_thing", OutcomeParameters.Level.LOW));
    }

    @Test
    void badSensitivityRangesAreReportedAtTheirEntry() throws IOException {
        Path file = experiment("""
                parameters:
                  outcome:
                    uncertainty:
                      - path: stroke.not_a_coefficient
                        distribution: lognormal
                        ci95: [0.5, 0.9]
                        source: "test"
                      - path: major_trauma.mtc_odds_ratio
                        distribution: lognormal
                        ci95: [0.9, 0.5]
                        source: "test"
                      - path: other_emergency.baseline_mortality_30d.medical
                        distribution: uniform
                        ci95: [0.1, 1.4]
                        source: "test"
                scenarios:
                  - name: base
                    configuration: current
                """);
        Experiment e = ExperimentLoader.load(file);
        InputException ex = assertThrows(InputException.class, () -> bindScenario(e, 0));
        List<String> fields = ex.problems().stream().map(InputProblem::field).toList();
        assertEquals(List.of("parameters.outcome.uncertainty[0].path", "parameters.outcome.uncertainty[1]",
                "parameters.outcome.uncertainty[2]"), fields, ex.getMessage());
        assertEquals(11, ex.problems().get(0).line());
        assertEquals(file.toString(), ex.problems().get(1).file());
    }

    @Test
    void dirichletDrawsOfTheSurvivorsMrsHaveTheStatedMeanAndSpread() {
        OutcomeParameters defaults = OutcomeParameters.defaults();
        List<Double> central = defaults.stroke().survivorMrs90d().lvo();
        double total = central.stream().mapToDouble(Double::doubleValue).sum();
        double n = defaults.uncertainty().stream().filter(u -> u.path().equals("stroke.survivor_mrs_90d.lvo"))
                .findFirst().orElseThrow().sampleSize();
        int draws = 4000;
        List<OutcomeParameters> sets = defaults.draws(draws, new umontreal.ssj.rng.MRG32k3a());
        double[] sum = new double[central.size()];
        double[] sumSq = new double[central.size()];
        for (OutcomeParameters set : sets) {
            List<Double> shares = set.stroke().survivorMrs90d().lvo();
            assertEquals(1.0, shares.stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            for (int k = 0; k < shares.size(); k++) {
                sum[k] += shares.get(k);
                sumSq[k] += shares.get(k) * shares.get(k);
            }
        }
        for (int k = 0; k < central.size(); k++) {
            double p = central.get(k) / total;
            double mean = sum[k] / draws;
            double variance = sumSq[k] / draws - mean * mean;
            double expectedVariance = p * (1 - p) / (n + 1);
            // The mean within 4 standard errors; the variance within 10% (its sampling error is about 2-3%).
            assertEquals(p, mean, 4 * Math.sqrt(expectedVariance / draws), "mRS " + k);
            assertEquals(expectedVariance, variance, 0.1 * expectedVariance, "mRS " + k);
        }
    }

    @Test
    void badDirichletEntriesAreReportedAtTheirEntry() throws IOException {
        Path file = experiment("""
                parameters:
                  outcome:
                    uncertainty:
                      - {path: stroke.survivor_mrs_90d.nlvo, distribution: dirichlet, source: "test"}
                      - {path: major_trauma.mtc_odds_ratio, distribution: dirichlet, sample_size: 50, source: "test"}
                      - {path: stroke.survivor_mrs_90d.lvo, distribution: dirichlet, sample_size: 50, ci95: [1, 2], source: "test"}
                      - {path: major_trauma.baseline_mortality.under_80, distribution: beta, ci95: [0.1, 0.2], sample_size: 9, source: "test"}
                scenarios:
                  - name: base
                    configuration: current
                """);
        Experiment e = ExperimentLoader.load(file);
        InputException ex = assertThrows(InputException.class, () -> bindScenario(e, 0));
        List<String> fields = ex.problems().stream().map(InputProblem::field).toList();
        assertEquals(List.of("parameters.outcome.uncertainty[0]", "parameters.outcome.uncertainty[1].path",
                "parameters.outcome.uncertainty[2]", "parameters.outcome.uncertainty[3]"), fields,
                ex.problems().toString());
        assertTrue(ex.problems().get(0).message().contains("sample_size"), ex.problems().toString());
        assertTrue(ex.problems().get(1).message().contains("no list of shares"), ex.problems().toString());
        assertTrue(ex.problems().get(2).message().contains("not ci95"), ex.problems().toString());
        assertTrue(ex.problems().get(3).message().contains("dirichlet only"), ex.problems().toString());
    }

    @Test
    void withCoefficientValidatesAndLeavesTheOriginalUnchanged() {
        OutcomeParameters defaults = OutcomeParameters.defaults();
        OutcomeParameters changed = defaults.withCoefficient("stroke.thrombolysis.no_effect_minutes", 270);
        assertEquals(270, changed.stroke().thrombolysis().noEffectMinutes());
        assertEquals(378, defaults.stroke().thrombolysis().noEffectMinutes());
        assertThrows(InputException.class, () -> defaults.withCoefficient("stroke.organised_care.death_odds_ratio", -1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withCoefficient("stroke", 1));
        assertFalse(defaults.equals(changed));
    }
}
