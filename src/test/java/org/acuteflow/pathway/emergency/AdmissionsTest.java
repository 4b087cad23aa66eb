package org.acuteflow.pathway.emergency;

import static org.acuteflow.testing.Queues.erlangC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One site's emergency bed pool with Poisson admissions and exponential stays is an M/M/c queue: the mean wait from
 * the decision to admit to a bed, and the share waiting more than 4 hours, are Erlang C's.
 */
class AdmissionsTest {

    private record Event(double time, boolean arrival, int id) {
    }

    /** Simulates {@code n} admissions; returns {mean boarding minutes, share boarding over 4 h}. */
    private static double[] simulate(int beds, double perMinute, double meanStayMinutes, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Admissions<Integer> admissions = new Admissions<>(new int[] {beds});
        PriorityQueue<Event> events = new PriorityQueue<>((x, y) -> Double.compare(x.time(), y.time()));
        double[] ready = new double[n];
        int warmup = n / 10;
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - random.nextDouble()) / perMinute;
            events.add(new Event(t, true, i));
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            if (e.arrival()) {
                ready[e.id()] = e.time();
                if (admissions.ready(0, e.id())) {
                    bed(admissions, events, random, e.id(), e.time(), ready, warmup, meanStayMinutes);
                }
            } else {
                Integer next = admissions.bedFreed(0);
                if (next != null) {
                    bed(admissions, events, random, next, e.time(), ready, warmup, meanStayMinutes);
                }
            }
        }
        return new double[] {admissions.boardingMinutesMean(0), admissions.boardedOver4hShare(0)};
    }

    private static void bed(Admissions<Integer> admissions, PriorityQueue<Event> events, SplittableRandom random,
                            int id, double now, double[] ready, int warmup, double meanStayMinutes) {
        if (id >= warmup) {
            admissions.record(0, now - ready[id], now - ready[id]);
        }
        events.add(new Event(now - Math.log(1 - random.nextDouble()) * meanStayMinutes, false, id));
    }

    @Test
    void boardingWaitIsErlangC() {
        // 20 beds, mean stay 1 day, 16 admissions a day: load 16 beds, 80% occupancy.
        int c = 20;
        double stay = 1440;
        double lambda = 16.0 / 1440;
        double a = lambda * stay;
        double pWait = erlangC(c, a);
        double rate = c / stay - lambda;
        double wq = pWait / rate;
        double over4h = pWait * Math.exp(-rate * Admissions.FOUR_HOURS);
        double[] sim = simulate(c, lambda, stay, 1_000_000, 42);
        assertEquals(wq, sim[0], 0.05 * wq, "mean boarding minutes vs Erlang C " + wq);
        assertEquals(over4h, sim[1], 0.05 * over4h, "share over 4 h vs Erlang C tail " + over4h);
    }

    @Test
    void aPoolThatNeverFillsHasNoBoarding() {
        double[] sim = simulate(60, 13.5 / 1440, 2 * 1440, 50_000, 7);
        assertTrue(erlangC(60, 27) < 1e-6);
        assertEquals(0, sim[0], 1e-9);
    }
}
