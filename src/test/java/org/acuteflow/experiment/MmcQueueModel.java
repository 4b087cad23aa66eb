package org.acuteflow.experiment;

import org.acuteflow.config.RunControl;
import org.acuteflow.sim.ReplicationContext;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * An M/M/c queue on the replication engine: the smallest model whose answer is known analytically (Erlang C).
 * Used to test the engine (streams, simulator per replication, warm-up, parallel runner), not the patient model.
 */
final class MmcQueueModel implements ScenarioModel {
    private final double arrivalRatePerMinute;
    private final double serviceRatePerMinute;
    private final int servers;

    MmcQueueModel(double arrivalRatePerMinute, double serviceRatePerMinute, int servers) {
        this.arrivalRatePerMinute = arrivalRatePerMinute;
        this.serviceRatePerMinute = serviceRatePerMinute;
        this.servers = servers;
    }

    @Override
    public ReplicationResult simulate(ReplicationContext context, RunControl run, PatientSink patients) {
        return new Replication(context, run).run();
    }

    private final class Replication {
        final Simulator simulator;
        final RandomStream arrivals;
        final RandomStream services;
        final double warmup;
        final java.util.ArrayDeque<Double> queue = new java.util.ArrayDeque<>();
        int busy;
        double waitSum;
        long served;

        Replication(ReplicationContext context, RunControl run) {
            simulator = context.simulator();
            arrivals = context.stream("test.arrivals");
            services = context.stream("test.services");
            warmup = run.warmupMinutes();
            simulator.init();
            new Arrival().schedule(exp(arrivals, arrivalRatePerMinute));
            new Event(simulator) {
                @Override
                public void actions() {
                    simulator.stop();
                }
            }.schedule(run.endMinutes());
        }

        ReplicationResult run() {
            simulator.start();
            return new ReplicationResult()
                    .metric("mean_wait_minutes", waitSum / served)
                    .metric("served", served)
                    .series("constant", new double[] {1, 2, 3});
        }

        static double exp(RandomStream s, double rate) {
            return -Math.log1p(-s.nextDouble()) / rate;
        }

        final class Arrival extends Event {
            Arrival() {
                super(simulator);
            }

            @Override
            public void actions() {
                new Arrival().schedule(exp(arrivals, arrivalRatePerMinute));
                if (busy < servers) {
                    busy++;
                    record(0);
                    new Departure().schedule(exp(services, serviceRatePerMinute));
                } else {
                    queue.addLast(simulator.time());
                }
            }
        }

        final class Departure extends Event {
            Departure() {
                super(simulator);
            }

            @Override
            public void actions() {
                if (queue.isEmpty()) {
                    busy--;
                } else {
                    double arrived = queue.removeFirst();
                    if (arrived >= warmup) {
                        record(simulator.time() - arrived);
                    }
                    new Departure().schedule(exp(services, serviceRatePerMinute));
                }
            }
        }

        void record(double wait) {
            if (simulator.time() >= warmup) {
                waitSum += wait;
                served++;
            }
        }
    }
}
