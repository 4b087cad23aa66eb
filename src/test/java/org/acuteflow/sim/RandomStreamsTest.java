package org.acuteflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

class RandomStreamsTest {
    private static double[] draw(RandomStream s, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.nextDouble();
        }
        return v;
    }

    @Test
    void sameSeedNameAndReplicationGiveTheSameNumbersWhateverTheRequestOrder() {
        RandomStreams a = new RandomStreams(42, 3);
        RandomStreams b = new RandomStreams(42, 3);
        b.stream("other").nextDouble();
        double[] x = draw(a.stream("demand"), 5);
        double[] y = draw(b.stream("demand"), 5);
        assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(y));
    }

    @Test
    void replicationRIsSubstreamROfTheNamedStream() {
        MRG32k3a reference = new MRG32k3a();
        reference.setSeed(RandomStreams.seedFor(99, "arrivals"));
        reference.resetNextSubstream();
        reference.resetNextSubstream();
        double[] expected = draw(reference, 4);
        double[] actual = draw(new RandomStreams(99, 2).stream("arrivals"), 4);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    }

    @Test
    void streamsGiveExactlyTheNumbersOfSsjsFloatingPointMrg32k3a() {
        // The streams use the integer implementation for speed; it must be the same generator, draw for draw,
        // in every substream (a mismatch would show as a difference in the first few thousand draws).
        for (int replication : new int[] {0, 1, 7}) {
            MRG32k3a reference = new MRG32k3a();
            reference.setSeed(RandomStreams.seedFor(2010, "service.on_scene"));
            for (int i = 0; i < replication; i++) {
                reference.resetNextSubstream();
            }
            RandomStream actual = new RandomStreams(2010, replication).stream("service.on_scene");
            for (int i = 0; i < 200_000; i++) {
                double expected = reference.nextDouble();
                double got = actual.nextDouble();
                if (expected != got) {
                    fail("substream " + replication + ", draw " + i + ": " + got + " != " + expected);
                }
            }
        }
    }

    @Test
    void namesSeedsAndReplicationsGiveDifferentNumbers() {
        double first = new RandomStreams(1, 0).stream("a").nextDouble();
        assertNotEquals(first, new RandomStreams(1, 0).stream("b").nextDouble());
        assertNotEquals(first, new RandomStreams(2, 0).stream("a").nextDouble());
        assertNotEquals(first, new RandomStreams(1, 1).stream("a").nextDouble());
    }

    @Test
    void seedsAreValidForMrg32k3a() {
        for (long base = -5; base < 200; base++) {
            long[] s = RandomStreams.seedFor(base, "x" + base);
            for (int i = 0; i < 6; i++) {
                long m = i < 3 ? 4294967087L : 4294944443L;
                assertTrue(s[i] >= 0 && s[i] < m);
            }
        }
    }

    @Test
    void uniformsLookUniform() {
        RandomStream s = new RandomStreams(7, 0).stream("u");
        int n = 100_000;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            bins[(int) (s.nextDouble() * 10)]++;
        }
        double chi2 = 0;
        for (int b : bins) {
            chi2 += Math.pow(b - n / 10.0, 2) / (n / 10.0);
        }
        // chi-square, 9 degrees of freedom: 99.9th percentile 27.88
        assertTrue(chi2 < 27.88, "chi2 " + chi2);
    }
}
