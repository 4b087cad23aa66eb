package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

class OutcomeModelTest {
    private static final OutcomeParameters DEFAULTS = OutcomeParameters.defaults();
    private static final OutcomeModel MODEL = new OutcomeModel(DEFAULTS);

    private static double odds(double p) {
        return p / (1 - p);
    }

    @Test
    void organisedCareOddsRatioIsAppliedExactlyOnTheLogitScale() {
        OutcomeModel m = new OutcomeModel(DEFAULTS.withCoefficient("stroke.baseline_mortality_90d.ischaemic_under_80", 0.2));
        double expected = 0.2 * 0.81 / (0.8 + 0.2 * 0.81);
        assertEquals(0.2, m.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80)), 1e-12);
        assertEquals(expected, m.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80,
                CareLevel.HASU, true)), 1e-12);
        assertEquals(expected, m.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80,
                CareLevel.STROKE_UNIT, true)), 1e-12);
        assertEquals(0.168399168, expected, 1e-9);
    }

    @Test
    void strokeOddsRatiosMultiplyTheOdds() {
        OutcomeModel m = new OutcomeModel(DEFAULTS.withCoefficient("stroke.baseline_mortality_90d.haemorrhagic_aged_80_plus", 0.2));
        // odds 0.25 x 0.81 (organised care) x 1.14 (no specialist on site at arrival)
        double o = 0.25 * 0.81 * 1.14;
        assertEquals(o / (1 + o), m.probabilityOfDeath(Patients.stroke(Condition.STROKE_HAEMORRHAGIC,
                AgeBand.AGED_80_PLUS, CareLevel.HASU, false)), 1e-12);
        assertEquals(0.187553317, o / (1 + o), 1e-9);
    }

    @Test
    void baselineIsChosenByTypeAndAgeBand() {
        assertEquals(0.13, MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80)), 1e-12);
        assertEquals(0.31, MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.AGED_80_PLUS)), 1e-12);
        assertEquals(0.38, MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_HAEMORRHAGIC, AgeBand.UNDER_80)), 1e-12);
        assertEquals(0.60, MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_HAEMORRHAGIC, AgeBand.AGED_80_PLUS)), 1e-12);
    }

    @Test
    void thrombolysisBenefitShrinksWithOnsetToNeedleAndVanishesAtTheNoEffectTime() {
        double untreated = MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80,
                CareLevel.HASU, true));
        double previous = 0;
        for (int t = 0; t < 378; t++) {
            double p = MODEL.probabilityOfDeath(Patients.thrombolysed(t));
            assertTrue(p > previous, "p must rise with onset-to-needle, at t = " + t);
            assertTrue(p < untreated, "treatment before the no-effect time must help, at t = " + t);
            previous = p;
        }
        assertEquals(untreated, MODEL.probabilityOfDeath(Patients.thrombolysed(378)), 0.0);
        assertEquals(untreated, MODEL.probabilityOfDeath(Patients.thrombolysed(378.5)), 0.0);
        assertEquals(untreated, MODEL.probabilityOfDeath(Patients.thrombolysed(1000)), 0.0);
        // At onset the odds are multiplied by the OR at onset.
        assertEquals(odds(untreated) * 0.3575, odds(MODEL.probabilityOfDeath(Patients.thrombolysed(0))), 1e-12);
    }

    @Test
    void thrombolysisSlopeReproducesSaverPer15Minutes() {
        // Saver 2013: each 15 minutes faster onset-to-treatment, mortality OR 0.96.
        for (double t = 0; t + 15 <= 378; t += 37) {
            double earlier = odds(MODEL.probabilityOfDeath(Patients.thrombolysed(t)));
            double later = odds(MODEL.probabilityOfDeath(Patients.thrombolysed(t + 15)));
            assertEquals(0.96, earlier / later, 5e-5, "at t = " + t);
        }
    }

    @Test
    void thrombectomyBenefitCountsOnlyForLargeVesselOcclusionAndEndsAtEightHours() {
        double untreated = MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, Double.NaN));
        double previous = 0;
        for (int t = 0; t < 480; t += 5) {
            double p = MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, t));
            assertTrue(p > previous && p < untreated, "at t = " + t);
            previous = p;
        }
        assertEquals(untreated, MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, 480)), 0.0);
        assertEquals(untreated, MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, 600)), 0.0);
        assertEquals(odds(untreated) * 0.536, odds(MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, 0))), 1e-12);
        // A puncture recorded for a patient without a large-vessel occlusion changes nothing.
        OutcomeInput noLvo = new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, false, Double.NaN, 100,
                CareLevel.HASU, true, false, 30, 5, 30);
        assertEquals(untreated, MODEL.probabilityOfDeath(noLvo), 0.0);
    }

    @Test
    void bridgingTakesTheMoreFavourableTreatmentNotTheProduct() {
        double ivtOnly = MODEL.probabilityOfDeath(Patients.lvo(60, Double.NaN));
        double mtOnly = MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, 200));
        double both = MODEL.probabilityOfDeath(Patients.lvo(60, 200));
        assertEquals(Math.min(ivtOnly, mtOnly), both, 0.0);
        // Late needle, early puncture: thrombectomy dominates.
        assertEquals(MODEL.probabilityOfDeath(Patients.lvo(Double.NaN, 30)),
                MODEL.probabilityOfDeath(Patients.lvo(350, 30)), 0.0);
    }

    @Test
    void haemorrhagicStrokesGetNoReperfusionCredit() {
        OutcomeInput untreated = Patients.stroke(Condition.STROKE_HAEMORRHAGIC, AgeBand.UNDER_80, CareLevel.HASU, true);
        OutcomeInput recorded = new OutcomeInput(Condition.STROKE_HAEMORRHAGIC, AgeBand.UNDER_80, true, 60, 90,
                CareLevel.HASU, true, false, 30, 5, 30);
        assertEquals(MODEL.probabilityOfDeath(untreated), MODEL.probabilityOfDeath(recorded), 0.0);
    }

    @Test
    void traumaAtAnMtcReproducesMacKenzieAtTheReferenceDelay() {
        // 9.5% outside a trauma centre, RR 0.80 -> 7.6% at one (MacKenzie 2006), exactly through the derived OR.
        assertEquals(0.095, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 60)), 1e-12);
        assertEquals(0.095, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.EMERGENCY_DEPARTMENT, 60)), 1e-12);
        assertEquals(0.076, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.MTC, 60)), 1e-5);
    }

    @Test
    void traumaMortalityRisesWithCallToDefinitiveCare() {
        double previous = 0;
        for (int t = 0; t <= 300; t += 10) {
            double p = MODEL.probabilityOfDeath(Patients.trauma(CareLevel.MTC, t));
            assertTrue(p > previous, "at t = " + t);
            previous = p;
        }
        double at80 = MODEL.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 80));
        assertEquals(odds(0.095) * 1.02 * 1.02, odds(at80), 1e-12);
    }

    @Test
    void emergencyMortalityRisesWithDistanceAsNichollPerStraightLineKm() {
        double previous = 0;
        for (double km = 0; km <= 60; km += 0.5) {
            double p = MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, km, true, false));
            assertTrue(p > previous, "at " + km + " km");
            previous = p;
        }
        // 7.25 road km = 5 straight-line km, the reference: the baseline exactly.
        assertEquals(0.05, MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, 7.25, true, false)), 1e-12);
        // 10 straight-line km further: odds x 1.02^10 (Nicholl: about 1% absolute per 10 km).
        double far = MODEL.probabilityOfDeath(Patients.emergency(Condition.SURGICAL_EMERGENCY, 7.25 + 14.5, true, false));
        assertEquals(odds(0.05) * Math.pow(1.02, 10), odds(far), 1e-12);
        assertEquals(0.0603, far, 5e-4);
    }

    @Test
    void emergencyCoverEffectComesFromConsultantAbsenceOnlyNotAlsoTheWeekendFlag() {
        double weekday = MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, 7.25, true, false));
        double weekendCovered = MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, 7.25, true, true));
        double weekendUncovered = MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, 7.25, false, true));
        double nightUncovered = MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, 7.25, false, false));
        assertEquals(weekday, weekendCovered, 0.0);
        assertEquals(odds(0.05) * 1.10, odds(weekendUncovered), 1e-12);
        assertEquals(weekendUncovered, nightUncovered, 0.0);
    }

    @Test
    void mimicsCarryTheEmergencyRiskWhateverTheStrokeCoefficients() {
        OutcomeInput mimic = new OutcomeInput(Condition.STROKE_MIMIC, AgeBand.AGED_80_PLUS, false, 60, Double.NaN,
                CareLevel.HASU, true, false, 30, 7.25, 30);
        assertEquals(0.05, MODEL.probabilityOfDeath(mimic), 1e-12);
        OutcomeModel harsh = new OutcomeModel(DEFAULTS
                .withCoefficient("stroke.baseline_mortality_90d.ischaemic_aged_80_plus", 0.99)
                .withCoefficient("stroke.organised_care_odds_ratio", 5)
                .withCoefficient("stroke.thrombolysis.odds_ratio_at_onset", 0.01));
        assertEquals(MODEL.probabilityOfDeath(mimic), harsh.probabilityOfDeath(mimic), 0.0);
        OutcomeModel noMimicDeaths = new OutcomeModel(DEFAULTS.withCoefficient(
                "other_emergency.baseline_mortality_30d.stroke_mimic", 0));
        assertEquals(0.0, noMimicDeaths.probabilityOfDeath(mimic), 0.0);
        assertFalse(OutcomeModel.sampleDeath(noMimicDeaths.probabilityOfDeath(mimic), 0.0));
    }

    @Test
    void defaultStrokeBaselinesAverageToTheAnchoredNinetyDayMortality() {
        // Anchor (docs): 21.4% at 30 d and 37.7% at 1 yr (Welsh linkage) put 90-day mortality near 0.25-0.29.
        // Over the PenCHORD case-mix ranges the defaults must average 0.23-0.26, as documented.
        for (double ischaemic : new double[] {0.85, 0.89}) {
            for (double old : new double[] {0.41, 0.51}) {
                double mean = 0;
                for (Condition type : new Condition[] {Condition.STROKE_ISCHAEMIC, Condition.STROKE_HAEMORRHAGIC}) {
                    for (AgeBand age : AgeBand.values()) {
                        double w = (type == Condition.STROKE_ISCHAEMIC ? ischaemic : 1 - ischaemic)
                                * (age == AgeBand.AGED_80_PLUS ? old : 1 - old);
                        mean += w * MODEL.probabilityOfDeath(Patients.stroke(type, age));
                    }
                }
                assertTrue(mean > 0.23 && mean < 0.265, "mean " + mean + " at " + ischaemic + "/" + old);
            }
        }
    }

    @Test
    void extremeBaselinesStayFixed() {
        OutcomeModel sure = new OutcomeModel(DEFAULTS.withCoefficient("major_trauma.baseline_mortality_in_hospital", 1));
        assertEquals(1.0, sure.probabilityOfDeath(Patients.trauma(CareLevel.MTC, 10)), 0.0);
        OutcomeModel never = new OutcomeModel(DEFAULTS.withCoefficient("major_trauma.baseline_mortality_in_hospital", 0));
        assertEquals(0.0, never.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 500)), 0.0);
    }

    @Test
    void missingOrNegativeTimesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.probabilityOfDeath(Patients.trauma(CareLevel.MTC, Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, -1, true, false)));
        assertThrows(IllegalArgumentException.class, () -> MODEL.probabilityOfDeath(Patients.thrombolysed(-5)));
    }

    @Test
    void sampleDeathConsumesExactlyOneUniform() {
        MRG32k3a a = new MRG32k3a();
        a.setSeed(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        MRG32k3a b = a.clone();
        for (int i = 0; i < 1000; i++) {
            double p = (i % 10) / 9.0;
            double u = b.nextDouble();
            assertEquals(u < p, OutcomeModel.sampleDeath(p, a));
        }
        assertEquals(b.nextDouble(), a.nextDouble(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> OutcomeModel.sampleDeath(1.2, 0.5));
    }

    @Test
    void sharedModelGivesTheSameAnswersFromParallelThreads() {
        double[] sequential = IntStream.range(0, 20_000).mapToDouble(i -> MODEL.probabilityOfDeath(Patients.thrombolysed(i % 400))).toArray();
        double[] parallel = IntStream.range(0, 20_000).parallel().mapToDouble(i -> MODEL.probabilityOfDeath(Patients.thrombolysed(i % 400))).toArray();
        assertEquals(java.util.Arrays.toString(sequential), java.util.Arrays.toString(parallel));
    }
}
