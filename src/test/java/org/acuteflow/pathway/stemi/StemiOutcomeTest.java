package org.acuteflow.pathway.stemi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acuteflow.config.Binder;
import org.acuteflow.config.InputException;
import org.acuteflow.config.SourceMap;
import org.acuteflow.demand.AgeBand;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

/** The heart attack (STEMI) 30-day mortality sub-model against its published inputs and its own definition. */
class StemiOutcomeTest {
    private static final StemiOutcome DEFAULTS = StemiOutcome.defaults();

    /** Cumulative hazard over the 30-day window, -ln S: the scale on which the source's hazard ratio acts. */
    private static double cumulativeHazard(double p) {
        return -Math.log1p(-p);
    }

    @Test
    void everyThirtyMinutesMultipliesTheThirtyDayHazardByThePublishedRatio() {
        for (AgeBand age : AgeBand.values()) {
            for (double t = 60; t + 30 <= 360; t += 15) {
                double ratio = cumulativeHazard(DEFAULTS.mortality30d(age, t + 30, false))
                        / cumulativeHazard(DEFAULTS.mortality30d(age, t, false));
                assertEquals(1.16, ratio, 1e-12, age + " at " + t + " min");
            }
        }
    }

    @Test
    void recoversVarcoesHazardRatioBetweenTheTypicalTimesOfItsGroups() {
        // Varcoe 2017: HR 1.95 for a call-to-balloon time of >180-240 min vs <=90 min; the coefficient was derived
        // from the groups' typical times, 75 and 210 min; rounding it to 1.16 moves the ratio by under 1%.
        double ratio = cumulativeHazard(DEFAULTS.mortality30d(AgeBand.UNDER_80, 210, false))
                / cumulativeHazard(DEFAULTS.mortality30d(AgeBand.UNDER_80, 75, false));
        assertEquals(1.95, ratio, 0.02);
        assertEquals(Math.pow(1.16, 135.0 / 30), ratio, 1e-12);
    }

    @Test
    void theBaselineAppliesAtTheReferenceTime() {
        assertEquals(0.056, DEFAULTS.mortality30d(AgeBand.UNDER_80, 111, false), 1e-15);
        assertEquals(0.150, DEFAULTS.mortality30d(AgeBand.AGED_80_PLUS, 111, false), 1e-15);
    }

    @Test
    void mortalityRisesWithDelayAndAgeAndStaysAProbability() {
        for (AgeBand age : AgeBand.values()) {
            double previous = 0;
            for (double t = 0; t <= 24 * 60; t += 5) {
                double p = DEFAULTS.mortality30d(age, t, false);
                assertTrue(p > 0 && p < 1, "probability at " + t);
                assertTrue(p >= previous, "never falls with delay, at " + t);
                assertTrue(t <= 60 || t > 360 || p > previous, "rises within the measured range, at " + t);
                previous = p;
            }
        }
        for (double t = 0; t <= 600; t += 30) {
            assertTrue(DEFAULTS.mortality30d(AgeBand.AGED_80_PLUS, t, false)
                    > DEFAULTS.mortality30d(AgeBand.UNDER_80, t, false));
        }
        // Outside the range the source measured (6 h or less; no benefit below its reference group) the effect
        // is held: the extremes of a 24-hour delay or a zero one are bounded.
        assertEquals(DEFAULTS.mortality30d(AgeBand.UNDER_80, 360, false),
                DEFAULTS.mortality30d(AgeBand.UNDER_80, 1440, false), 0);
        assertEquals(DEFAULTS.mortality30d(AgeBand.UNDER_80, 60, false),
                DEFAULTS.mortality30d(AgeBand.UNDER_80, 0, false), 0);
        // Even at the largest hazard a probability of 1 is never reached.
        StemiOutcome extreme = DEFAULTS.withCoefficient("hazard_ratio_per_30_minutes", 100)
                .withCoefficient("baseline_mortality_30d.aged_80_plus", 0.99);
        double p = extreme.mortality30d(AgeBand.AGED_80_PLUS, 360, true);
        assertTrue(p > 0.99 && p <= 1, "got " + p);
    }

