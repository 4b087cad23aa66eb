package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import org.acuteflow.experiment.ReplicationResult;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * Stochastic checks with fixed seeds. Tolerances: a sampled count of independent Bernoulli(p_i) deaths has mean
 * sum(p_i) and variance sum(p_i (1 - p_i)); we accept 4 standard errors. Sample variances over R replications have
 * a relative standard error of about sqrt(2 / (R - 1)); we accept 30% (about 3.7 of those at R = 300).
 */
class SampledDeathsTest {
    private static final OutcomeModel MODEL = new OutcomeModel(OutcomeParameters.defaults());

    private static MRG32k3a stream(long seed) {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5});
        return s;
    }

    /** A mixed population, drawn once from its own stream: strokes with and without treatment, trauma, others. */
    private static List<OutcomeInput> population(int n, RandomStream s) {
        Condition[] conditions = Condition.BUILT_IN.toArray(new Condition[0]);
        CareLevel[] strokeCare = {CareLevel.HASU, CareLevel.STROKE_UNIT, CareLevel.GENERAL_WARD};
        List<OutcomeInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Condition c = conditions[s.nextInt(0, conditions.length - 1)];
            AgeBand age = s.nextDouble() < 0.46 ? AgeBand.AGED_80_PLUS : AgeBand.UNDER_80;
            boolean lvo = s.nextDouble() < 0.3;
            double needle = s.nextDouble() < 0.2 ? 60 + 300 * s.nextDouble() : Double.NaN;
            double puncture = lvo && s.nextDouble() < 0.3 ? 120 + 400 * s.nextDouble() : Double.NaN;
            CareLevel care = c == Condition.MAJOR_TRAUMA ? (s.nextDouble() < 0.6 ? CareLevel.MTC : CareLevel.TRAUMA_UNIT)
                    : c == Condition.MEDICAL_EMERGENCY || c == Condition.SURGICAL_EMERGENCY
                    ? CareLevel.EMERGENCY_DEPARTMENT : strokeCare[s.nextInt(0, 2)];
            boolean onSite = s.nextDouble() < 0.6;
            double km = 20 * s.nextDouble();
            double definitive = 20 + 120 * s.nextDouble();
            double share = c.isStroke() && care != CareLevel.GENERAL_WARD ? 1 : 0;
            out.add(new OutcomeInput(c, age, lvo, needle, puncture, care, share, onSite, s.nextDouble() < 0.24,
                    s.nextDouble() < 0.7, km, definitive));
        }
        return out;
    }

    @Test
    void sampledDeathsAgreeWithExpectedDeathsWithinFourStandardErrors() {
        List<OutcomeInput> patients = population(200_000, stream(11));
        DeathTally tally = new DeathTally();
        double[] variance = new double[DeathTally.Group.values().length];
        MRG32k3a outcomes = stream(777);
        for (int i = 0; i < patients.size(); i++) {
            OutcomeInput patient = patients.get(i);
            OutcomeModel.PatientOutcome o = MODEL.outcome(patient, outcomes);
            tally.record(patient.condition(), o.probabilityOfDeath(), o.died(), patient.weekendAdmission(), i % 24);
            variance[DeathTally.Group.of(patient.condition()).ordinal()] +=
                    o.probabilityOfDeath() * (1 - o.probabilityOfDeath());
        }
        double totalVariance = 0;
        for (DeathTally.Group g : DeathTally.Group.values()) {
            double expected = tally.expectedDeaths(g);
            double se = Math.sqrt(variance[g.ordinal()]);
            totalVariance += variance[g.ordinal()];
            assertTrue(tally.patients(g) > 20_000, g + " is represented");
            assertTrue(expected > 500, g + " has deaths to compare");
            assertEquals(expected, tally.sampledDeaths(g), 4 * se, g.name());
        }
        assertEquals(tally.expectedDeathsTotal(), tally.sampledDeathsTotal(), 4 * Math.sqrt(totalVariance));
        ReplicationResult r = new ReplicationResult();
        tally.writeTo(r::metric, 1);
        assertEquals(r.metrics().get("deaths_total"), r.metrics().get("deaths_total_sampled"), 4 * Math.sqrt(totalVariance));
    }

    @Test
    void sameSeedGivesIdenticalSampledDeaths() {
        List<OutcomeInput> patients = population(5_000, stream(3));
        long first = countDeaths(patients, MODEL, stream(99));
        long second = countDeaths(patients, MODEL, stream(99));
        assertEquals(first, second);
    }

    private static long countDeaths(List<OutcomeInput> patients, OutcomeModel model, RandomStream s) {
        long deaths = 0;
        for (OutcomeInput p : patients) {
            if (OutcomeModel.sampleDeath(model.probabilityOfDeath(p), s)) {
                deaths++;
            }
        }
        return deaths;
    }

    @Test
    void commonRandomNumbersShrinkTheVarianceOfPairedDifferences() {
        // Scenario B removes the organised-care benefit; only stroke patients on a HASU or stroke unit change.
        OutcomeModel a = MODEL;
        OutcomeModel b = new OutcomeModel(OutcomeParameters.defaults()
                .withCoefficient("stroke.organised_care.death_odds_ratio", 1.0));
        List<OutcomeInput> patients = population(3_000, stream(5));
        double pairedAnalytic = 0;
        double unpairedAnalytic = 0;
        for (OutcomeInput p : patients) {
            double pa = a.probabilityOfDeath(p);
            double pb = b.probabilityOfDeath(p);
            assertTrue(pb >= pa);
            // With u < p coupling, B - A for one patient is Bernoulli(pb - pa).
            pairedAnalytic += (pb - pa) * (1 - (pb - pa));
            unpairedAnalytic += pa * (1 - pa) + pb * (1 - pb);
        }
        int replications = 300;
        MRG32k3a common = stream(1001);
        MRG32k3a other = stream(2002);
        double[] paired = new double[replications];
        double[] unpaired = new double[replications];
        for (int r = 0; r < replications; r++) {
            long deathsA = countDeaths(patients, a, common);
            common.resetStartSubstream();
            long deathsBPaired = countDeaths(patients, b, common);
            long deathsBIndependent = countDeaths(patients, b, other);
            paired[r] = deathsBPaired - deathsA;
            unpaired[r] = deathsBIndependent - deathsA;
            common.resetNextSubstream();
            other.resetNextSubstream();
        }
        double pairedVariance = variance(paired);
        double unpairedVariance = variance(unpaired);
        assertEquals(pairedAnalytic, pairedVariance, 0.30 * pairedAnalytic);
        assertEquals(unpairedAnalytic, unpairedVariance, 0.30 * unpairedAnalytic);
        assertTrue(pairedVariance < unpairedVariance / 4,
                "paired " + pairedVariance + " vs unpaired " + unpairedVariance);
        // Both estimate the same mean difference, the sum of (pb - pa).
        double meanDifference = 0;
        for (OutcomeInput p : patients) {
            meanDifference += b.probabilityOfDeath(p) - a.probabilityOfDeath(p);
        }
        assertEquals(meanDifference, mean(paired), 4 * Math.sqrt(pairedAnalytic / replications));
        assertEquals(meanDifference, mean(unpaired), 4 * Math.sqrt(unpairedAnalytic / replications));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / (x.length - 1);
    }
}
