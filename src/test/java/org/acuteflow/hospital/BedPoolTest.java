package org.acuteflow.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.acuteflow.testing.Queues.erlangC;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bed pool against M/M/c/K and M/M/c (Erlang C) closed forms, and its rules on hand-made sequences. */
class BedPoolTest {

    /** Stationary probabilities of M/M/c/K at offered load a = lambda / mu (K = Integer.MAX_VALUE not allowed). */
    static double[] mmckProbabilities(int c, int k, double a) {
        double[] p = new double[k + 1];
        double term = 1;
        double sum = 0;
        for (int n = 0; n <= k; n++) {
            if (n > 0) {
                term *= a / Math.min(n, c);
            }
            p[n] = term;
            sum += term;
        }
        for (int n = 0; n <= k; n++) {
            p[n] /= sum;
        }
        return p;
    }


    /** Result of driving a pool with Poisson arrivals and exponential stays. */
    private record Run(long arrivals, long blocked, long waited, double totalWait, long admitted) {
    }

    /**
     * Drives a pool through {@code n} Poisson arrivals (rate lambda) with exponential stays (rate mu), stays
     * starting when the bed is taken; the first {@code warm} arrivals are not counted.
     */
    private static Run simulate(BedPool<double[]> pool, double lambda, double mu, long n, long warm, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        PriorityQueue<Double> departures = new PriorityQueue<>();
        double now = 0;
        long blocked = 0;
        long waited = 0;
        long admitted = 0;
        double totalWait = 0;
        for (long i = 0; i < n; i++) {
            double next = now - Math.log(1 - r.nextDouble()) / lambda;
            while (!departures.isEmpty() && departures.peek() <= next) {
                double t = departures.poll();
                double[] w = pool.release();
                if (w != null) {
                    if (w[1] > 0) {
                        waited++;
                        totalWait += t - w[0];
                    }
                    departures.add(t - Math.log(1 - r.nextDouble()) / mu);
                }
            }
            now = next;
            boolean counted = i >= warm;
            double[] who = {now, counted ? 1 : 0};
            switch (pool.arrive(who)) {
                case BED -> {
                    departures.add(now - Math.log(1 - r.nextDouble()) / mu);
                    admitted += counted ? 1 : 0;
                }
                case WAITING -> admitted += counted ? 1 : 0;
                case BLOCKED -> blocked += counted ? 1 : 0;
            }
        }
        return new Run(n - warm, blocked, waited, totalWait, admitted);
    }

    @Test
    void theClosedFormsAgreeWithHandComputedErlangB() {
        // K = c: M/M/c/c, blocking = Erlang B; B(5, 4) by the recurrence B(k) = aB(k-1) / (k + aB(k-1)) = 0.19907.
        assertEquals(0.19907, mmckProbabilities(5, 5, 4)[5], 1e-5);
        // Erlang C from Erlang B: C = B / (1 - (a/c)(1 - B)); for c = 3, a = 2.4: B = 0.26841, C = 0.64719.
        assertEquals(0.64719, erlangC(3, 2.4), 1e-5);
    }

    /**
     * M/M/5/8 (5 beds, 3 waiting places), a = 4 Erlangs, mean stay 60 min: the share of arrivals blocked equals
     * P_8 = 0.0734 (arrivals see time averages) and the mean wait of those admitted equals
     * Lq / (lambda (1 - P_8)) = 8.39 min. One million arrivals, seed 16; the tolerances are over 4 standard errors.
     */
    @Test
    void blockingAndWaitMatchMmck() {
        int c = 5;
        int k = 8;
        double mu = 1 / 60.0;
        double lambda = 4 * mu;
        double[] p = mmckProbabilities(c, k, lambda / mu);
        assertEquals(0.07340, p[k], 1e-5);
        double lq = 0;
        for (int n = c; n <= k; n++) {
            lq += (n - c) * p[n];
        }
        double wq = lq / (lambda * (1 - p[k]));
        assertEquals(8.392, wq, 1e-3);
        Run run = simulate(new BedPool<>(c, k - c), lambda, mu, 1_000_000, 10_000, 16);
        assertEquals(p[k], run.blocked() / (double) run.arrivals(), 0.03 * p[k]);
        assertEquals(run.arrivals(), run.blocked() + run.admitted());
        assertEquals(wq, run.totalWait() / run.admitted(), 0.04 * wq);
    }

    /**
     * M/M/3 with an unlimited line, a = 2.4 Erlangs, mean stay 30 min: the share who wait equals Erlang C
     * (0.6472) and the mean wait C / (c mu - lambda) = 32.36 min (the ambulance M/M/3 of QueueingTest, here for
     * beds). One million arrivals, seed 3.
     */
    @Test
    void waitingMatchesErlangC() {
        int c = 3;
        double mu = 1 / 30.0;
        double lambda = 0.08;
        double pWait = erlangC(c, lambda / mu);
        double wq = pWait / (c * mu - lambda);
        assertEquals(32.36, wq, 0.01);
        Run run = simulate(BedPool.withUnlimitedWaiting(c), lambda, mu, 1_000_000, 10_000, 3);
        assertEquals(0, run.blocked());
        assertEquals(pWait, run.waited() / (double) run.admitted(), 0.02 * pWait);
        assertEquals(wq, run.totalWait() / run.admitted(), 0.06 * wq);
    }

    @Test
    void firstComeFirstServedWithdrawalAndOverCapacity() {
        BedPool<String> pool = new BedPool<>(2, 2);
        assertEquals(BedPool.Admission.BED, pool.arrive("a"));
        assertEquals(BedPool.Admission.BED, pool.arrive("b"));
        assertFalse(pool.hasFreeBed());
        assertEquals(BedPool.Admission.WAITING, pool.arrive("c"));
        assertEquals(BedPool.Admission.WAITING, pool.arrive("d"));
        assertEquals(BedPool.Admission.BLOCKED, pool.arrive("e"));
        assertTrue(pool.withdraw("c"));
        assertFalse(pool.withdraw("c"));
        assertEquals(1, pool.waiting());
        // Over capacity: three in two beds; the first bed to free is not handed on.
        pool.admitOverCapacity();
        assertEquals(3, pool.occupied());
        assertNull(pool.release());
        assertEquals(2, pool.occupied());
        assertSame("d", pool.release());
        assertEquals(2, pool.occupied());
        assertEquals(0, pool.waiting());
        assertNull(pool.release());
        assertNull(pool.release());
        assertEquals(0, pool.occupied());
        assertThrows(IllegalStateException.class, pool::release);
    }
}