    @Test
    void theCathLabOnCallActsOnlyThroughItsRatioWhichIsCentrallyOne() {
        for (double t : new double[] {60, 111, 200}) {
            assertEquals(DEFAULTS.mortality30d(AgeBand.UNDER_80, t, false),
                    DEFAULTS.mortality30d(AgeBand.UNDER_80, t, true), 0);
        }
        StemiOutcome high = DEFAULTS.withCoefficient("cath_lab_on_call_hazard_ratio", 1.151);
        assertEquals(1.151, cumulativeHazard(high.mortality30d(AgeBand.UNDER_80, 150, true))
                / cumulativeHazard(high.mortality30d(AgeBand.UNDER_80, 150, false)), 1e-12);
    }

    @Test
    void coefficientSetsFollowTheirDistributions() {
        List<StemiOutcome> draws = DEFAULTS.draws(4000, stream());
        double[] logHr = draws.stream().mapToDouble(d -> Math.log(d.hazardRatioPer30Minutes())).sorted().toArray();
        // Lognormal with median 1.16 and 95% range 1.09-1.25: the sample median and 2.5th / 97.5th percentiles.
        assertEquals(Math.log(1.16), logHr[2000], 0.01);
        double sigma = (Math.log(1.25) - Math.log(1.09)) / (2 * 1.959963984540054);
        assertEquals(Math.log(1.16) - 1.96 * sigma, logHr[100], 0.01);
        assertEquals(Math.log(1.16) + 1.96 * sigma, logHr[3900], 0.01);
        double meanYoung = draws.stream().mapToDouble(d -> d.baselineMortality30d().under80()).average().orElseThrow();
        assertEquals(0.056, meanYoung, 0.002);
        // Coefficients without a distribution keep their value.
        assertTrue(draws.stream().allMatch(d -> d.referenceCallToBalloonMinutes() == 111));
        // Same stream seed, same sets.
        assertTrue(draws.subList(0, 5).equals(DEFAULTS.draws(5, stream())), "same seed, same sets");
    }

    /** A stream with a fixed seed (a new MRG32k3a would otherwise start where the previous one left off). */
    private static MRG32k3a stream() {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        return s;
    }

    @Test
    void badCoefficientsAreReportedTogetherWithTheirPaths() {
        ObjectNode tree = (ObjectNode) Binder.mapper().valueToTree(DEFAULTS);
        ((ObjectNode) tree.get("baseline_mortality_30d")).put("under_80", 1.5);
        tree.put("hazard_ratio_per_30_minutes", -1);
        tree.put("minimum_call_to_balloon_minutes", 400);
        ((ObjectNode) tree.get("uncertainty").get(0)).put("source", "");
        InputException e = assertThrows(InputException.class, () -> StemiOutcome.from(tree, new SourceMap("t.yaml")));
        String text = e.getMessage();
        for (String field : new String[] {"baseline_mortality_30d.under_80", "hazard_ratio_per_30_minutes",
                "maximum_call_to_balloon_minutes", "uncertainty[0].source"}) {
            assertTrue(text.contains(field), field + " in: " + text);
        }
        JsonNode unknownPath = Binder.mapper().valueToTree(DEFAULTS);
        ((ObjectNode) unknownPath.get("uncertainty").get(2)).put("path", "hazard_ratio_per_hour");
        InputException e2 = assertThrows(InputException.class,
                () -> StemiOutcome.from(unknownPath, new SourceMap("t.yaml")));
        assertTrue(e2.getMessage().contains("hazard_ratio_per_hour"), e2.getMessage());
        // A distribution without its interval is reported by the same rule as an outcome coefficient's.
        JsonNode noInterval = Binder.mapper().valueToTree(DEFAULTS);
        ((ObjectNode) noInterval.get("uncertainty").get(1)).remove("ci95");
        InputException e3 = assertThrows(InputException.class,
                () -> StemiOutcome.from(noInterval, new SourceMap("t.yaml")));
        assertTrue(e3.getMessage().contains("uncertainty[1]") && e3.getMessage().contains("ci95 must be [low, high]"),
                e3.getMessage());
    }
}
