package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

/** Each effect of the outcome model does to its own published outcome exactly what its source measured. */
class OutcomeModelTest {
    private static final OutcomeParameters DEFAULTS = OutcomeParameters.defaults();
    private static final OutcomeModel MODEL = new OutcomeModel(DEFAULTS);

    private static double odds(double p) {
        return p / (1 - p);
    }

    private static double[] mrs(OutcomeModel m, OutcomeInput p) {
        double[] out = new double[OutcomeModel.MRS];
        m.strokeMrs(p, out);
        return out;
    }

    private static double atMost(double[] mrs, int k) {
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            sum += mrs[i];
        }
        return sum;
    }

    @Test
    void mrsDistributionsSumToOneAndDeathIsTheProbabilityOfDeath() {
        for (Condition type : new Condition[] {Condition.STROKE_ISCHAEMIC, Condition.STROKE_HAEMORRHAGIC}) {
            for (AgeBand age : AgeBand.values()) {
                for (double share : new double[] {0, 0.37, 1}) {
                    OutcomeInput p = Patients.stroke(type, age, share, share > 0.5);
                    double[] d = mrs(MODEL, p);
                    double sum = 0;
                    for (double x : d) {
                        assertTrue(x >= 0, "cells are probabilities");
                        sum += x;
                    }
                    assertEquals(1, sum, 1e-12);
                    assertEquals(MODEL.probabilityOfDeath(p), d[6], 1e-15);
                }
            }
        }
    }

    @Test
    void untreatedReferenceGivesThePublishedSurvivorDistributionAndTheBaselineDeath() {
        // nLVO, under 80, general ward: survivors as the stroke-outcome untreated distribution (renormalised).
        double[] d = mrs(MODEL, Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80));
        double[] published = {0.198, 0.262, 0.120, 0.128, 0.148, 0.062};
        for (int k = 0; k < 6; k++) {
            assertEquals(published[k] / 0.918, d[k] / (1 - d[6]), 1e-9, "mRS " + k);
        }
        assertEquals(0.13, d[6], 1e-12);
        // Haemorrhagic, 80+: death 0.60 and survivors shifted to worse mRS by the age odds ratio 2.
        double[] h = mrs(MODEL, Patients.stroke(Condition.STROKE_HAEMORRHAGIC, AgeBand.AGED_80_PLUS));
        assertEquals(0.60, h[6], 1e-12);
        double youngGood = (0.072 + 0.173) / 0.867;
        assertEquals(odds(youngGood) / 2, odds(atMost(h, 1) / (1 - h[6])), 1e-9);
    }

    @Test
    void thrombolysisShiftsGoodOutcomeByItsTimeDependentOddsRatioAndLeavesDeathUnchanged() {
        double[] untreated = mrs(MODEL, Patients.thrombolysed(Double.NaN));
        for (double t : new double[] {0, 60, 150, 270, 377}) {
            double[] treated = mrs(MODEL, Patients.thrombolysed(t));
            double expected = Math.pow(2.11, 1 - t / 378);
            assertEquals(expected, odds(atMost(treated, 1)) / odds(atMost(untreated, 1)), 1e-9, "at t = " + t);
            // No central effect on 90-day death (Emberson 2014).
            assertEquals(untreated[6], treated[6], 1e-15);
        }
        // At and beyond the no-effect time: no benefit at all.
        assertEquals(atMost(untreated, 1), atMost(mrs(MODEL, Patients.thrombolysed(378)), 1), 1e-15);
        assertEquals(atMost(untreated, 2), atMost(mrs(MODEL, Patients.thrombolysed(500)), 2), 1e-15);
    }

    @Test
    void thrombolysisBenefitShrinksMonotonicallyWithOnsetToNeedle() {
        double previous = 1;
        for (int t = 0; t <= 400; t += 5) {
            double good = atMost(mrs(MODEL, Patients.thrombolysed(t)), 2);
            assertTrue(good <= previous + 1e-15, "mRS 0-2 must not rise with delay, at t = " + t);
            previous = good;
        }
    }

    @Test
    void thrombolysisMortalityRangeActsOnDeathOnly() {
        OutcomeModel harm = new OutcomeModel(DEFAULTS.withCoefficient("stroke.thrombolysis.mortality_odds_ratio", 1.25));
        double[] untreated = mrs(harm, Patients.thrombolysed(Double.NaN));
        double[] late = mrs(harm, Patients.thrombolysed(400));
        assertEquals(odds(untreated[6]) * 1.25, odds(late[6]), 1e-12);
        assertEquals(0.055, MODEL.symptomaticIchExcess(Patients.thrombolysed(100)), 0.0);
        assertEquals(0.0, MODEL.symptomaticIchExcess(Patients.thrombolysed(Double.NaN)), 0.0);
    }

    @Test
    void thrombectomyCountsOnlyForLargeVesselOcclusionAndBridgingTakesTheBetterBenefit() {
        double[] untreated = mrs(MODEL, Patients.lvo(Double.NaN, Double.NaN));
        double[] mt = mrs(MODEL, Patients.lvo(Double.NaN, 120));
        assertEquals(odds(untreated[6]) * 0.73, odds(mt[6]), 1e-12);
        // With its death effect set aside, good outcome moves by exactly the time-dependent odds ratio.
        OutcomeModel functional = new OutcomeModel(DEFAULTS.withCoefficient("stroke.thrombectomy.mortality_odds_ratio", 1));
        double[] mtFunctional = mrs(functional, Patients.lvo(Double.NaN, 120));
        assertEquals(Math.pow(7.10, 1 - 120.0 / 480), odds(atMost(mtFunctional, 1)) / odds(atMost(untreated, 1)), 1e-9);
        assertEquals(atMost(untreated, 1), atMost(mrs(functional, Patients.lvo(Double.NaN, 480)), 1), 1e-15);
        OutcomeInput noLvo = new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, false, Double.NaN, 100,
                CareLevel.GENERAL_WARD, 0, true, false, true, 5, 30);
        assertEquals(MODEL.probabilityOfDeath(Patients.thrombolysed(Double.NaN)), MODEL.probabilityOfDeath(noLvo), 0.0);
        double[] both = mrs(MODEL, Patients.lvo(60, 120));
        double[] ivt = mrs(MODEL, Patients.lvo(60, Double.NaN));
        // Survivors' distribution: the more favourable of the two shifts (thrombectomy here).
        assertEquals(atMost(mt, 1) / (1 - mt[6]), atMost(both, 1) / (1 - both[6]), 1e-12);
        assertTrue(atMost(ivt, 1) / (1 - ivt[6]) < atMost(both, 1) / (1 - both[6]));
    }

    @Test
    void haemorrhagicStrokesGetNoReperfusion() {
        OutcomeInput untreated = Patients.stroke(Condition.STROKE_HAEMORRHAGIC, AgeBand.UNDER_80, 1, false);
        OutcomeInput recorded = new OutcomeInput(Condition.STROKE_HAEMORRHAGIC, AgeBand.UNDER_80, true, 60, 90,
                CareLevel.HASU, 1, true, false, true, 5, 30);
        assertEquals(java.util.Arrays.toString(mrs(MODEL, untreated)), java.util.Arrays.toString(mrs(MODEL, recorded)));
    }

    @Test
    void organisedCareMovesDeathAndDeathOrDependencyByTheStrokeUnitTrialistsOddsRatios() {
        for (Condition type : new Condition[] {Condition.STROKE_ISCHAEMIC, Condition.STROKE_HAEMORRHAGIC}) {
            double[] ward = mrs(MODEL, Patients.stroke(type, AgeBand.UNDER_80, 0, false));
            double[] unit = mrs(MODEL, Patients.stroke(type, AgeBand.UNDER_80, 1, false));
            assertEquals(0.81, odds(unit[6]) / odds(ward[6]), 1e-9, "death");
            assertEquals(0.79, odds(1 - atMost(unit, 2)) / odds(1 - atMost(ward, 2)), 1e-9, "death or dependency");
            // Half the stay in organised care: half the effect on the log-odds.
            double[] half = mrs(MODEL, Patients.stroke(type, AgeBand.UNDER_80, 0.5, false));
            assertEquals(Math.sqrt(0.81), odds(half[6]) / odds(ward[6]), 1e-9);
        }
    }

    @Test
    void weekendAdmissionEffectIsCentrallyNoneAndOnlyOnWeekendAdmissions() {
        assertEquals(MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, 0, false)),
                MODEL.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, 0, true)), 0.0);
        OutcomeModel upper = new OutcomeModel(DEFAULTS.withCoefficient("stroke.weekend_admission_odds_ratio", 1.14));
        double weekday = upper.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, 0, false));
        double weekend = upper.probabilityOfDeath(Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, 0, true));
        assertEquals(1.14, odds(weekend) / odds(weekday), 1e-12);
        // The specialist's absence at night is not an odds ratio: it acts through the simulated on-call delay.
        OutcomeInput night = new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, false, Double.NaN,
                Double.NaN, CareLevel.GENERAL_WARD, 0, false, false, true, 5, 30);
        assertEquals(weekday, upper.probabilityOfDeath(night), 0.0);
    }

    @Test
    void traumaBaselineIsByAgeAndTheMtcOddsRatioIsExact() {
        assertEquals(0.15, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 60)), 1e-12);
        assertEquals(0.35, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, AgeBand.AGED_80_PLUS, 60)),
                1e-12);
        assertEquals(0.766, odds(MODEL.probabilityOfDeath(Patients.trauma(CareLevel.MTC, 60))) / odds(0.15), 1e-12);
        // MacKenzie's RR 0.80 at a population mortality of 0.18 is the OR 0.766.
        double p = 0.18;
        assertEquals(0.766, 0.80 * (1 - p) / (1 - 0.80 * p), 5e-4);
        // Central delay effect: none (Newgard 2010); its range raises the odds per 10 minutes.
        assertEquals(0.15, MODEL.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 200)), 1e-12);
        OutcomeModel delay = new OutcomeModel(DEFAULTS.withCoefficient("major_trauma.delay_odds_ratio_per_10_minutes", 1.04));
        assertEquals(odds(0.15) * 1.04 * 1.04, odds(delay.probabilityOfDeath(Patients.trauma(CareLevel.TRAUMA_UNIT, 80))),
                1e-12);
    }

    @Test
    void distanceEffectActsOnlyOnTheLifeThreateningShareOfAmbulancePatients() {
        double ref = 7.25;   // 5 straight-line km at the detour factor 1.45: the reference distance
        assertEquals(0.05, MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, true, false)),
                1e-12);
        double farKm = ref + 14.5;   // 10 straight-line km further
        double far = MODEL.probabilityOfDeath(Patients.emergency(Condition.SURGICAL_EMERGENCY, farKm, true, false));
        double lifeThreatening = odds(0.05) * Math.pow(1.02, 10);
        assertEquals(0.85 * 0.05 + 0.15 * lifeThreatening / (1 + lifeThreatening), far, 1e-12);
        // Self-presenters were not in Nicholl's population: no distance effect.
        assertEquals(0.05, MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, farKm, true, false,
                false)), 1e-12);
    }

    @Test
    void emergencyWeekendEffectOnlyOnWeekendAdmissionsWithoutAConsultant() {
        OutcomeModel upper = new OutcomeModel(DEFAULTS.withCoefficient(
                "other_emergency.weekend_consultant_absent_odds_ratio", 1.10));
        double ref = 7.25;
        double weekday = upper.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, true, false));
        double nightUncovered = upper.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, false, false));
        double weekendCovered = upper.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, true, true));
        double weekendUncovered = upper.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, false, true));
        assertEquals(weekday, nightUncovered, 0.0);
        assertEquals(weekday, weekendCovered, 0.0);
        assertEquals(odds(0.05) * 1.10, odds(weekendUncovered), 1e-12);
        assertEquals(weekday, MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, ref, false, true)),
                1e-15);
    }

    @Test
    void mimicsCarryTheEmergencyRiskWhateverTheStrokeCoefficients() {
        OutcomeInput mimic = new OutcomeInput(Condition.STROKE_MIMIC, AgeBand.AGED_80_PLUS, false, 60, Double.NaN,
                CareLevel.HASU, 1, true, false, true, 7.25, 30);
        assertEquals(0.05, MODEL.probabilityOfDeath(mimic), 1e-12);
        OutcomeModel harsh = new OutcomeModel(DEFAULTS
                .withCoefficient("stroke.baseline_mortality_90d.ischaemic_aged_80_plus", 0.99)
                .withCoefficient("stroke.organised_care.death_odds_ratio", 5)
                .withCoefficient("stroke.thrombolysis.mortality_odds_ratio", 0.01));
        assertEquals(MODEL.probabilityOfDeath(mimic), harsh.probabilityOfDeath(mimic), 0.0);
        OutcomeModel noMimicDeaths = new OutcomeModel(DEFAULTS.withCoefficient(
                "other_emergency.baseline_mortality_30d.stroke_mimic", 0));
        assertEquals(0.0, noMimicDeaths.probabilityOfDeath(mimic), 0.0);
        assertFalse(OutcomeModel.sampleDeath(noMimicDeaths.probabilityOfDeath(mimic), 0.0));
        assertThrows(IllegalArgumentException.class, () -> MODEL.strokeMrs(mimic, new double[7]));
    }

    @Test
    void defaultStrokeBaselinesAverageToTheAnchoredNinetyDayMortality() {
        // Anchor (docs): 21.4% at 30 d and 37.7% at 1 yr (Welsh linkage) put 90-day mortality near 0.25-0.29.
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
    void extremeBaselinesStayFixedAndGiveValidDistributions() {
        OutcomeModel sure = new OutcomeModel(DEFAULTS.withCoefficient("major_trauma.baseline_mortality.under_80", 1));
        assertEquals(1.0, sure.probabilityOfDeath(Patients.trauma(CareLevel.MTC, 10)), 0.0);
        OutcomeModel dead = new OutcomeModel(DEFAULTS.withCoefficient("stroke.baseline_mortality_90d.ischaemic_under_80", 1));
        double[] d = mrs(dead, Patients.thrombolysed(30));
        assertEquals(1.0, d[6], 0.0);
        assertEquals(1.0, java.util.Arrays.stream(d).sum(), 1e-12);
    }

    @Test
    void missingOrNegativeTimesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.probabilityOfDeath(Patients.trauma(CareLevel.MTC, Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.probabilityOfDeath(Patients.emergency(Condition.MEDICAL_EMERGENCY, -1, true, false)));
        assertThrows(IllegalArgumentException.class, () -> MODEL.probabilityOfDeath(Patients.thrombolysed(-5)));
        assertThrows(IllegalArgumentException.class, () -> MODEL.probabilityOfDeath(
                Patients.stroke(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, 1.5, false)));
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
        double[] sequential = IntStream.range(0, 20_000).mapToDouble(i -> mrs(MODEL, Patients.thrombolysed(i % 400))[1])
                .toArray();
        double[] parallel = IntStream.range(0, 20_000).parallel()
                .mapToDouble(i -> mrs(MODEL, Patients.thrombolysed(i % 400))[1]).toArray();
        assertEquals(java.util.Arrays.toString(sequential), java.util.Arrays.toString(parallel));
    }
}
