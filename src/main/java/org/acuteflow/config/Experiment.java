package org.acuteflow.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A loaded, validated experiment file.
 *
 * @param file        the experiment file
 * @param sha256      hex SHA-256 of the file's bytes (for the manifest)
 * @param networkDir  the network folder, resolved against the experiment file's folder
 * @param baseline    the scenario others are compared with
 * @param outputs     outputs wanted (see {@link #OUTPUTS})
 * @param sweep       how scenarios are generated, or null when they are listed; before expansion a sweep
 *                    experiment holds only its base scenario
 */
public record Experiment(String name, String description, Path file, String sha256, Path networkDir,
                         RunControl run, Set<String> outputs, String baseline, List<ScenarioSpec> scenarios,
                         SweepSpec sweep) {

    /** Output kinds a run can write. summary.csv, replications.csv and manifest.json are always written. */
    public static final List<String> OUTPUTS = List.of("differences", "report", "charts", "svg", "geojson", "patients",
            "sensitivity", "psa");

    public Experiment {
        scenarios = List.copyOf(scenarios);
        outputs = Set.copyOf(outputs);
    }

    public Experiment withRun(RunControl newRun) {
        return new Experiment(name, description, file, sha256, networkDir, newRun, outputs, baseline, scenarios, sweep);
    }

    public Experiment withOutputs(Set<String> newOutputs) {
        return new Experiment(name, description, file, sha256, networkDir, run, newOutputs, baseline, scenarios, sweep);
    }

    /** The same experiment with the sweep's generated scenarios (the sweep is kept: outputs rank them). */
    public Experiment withScenarios(List<ScenarioSpec> generated) {
        return new Experiment(name, description, file, sha256, networkDir, run, outputs, baseline, generated, sweep);
    }

    public boolean isSweep() {
        return sweep != null;
    }

    public int baselineIndex() {
        for (ScenarioSpec s : scenarios) {
            if (s.name().equals(baseline)) {
                return s.index();
            }
        }
        throw new IllegalStateException("baseline " + baseline + " not among scenarios");
    }

    public boolean wants(String output) {
        return outputs.contains(output);
    }
}
