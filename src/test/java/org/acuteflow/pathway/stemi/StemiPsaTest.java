package org.acuteflow.pathway.stemi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.outcome.Uncertainty;
import org.acuteflow.sim.RandomStreams;
import org.junit.jupiter.api.Test;

/** The heart attack sub-model re-evaluated on a replication's patients under PSA coefficient sets. */
class StemiPsaTest {
    private static final double[] TIMES = {60, 111, 200, 300};

    /** Four patients under 80 and one aged 80+, at call-to-balloon times across the measured range. */
    private static StemiPathway.Tally patients(StemiOutcome central) {
        StemiPathway.Tally t = new StemiPathway.Tally();
        for (double ctb : TIMES) {
            t.add(ctb, 30, central.mortality30d(AgeBand.UNDER_80, ctb, false), false, false, AgeBand.UNDER_80);
        }
        t.add(150, 30, central.mortality30d(AgeBand.AGED_80_PLUS, 150, true), true, true, AgeBand.AGED_80_PLUS);
        return t;
    }

    @Test
    void theCentralSetGivesTheCountedDeathsExactly() {
        StemiOutcome central = StemiOutcome.defaults();
        StemiPathway.Tally t = patients(central);
        assertEquals(t.deaths, t.deathsUnder(central), 0);
    }

    @Test
    void aHazardRatioOfOneRemovesTheTimeGradient() {
        StemiOutcome central = StemiOutcome.defaults();
        StemiOutcome flat = central.withCoefficient("hazard_ratio_per_30_minutes", 1.0);
        StemiPathway.Tally t = patients(central);
        // Every patient at the baseline of its band: 4 x 0.056 + 0.150 (the on-call hazard ratio is 1 centrally).
        assertEquals(4 * 0.056 + 0.150, t.deathsUnder(flat), 1e-12);
        // Under the central 1.16 per 30 min the same patients differ by time.
        assertTrue(central.mortality30d(AgeBand.UNDER_80, 300, false)
                > central.mortality30d(AgeBand.UNDER_80, 60, false) + 0.02);
    }

    @Test
    void oneAtATimeCasesAreEachCoefficientAtItsPercentiles() {
        StemiOutcome central = StemiOutcome.defaults();
        java.util.Map<String, StemiOutcome> cases = central.sensitivityCases();
        assertEquals(List.of("stemi.outcome.baseline_mortality_30d.under_80.low",
                "stemi.outcome.baseline_mortality_30d.under_80.high",
                "stemi.outcome.baseline_mortality_30d.aged_80_plus.low",
                "stemi.outcome.baseline_mortality_30d.aged_80_plus.high",
                "stemi.outcome.hazard_ratio_per_30_minutes.low", "stemi.outcome.hazard_ratio_per_30_minutes.high",
                "stemi.outcome.cath_lab_on_call_hazard_ratio.low",
                "stemi.outcome.cath_lab_on_call_hazard_ratio.high"), List.copyOf(cases.keySet()));
        // Lognormal with 95% range [1.09, 1.25] around median 1.16: the 2.5th percentile is 1.16 x sqrt(1.09/1.25).
        StemiOutcome low = cases.get("stemi.outcome.hazard_ratio_per_30_minutes.low");
        assertEquals(1.16 * Math.sqrt(1.09 / 1.25), low.hazardRatioPer30Minutes(), 1e-12);
        assertEquals(central.baselineMortality30d(), low.baselineMortality30d());
        StemiPathway.Tally t = patients(central);
        ReplicationResult r = new ReplicationResult();
        t.writeSensitivity(r, 2, cases);
        String prefix = "sensitivity.stemi.outcome.hazard_ratio_per_30_minutes.";
        assertEquals(t.deathsUnder(low) / 2, r.metrics().get(prefix + "low.stemi_deaths_30d"), 0);
        // Three patients beyond the reference time and one before it: a steeper gradient adds deaths.
        assertTrue(r.metrics().get(prefix + "high.stemi_deaths_30d") > t.deaths / 2);
        assertTrue(r.metrics().get(prefix + "low.stemi_deaths_30d") < t.deaths / 2);
    }

    @Test
    void symmetricDrawsCentreOnTheCentralDeathsWithANonDegenerateInterval() {
        StemiOutcome d = StemiOutcome.defaults();
        // Normal (symmetric) on the probability, the scale on which deaths are nearly linear; the time effect fixed.
        StemiOutcome central = new StemiOutcome(d.baselineMortality30d(), d.referenceCallToBalloonMinutes(),
                d.hazardRatioPer30Minutes(), d.minimumCallToBalloonMinutes(), d.maximumCallToBalloonMinutes(),
                d.cathLabOnCallHazardRatio(), List.of(
                        new Uncertainty("baseline_mortality_30d.under_80", "normal", List.of(0.040, 0.072), 0, "test"),
                        new Uncertainty("baseline_mortality_30d.aged_80_plus", "normal", List.of(0.10, 0.20), 0,
                                "test")));
        StemiPathway.Tally t = patients(central);
        int n = 4000;
        List<StemiOutcome> sets = central.draws(n, new RandomStreams(20260101L, 0).stream("test.psa"));
        double[] deaths = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            deaths[k] = t.deathsUnder(sets.get(k));
            sum += deaths[k];
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : deaths) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double expected = t.deathsUnder(central);
        assertEquals(expected, mean, 4 * sd / Math.sqrt(n));
        // Hand-computed spread: d deaths / d p0 is about the patient's hazard ratio H = 1.16^((t - 111)/30), summed:
        // 0.78 + 1 + 1.55 + 2.55 = 5.9 under 80 and 1.21 aged 80+: sd about
        // sqrt((5.9 x 0.032/3.92)^2 + (1.21 x 0.10/3.92)^2) = 0.057 (the factor (1 - p)^(H-1) makes it a little less).
        assertEquals(0.057, sd, 0.006);
        double[] sorted = deaths.clone();
        Arrays.sort(sorted);
        double low = sorted[(int) (0.025 * n)];
        double high = sorted[(int) (0.975 * n)];
        assertTrue(low < expected && expected < high, low + " < " + expected + " < " + high);
        assertTrue(high - low > 0.1, "interval " + low + " to " + high);

        // The replication writes one value per set, per year of simulated time, under the PSA series names.
        ReplicationResult r = new ReplicationResult();
        t.writePsa(r, 0.5, sets.subList(0, 3));
        double[] perYear = {deaths[0] / 0.5, deaths[1] / 0.5, deaths[2] / 0.5};
        assertArrayEquals(perYear, r.series().get("psa." + Metrics.STEMI_DEATHS_30D.name()), 1e-12);
        assertEquals(deaths[1] / t.patients, r.series().get("psa." + Metrics.STEMI_MORTALITY_30D.name())[1], 1e-15);
    }
}
