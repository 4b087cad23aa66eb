package org.acuteflow.ems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.acuteflow.testing.Queues.erlangC;

import java.util.SplittableRandom;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * Incidents and inter-hospital transfers competing for one fleet. With zero travel, the vehicle's time per job
 * is the on-scene time (incidents, not conveyed) or the handover at the receiving site (transfers), both
 * exponential with mean 30 min; 3 vehicles; incidents at 0.05 and transfers at 0.03 a minute. The fleet is then
 * an M/M/3 queue at the combined load a = 0.08 x 30 = 2.4 Erlangs, served first come first served, so both kinds
 * wait the Erlang-C mean C(3, 2.4) / (3/30 - 0.08) = 32.36 min.
 */
class AmbulanceServiceTest {
    private static final TravelTimes ZERO = ArrayTravelTimes.zero(1, 1, 1);

    /** An incident (site -1) or a transfer from site 0, with the time it asked for a vehicle. */
    private record Job(int pickupSite, double requested) implements AmbulanceService.Call {
        @Override
        public int zone() {
            return 0;
        }

        @Override
        public boolean categoryA() {
            return false;
        }
    }


    private static double[] meanWaits(String rule, long seed) {
        Simulator sim = new Simulator();
        sim.init();
        SplittableRandom r = new SplittableRandom(seed);
        double meanJob = 30;
        double incidentRate = 0.05;
        double transferRate = 0.03;
        double warmup = 30 * 1440.0;
        double end = warmup + 4 * 365 * 1440.0;
        double[] sums = new double[4];
        @SuppressWarnings("unchecked")
        AmbulanceService<Job>[] holder = new AmbulanceService[1];
        AmbulanceService.Crew<Job> crew = new AmbulanceService.Crew<>() {
            @Override
            public void dispatched(Job job, int vehicle, int station, double travelMinutes, double now) {
                if (job.requested() >= warmup) {
                    int k = job.pickupSite() >= 0 ? 2 : 0;
                    sums[k] += now - job.requested();
                    sums[k + 1]++;
                }
                double work = -Math.log(1 - r.nextDouble()) * meanJob;
                if (job.pickupSite() >= 0) {
                    // Zero travel: the patient is loaded and reaches the receiving site at once.
                    holder[0].handover(vehicle, 0, work);
                } else {
                    new Event(sim) {
                        @Override
                        public void actions() {
                            holder[0].clearAtScene(vehicle, 0, sim.time());
                        }
                    }.schedule(travelMinutes + work);
                }
            }

            @Override
            public void busyChanged(int busy, double now) {
            }
        };
        holder[0] = new AmbulanceService<>(sim, ZERO, 1.0, new Fleet(new int[] {3}, new int[][] {{0}}, ZERO, 1),
                Dispatch.of(rule), crew);
        double total = incidentRate + transferRate;
        new Event(sim) {
            @Override
            public void actions() {
                double now = sim.time();
                boolean transfer = r.nextDouble() < transferRate / total;
                holder[0].call(new Job(transfer ? 0 : -1, now), now);
                double next = now - Math.log(1 - r.nextDouble()) / total;
                if (next < end) {
                    schedule(next - now);
                }
            }
        }.schedule(0);
        sim.start();
        return new double[] {sums[0] / sums[1], sums[2] / sums[3], sums[1], sums[3]};
    }

    @Test
    void incidentsAndTransfersWaitTheErlangCMeanAtTheCombinedLoad() {
        double wq = erlangC(3, 0.08 * 30) / (3 / 30.0 - 0.08);
        assertEquals(32.36, wq, 0.01);
        for (String rule : Dispatch.rules().keySet()) {
            double[] w = meanWaits(rule, 2026);
            // About 100,000 incidents and 63,000 transfers over four years; waits are correlated, so the
            // tolerance (8%) is about three standard errors of the transfers' mean.
            assertEquals(wq, w[0], 0.08 * wq, rule + " incidents");
            assertEquals(wq, w[1], 0.08 * wq, rule + " transfers");
        }
    }
}
