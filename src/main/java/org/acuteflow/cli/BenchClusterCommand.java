package org.acuteflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.acuteflow.bench.ClusterScaling;
import org.acuteflow.cluster.HazelcastSetup;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.Problems;
import org.acuteflow.model.FlowModelFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acuteflow bench cluster}: cluster members against local threads, on this machine. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Measure running replications on cluster members against this process's own threads: the "
                + "experiment on 1 and 2 local threads and on clusters of 1..--members member JVMs (started here on "
                + "free loopback ports, one thread each), in turn, round after round; results must be identical. "
                + "Prints each configuration's median wall time and throughput against 1 local thread, and the "
                + "overhead per replication of a one-member cluster. See docs/distributed.md."})
public final class BenchClusterCommand implements Callable<Integer> {

    @Option(names = "--experiment", paramLabel = "FILE", defaultValue = "experiments/london-stroke-2010.yaml",
            description = "Experiment file (default: ${DEFAULT-VALUE}).")
    Path experiment;

    @Option(names = "--days", paramLabel = "D", defaultValue = "60", description = "Simulated days per replication "
            + "(default: ${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--warmup-days", paramLabel = "D", defaultValue = "0", description = "Warm-up days (default: "
            + "${DEFAULT-VALUE}).")
    double warmupDays;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "6",
            description = "Replications per scenario (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--members", paramLabel = "N", defaultValue = "3",
            description = "Largest cluster measured (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Timed rounds after one untimed round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Problems problems = Problems.forFile("command line");
        problems.inRange("--days", days, 1.0 / 24, 3650);
        problems.inRange("--warmup-days", warmupDays, 0, 3650);
        problems.inRange("--replications", replications, 1, 1000);
        problems.inRange("--members", members, 1, 8);
        problems.inRange("--rounds", rounds, 1, 20);
        problems.throwIfAny();
        HazelcastSetup.quietLogging(false);
        Experiment e = RunCommand.expandSweep(ExperimentLoader.load(experiment));
        e = e.withRun(e.run().withDays(days, warmupDays).withReplications(replications));
        Path logs = Files.createTempDirectory("acuteflow-bench-cluster-");
        ClusterScaling.run(new ClusterScaling.Settings(e, new FlowModelFactory(), members, rounds, logs,
                List.of("-XX:+UseParallelGC", "-Xmn64m", "-Xmx1g")), spec.commandLine().getOut());
        return Main.OK;
    }
}
