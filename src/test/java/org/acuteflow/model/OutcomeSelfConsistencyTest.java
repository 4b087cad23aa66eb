package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.outcome.CovariateSummary;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.junit.jupiter.api.Test;

/**
 * The simulated model recovers each effect it was given, on the population the effect's source measured, and the
 * PSA summary of the journeys gives the same outcomes as the per-patient evaluation.
 */
class OutcomeSelfConsistencyTest {
    private static final OutcomeParameters DEFAULTS = OutcomeParameters.defaults();

    private static FlowModel model(boolean concentrated, OutcomeParameters outcome, List<OutcomeModel> psa) {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stroke").put("per_year", 3000.0);
        demandClass(tree, "medical_emergency").put("per_year", 3000.0);
        demandClass(tree, "major_trauma").put("per_year", 300.0);
        return new FlowModel(FlowModelTest.smallNetwork(concentrated), parameters(tree),
                Outcomes.of(new OutcomeModel(outcome), List.of(), psa));
    }

    /** Patients' rows by id: the columns named, from a replication's patient records. */
    private static Map<String, String[]> patients(FlowModel m) {
        ListSink sink = new ListSink();
        run(m, 7, 0, 90, 20, sink);
        List<String> header = List.of(sink.header.split(","));
        Map<String, String[]> out = new HashMap<>();
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            out.put(f[header.indexOf("id")], f);
        }
        return out;
    }

    private static double odds(double p) {
        return p / (1 - p);
    }

    @Test
    void weekendEffectsApplyToWeekendAdmissionsOnlyAndReproduceTheirOddsRatio() {
        Map<String, String[]> base = patients(model(false, DEFAULTS, List.of()));
        OutcomeParameters upper = DEFAULTS.withCoefficient("stroke.weekend_admission_odds_ratio", 1.14)
                .withCoefficient("other_emergency.weekend_consultant_absent_odds_ratio", 1.10);
        ListSink sink = new ListSink();
        run(model(false, upper, List.of()), 7, 0, 90, 20, sink);
        List<String> h = List.of(sink.header.split(","));
        int door = h.indexOf("door_min");
        int condition = h.indexOf("condition");
        int onSite = h.indexOf("specialist_on_site");
        int p = h.indexOf("p_death");
        int weekendStrokes = 0;
        int weekdayNightStrokes = 0;
        int weekendUncovered = 0;
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            if (f[p].isEmpty()) {
                continue;
            }
            double p1 = Double.parseDouble(f[p]);
            double p0 = Double.parseDouble(base.get(f[0])[p]);
            double minutes = Double.parseDouble(f[door]);
            double hourOfWeek = Math.floor(minutes / 60) % 168;
            boolean weekend = hourOfWeek >= 120;
            boolean night = (hourOfWeek % 24) < 8 || (hourOfWeek % 24) >= 18;
            String c = f[condition];
            double expected = 1;
            if (weekend && (c.equals("stroke_ischaemic") || c.equals("stroke_haemorrhagic"))) {
                expected = 1.14;
                weekendStrokes++;
            } else if (weekend && f[onSite].equals("false")
                    && (c.equals("medical_emergency") || c.equals("surgical_emergency") || c.equals("stroke_mimic"))) {
                expected = 1.10;
                weekendUncovered++;
            } else if (!weekend && night && c.startsWith("stroke_") && !c.equals("stroke_mimic")) {
                weekdayNightStrokes++;
            }
            if (p0 > 0 && p0 < 1) {
                // p_death is written with 6 decimals: compare odds ratios to that resolution.
                assertEquals(expected, odds(p1) / odds(p0), 2e-3 * expected + 1e-6 / (p0 * (1 - p0)), row);
            }
        }
        // (The small network's emergency departments have a consultant on site at every hour: weekendUncovered is
        // 0 there and every emergency keeps its probability, which the loop checks.)
        assertTrue(weekendStrokes > 50 && weekdayNightStrokes > 50, weekendStrokes + " / " + weekdayNightStrokes
                + " / " + weekendUncovered);
    }

    @Test
    void simulatedWeekendToWeekdayStrokeMortalityRatioRecoversTheInputOddsRatio() {
        // Same journeys, OR 1 vs OR 1.14 on weekend admissions: among weekend admissions the expected deaths
        // move as the odds ratio says, and weekday deaths do not move at all.
        OutcomeParameters upper = DEFAULTS.withCoefficient("stroke.weekend_admission_odds_ratio", 1.14);
        ReplicationResult a = run(model(false, DEFAULTS, List.of()), 11, 0, 200, 20);
        ReplicationResult b = run(model(false, upper, List.of()), 11, 0, 200, 20);
        assertEquals(a.metrics().get("strokes_per_year"), b.metrics().get("strokes_per_year"));
        double weekday0 = a.metrics().get("stroke_deaths_90d_weekday");
        double weekday1 = b.metrics().get("stroke_deaths_90d_weekday");
        double weekend0 = a.metrics().get("stroke_deaths_90d_weekend");
        double weekend1 = b.metrics().get("stroke_deaths_90d_weekend");
        assertTrue(weekend1 > weekend0 * 1.05 && weekend1 < weekend0 * 1.14, weekend0 + " -> " + weekend1);
        // Onset-weekday strokes admitted at the weekend (late Friday onsets) are the only weekday change.
        assertEquals(weekday0, weekday1, 0.02 * weekday0);
    }

    @Test
    void psaSummaryGivesThePerPatientOutcomesWithinItsResolution() {
        OutcomeModel central = new OutcomeModel(DEFAULTS);
        ReplicationResult r = run(model(true, DEFAULTS, List.of(central)), 5, 0, 200, 20);
        Map<String, Double> m = r.metrics();
        Map<String, double[]> s = r.series();
        for (String metric : FlowStatistics.PSA_METRICS) {
            double exact = m.get(metric);
            double summarised = s.get("psa." + metric)[0];
            // Stated resolution: 5-minute treatment times, 0.02 organised-care share, 1-minute delays, 0.1 km.
            assertEquals(exact, summarised, 1e-3 * Math.abs(exact) + 1e-9, metric);
        }
        assertTrue(m.get("psa_summary_cells") < 0.5 * m.get("incidents_per_year") * 200 / 365.0,
                "the summary is far smaller than the patients: " + m.get("psa_summary_cells"));
        assertTrue(CovariateSummary.TREATMENT_MINUTES <= 5);
    }

    @Test
    void psaDrawsAreRepeatableAndCentredOnTheCoefficients() {
        umontreal.ssj.rng.RandomStream a = new org.acuteflow.sim.RandomStreams(42, 0).stream("outcome.psa");
        umontreal.ssj.rng.RandomStream b = new org.acuteflow.sim.RandomStreams(42, 0).stream("outcome.psa");
        List<OutcomeParameters> x = DEFAULTS.draws(200, a);
        List<OutcomeParameters> y = DEFAULTS.draws(200, b);
        assertEquals(x, y);
        List<Double> organised = new ArrayList<>();
        for (OutcomeParameters p : x) {
            organised.add(Math.log(p.stroke().organisedCare().deathOddsRatio()));
        }
        double mean = organised.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(Math.log(0.81), mean, 0.02);
        double sd = Math.sqrt(organised.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (x.size() - 1));
        assertEquals((Math.log(0.94) - Math.log(0.69)) / (2 * 1.96), sd, 0.01);
        // Coefficients without a distribution never move.
        for (OutcomeParameters p : x) {
            assertEquals(378 > 0, p.stroke().thrombectomy().noEffectMinutes() == 480);
        }
    }
}
