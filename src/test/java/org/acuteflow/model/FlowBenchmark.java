package org.acuteflow.model;

import java.util.Map;
import org.acuteflow.experiment.ReplicationResult;

/**
 * Single-thread speed of one simulated year on {@link SyntheticRegion} with the default parameters (about
 * 1.1 million ambulance incidents). Not a test: run it by hand, e.g.
 * {@code java -cp <test classpath> org.acuteflow.model.FlowBenchmark [vehiclesPerStation] [replications] [mobilisationMedianMinutes]}.
 */
public final class FlowBenchmark {
    private FlowBenchmark() {
    }

    public static void main(String[] args) {
        int vehicles = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        com.fasterxml.jackson.databind.node.ObjectNode tree = TestModels.defaults();
        if (args.length > 2) {
            // Calibration check: median mobilisation minutes (call to wheels rolling).
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("ems")).putObject("mobilisation_minutes")
                    .put("type", "lognormal").put("median", Double.parseDouble(args[2])).put("sigma", 0.5);
        }
        FlowModel model = new FlowModel(SyntheticRegion.build(vehicles, 1), TestModels.parameters(tree),
                TestModels.TEST_OUTCOME);
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            ReplicationResult result = TestModels.run(model, 20100716L, r, 365, 14);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double events = result.metrics().get("events_executed");
            System.out.printf("replication %d: %.2f s, %.0f events, %.2f million events/s%n", r, seconds, events,
                    events / seconds / 1e6);
            if (r == reps - 1) {
                for (Map.Entry<String, Double> m : result.metrics().entrySet()) {
                    if (!m.getKey().startsWith("site_")) {
                        System.out.printf("  %s = %.4f%n", m.getKey(), m.getValue());
                    }
                }
            }
        }
    }
}
