package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.acuteflow.demand.Condition;
import org.junit.jupiter.api.Test;

/**
 * The time from arrival in the emergency department to a bed (Jones et al., EMJ 2022): hand-computed deaths at
 * stated times, the band edges, the populations it does not apply to, and the coefficient recovered from
 * simulated deaths.
 */
class EdStayDeathsTest {
    private static final OutcomeParameters DEFAULTS = OutcomeParameters.defaults();
    private static final OutcomeModel MODEL = new OutcomeModel(DEFAULTS);
    /** Jones et al. 2022, table 3: SMR at most 4 h, 4-6 h, 6-8 h, 8-12 h. */
    private static final double[] SMR = {0.94, 1.06, 1.14, 1.16};

    /** A medical emergency who walked in (no distance effect), weekday, with that time to a bed. */
    private static OutcomeInput admitted(double edMinutesToBed) {
        return Patients.emergency(Condition.MEDICAL_EMERGENCY, 0, true, false, false).withEdMinutesToBed(edMinutesToBed);
    }

    @Test
    void handComputedDeathsAtStatedTimesToABed() {
        double p0 = 0.05;
        // 3 h to a bed: the reference band, 5% (the baseline).
        assertEquals(p0, MODEL.probabilityOfDeath(admitted(180)), 1e-12);
        // Exactly 4 h still belongs to the first band.
        assertEquals(p0, MODEL.probabilityOfDeath(admitted(240)), 1e-12);
        // 5 h: 0.05 x 1.06 / 0.94 = 0.056383.
        assertEquals(0.05 * 1.06 / 0.94, MODEL.probabilityOfDeath(admitted(300)), 1e-12);
        // 2 h in the department and 5 h boarding = 7 h: 0.05 x 1.14 / 0.94 = 0.060638.
        assertEquals(0.0606383, MODEL.probabilityOfDeath(admitted(120 + 300)), 1e-7);
        // 10 h and 20 h: 0.05 x 1.16 / 0.94 = 0.061702 (the 8-12 h value kept beyond 12 h).
        assertEquals(0.0617021, MODEL.probabilityOfDeath(admitted(600)), 1e-7);
        assertEquals(0.0617021, MODEL.probabilityOfDeath(admitted(1200)), 1e-7);
        // 1,000 admissions boarded to 7 h rather than 3 h: 1000 x (0.060638 - 0.05) = 10.6 extra deaths.
        double extra = 1000 * (MODEL.probabilityOfDeath(admitted(420)) - MODEL.probabilityOfDeath(admitted(180)));
        assertEquals(10.638, extra, 1e-3);
    }

    @Test
    void unknownTimesAndStrokeMimicsAreUnaffected() {
        assertEquals(0.05, MODEL.probabilityOfDeath(admitted(Double.NaN)), 1e-12);
        OutcomeInput mimic = Patients.emergency(Condition.STROKE_MIMIC, 0, true, false, false).withEdMinutesToBed(600);
        assertEquals(0.05, MODEL.probabilityOfDeath(mimic), 1e-12);
    }

    @Test
    void theScaleIsAPowerOfTheRatiosAndZeroRemovesTheEffect() {
        OutcomeParameters none = DEFAULTS.sensitivityCase("other_emergency.ed_stay_effect_scale",
                OutcomeParameters.Level.LOW);
        double scale = none.otherEmergency().edStayEffectScale();
        double expected = 0.05 * Math.pow(1.16 / 0.94, scale);
        assertEquals(expected, new OutcomeModel(none).probabilityOfDeath(admitted(600)), 1e-12);
    }

    @Test
    void ambulancePatientsTakeTheRatioOnBothDistanceGroups() {
        OutcomeInput near = Patients.emergency(Condition.SURGICAL_EMERGENCY, 12, true, false, true);
        double without = MODEL.probabilityOfDeath(near);
        double with = MODEL.probabilityOfDeath(near.withEdMinutesToBed(600));
        assertEquals(without * 1.16 / 0.94, with, 1e-12);
    }

    @Test
    void theCoefficientIsRecoveredFromSimulatedDeaths() {
        // 400,000 admissions with times to a bed uniform over 0-12 h, deaths drawn from the model; the death rate
        // of each band over the first band's recovers the published ratio within 3 standard errors.
        SplittableRandom random = new SplittableRandom(20220118L);
        long[] n = new long[4];
        long[] deaths = new long[4];
        for (int i = 0; i < 400_000; i++) {
            double minutes = random.nextDouble() * 720;
            OutcomeInput patient = admitted(minutes);
            int band = OutcomeParameters.OtherEmergency.edStayBand(minutes);
            n[band]++;
            if (OutcomeModel.sampleDeath(MODEL.probabilityOfDeath(patient), random.nextDouble())) {
                deaths[band]++;
            }
        }
        double r0 = deaths[0] / (double) n[0];
        for (int b = 1; b < 4; b++) {
            double rb = deaths[b] / (double) n[b];
            double ratio = rb / r0;
            // Delta method: var(ln ratio) = (1 - r0)/(n0 r0) + (1 - rb)/(nb rb).
            double se = ratio * Math.sqrt((1 - r0) / (n[0] * r0) + (1 - rb) / (n[b] * rb));
            double published = SMR[b] / SMR[0];
            assertTrue(Math.abs(ratio - published) < 3 * se,
                    "band " + b + ": recovered " + ratio + " vs " + published + " (se " + se + ")");
        }
    }
}
