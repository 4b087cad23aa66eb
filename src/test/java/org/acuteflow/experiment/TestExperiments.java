package org.acuteflow.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;

/** Writes small experiment files for engine tests. */
final class TestExperiments {
    private TestExperiments() {
    }

    static Experiment queueExperiment(Path dir, String scenariosYaml, int replications, long seed, int threads)
            throws IOException {
        Files.createDirectories(dir.resolve("net"));
        Path file = dir.resolve("queue.yaml");
        Files.writeString(file, String.join("\n",
                "name: queue-test",
                "network: net",
                "run:",
                "  days: 20",
                "  warmup_days: 2",
                "  replications: " + replications,
                "  seed: " + seed,
                "  threads: " + threads,
                "scenarios:",
                scenariosYaml,
                ""));
        return ExperimentLoader.load(file);
    }

    /** The factory reads the scenario's servers from its configuration name, e.g. "servers-3". */
    static ModelFactory queueFactory(double lambda, double mu) {
        return (experiment, scenario) -> new MmcQueueModel(lambda, mu,
                Integer.parseInt(scenario.configuration().substring("servers-".length())));
    }
}
