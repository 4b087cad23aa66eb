package org.acuteflow.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The speed limit a discrete-event model can approach on this JVM: a bare event loop over a
 * {@link PriorityQueue} with the same number of incidents and events as the model, doing no model work.
 * Each incident is an arrival that schedules the next arrival and a chain of follow-up events (dispatch,
 * scene, conveyance, handover, ...) at random delays, so the queue holds about as many pending events as the
 * real model's.
 */
public final class ReferenceEventLoop {

    /** What one run did; {@code meanPending} is the mean queue length just before each event is taken. */
    public record Result(long events, double wallSeconds, double meanPending) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }
    }

    private static final class Ev implements Comparable<Ev> {
        final double time;
        final long seq;
        final int remaining;

        Ev(double time, long seq, int remaining) {
            this.time = time;
            this.seq = seq;
            this.remaining = remaining;
        }

        @Override
        public int compareTo(Ev o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /**
     * Mean delay between an incident's successive events when the caller has nothing better: about the gap
     * between an ambulance incident's stages (response, on scene, conveyance, handover), so the queue holds
     * a few hundred pending events at London's volume, as the model's does.
     */
    public static final double DEFAULT_STEP_MINUTES = 20.0;

    private ReferenceEventLoop() {
    }

    /**
     * @param incidents          arrivals to process over {@code horizonMinutes}
     * @param eventsPerIncident  total events per incident (arrival included), as measured on the model
     * @param meanStepMinutes    mean delay between an incident's successive events
     */
    public static Result run(long incidents, double eventsPerIncident, double horizonMinutes,
                             double meanStepMinutes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double meanGap = horizonMinutes / incidents;
        int whole = (int) Math.floor(eventsPerIncident - 1);
        double fraction = eventsPerIncident - 1 - whole;
        PriorityQueue<Ev> queue = new PriorityQueue<>();
        long seq = 0;
        long events = 0;
        long arrivals = 1;
        long pendingSum = 0;
        long start = System.nanoTime();
        queue.add(new Ev(-meanGap * Math.log(1 - random.nextDouble()), seq++, -1));
        while (!queue.isEmpty()) {
            pendingSum += queue.size();
            Ev e = queue.poll();
            events++;
            if (e.remaining < 0) {
                if (arrivals < incidents) {
                    arrivals++;
                    queue.add(new Ev(e.time - meanGap * Math.log(1 - random.nextDouble()), seq++, -1));
                }
                int chain = whole + (random.nextDouble() < fraction ? 1 : 0);
                if (chain > 0) {
                    queue.add(new Ev(e.time - meanStepMinutes * Math.log(1 - random.nextDouble()), seq++, chain - 1));
                }
            } else if (e.remaining > 0) {
                queue.add(new Ev(e.time - meanStepMinutes * Math.log(1 - random.nextDouble()), seq++, e.remaining - 1));
            }
        }
        return new Result(events, (System.nanoTime() - start) / 1e9, (double) pendingSum / events);
    }
}
