package org.acuteflow.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Kim-Nelson procedure on constructed normal systems with known means: in the slippage configuration
 * (the best exactly delta better than all others, the hardest case the guarantee covers) it must select the
 * true best at least as often as its stated probability.
 */
class KimNelsonTest {

    /** Normal outputs with the given means and standard deviation; a shared term per replication models CRN. */
    private static KimNelson.Sampler normal(double[] means, double sd, double commonSd, long seed) {
        return (systems, r) -> {
            Random common = new Random(seed * 1_000_003L + r);
            double shared = common.nextGaussian() * commonSd;
            double[] out = new double[systems.length];
            for (int i = 0; i < systems.length; i++) {
                Random own = new Random((seed * 1_000_003L + r) * 31 + systems[i] + 1);
                out[i] = means[systems[i]] + shared + own.nextGaussian() * sd;
            }
            return out;
        };
    }

    private static double correctSelectionRate(double[] means, int best, double delta, double probability, int macro,
                                               double commonSd) {
        KimNelson kn = new KimNelson(delta, probability, 10, 100_000);
        int correct = 0;
        for (int m = 0; m < macro; m++) {
            KimNelson.Result r = kn.select(means.length, normal(means, 1.0, commonSd, 7919L * (m + 1)));
            assertFalse(r.capped());
            if (r.selected() == best) {
                correct++;
            }
        }
        return correct / (double) macro;
    }

    @Test
    void slippageConfigurationMeetsTheStatedProbability() {
        double delta = 0.5;
        double[] means = {1.5, 1.0, 1.5, 1.5, 1.5, 1.5}; // system 1 is best by exactly delta
        double rate = correctSelectionRate(means, 1, delta, 0.90, 200, 0);
        assertTrue(rate >= 0.90, "correct selection " + rate + " below the stated 0.90");
    }

    @Test
    void commonRandomNumbersKeepTheGuaranteeWithFewerReplications() {
        double delta = 0.5;
        double[] means = {1.0, 1.5, 1.5, 1.5};
        assertTrue(correctSelectionRate(means, 0, delta, 0.95, 150, 2.0) >= 0.95);
        // A shared term cancels in the pairwise differences: the replications needed are those without it.
        KimNelson kn = new KimNelson(delta, 0.95, 10, 100_000);
        int with = kn.select(4, normal(means, 1.0, 2.0, 5)).totalReplications();
        int without = kn.select(4, normal(means, 1.0, 0.0, 5)).totalReplications();
        assertEquals(without, with, "the common term must not change the differences KN works on");
    }

    @Test
    void clearWinnerStopsEarlyAndLosersAreEliminated() {
        double[] means = {5, 0, 5, 5};
        KimNelson.Result r = new KimNelson(0.5, 0.95, 10, 1000).select(4, normal(means, 1.0, 0, 3));
        assertEquals(1, r.selected());
        assertEquals(10, r.replications()[0], "a system 5 sd worse is eliminated after the first stage");
        assertEquals(0, r.eliminatedAt()[1]);
    }

    @Test
    void hSquaredMatchesTheFormula() {
        // k = 2, alpha = 0.05, n0 = 10: eta = ((2 * 0.05)^(-2/9) - 1) / 2.
        double eta = (Math.pow(0.1, -2.0 / 9) - 1) / 2;
        assertEquals(2 * eta * 9, new KimNelson(1, 0.95, 10, 100).hSquared(2), 1e-12);
    }
}
