package org.acuteflow.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.acuteflow.bench.BenchRun;
import org.acuteflow.config.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acuteflow bench}: how fast the full model runs, against the limit of a bare event loop. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchClusterCommand.class,
        description = {"Measure the full model on a network (default: London, concentrated-2010, built-in default "
                + "parameters) against a bare PriorityQueue event loop with the same number of patients and events.",
                "Prints events per second of both and their ratio (median of paired runs), wall seconds per simulated year on one thread "
                        + "(after warm-up replications), peak heap, and the speed-up on more threads; optionally the "
                        + "event lists, a table of cost vs demand and network size, and the heap of a "
                        + "many-replication run, and the cost of probabilistic sensitivity analysis. See docs/performance.md.",
                "Run it on an otherwise idle machine; JAVA_OPTS passes JVM options (the launcher's default: "
                        + "-XX:+UseParallelGC -Xmn64m)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--network", paramLabel = "DIR", defaultValue = "networks/london",
            description = "Network folder (default: ${DEFAULT-VALUE}).")
    Path network;

    @Option(names = "--configuration", paramLabel = "NAME", defaultValue = "concentrated-2010",
            description = "Configuration of the network (default: ${DEFAULT-VALUE}).")
    String configuration;

    @Option(names = "--years", paramLabel = "Y", description = "Simulated years per timed replication (default: 1; "
            + "--quick: 0.05).")
    Double years;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed replications first, for the JIT compiler "
            + "(default: 2; --quick: 1).")
    Integer warmups;

    @Option(names = "--replications", paramLabel = "N", description = "Timed one-thread model years, each followed "
            + "by a timed run of the reference loop; the medians and the median ratio of the pairs are reported "
            + "(default: 3; --quick: 1).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2",
            description = "Threads for the speed-up measurement (default: ${DEFAULT-VALUE}; 1 skips it).")
    int threads;

    @Option(names = "--thread-replications", paramLabel = "N", description = "Replications run on 1 thread and "
            + "then on --threads threads (default: 4; --quick: 2).")
    Integer threadReplications;

    @Option(names = "--speedup-rounds", paramLabel = "N", description = "Rounds of the speed-up measurement, each a "
            + "1-thread run then a --threads run; the median speed-up is reported (default: 3; --quick: 1).")
    Integer speedupRounds;

    @Option(names = "--heap-replications", paramLabel = "N", defaultValue = "0",
            description = "Also run N replications on all cores, as a run does, and report the peak heap "
                    + "(default: ${DEFAULT-VALUE} = skip; docs/performance.md uses 100).")
    int heapReplications;

    @Option(names = "--scaling", description = "Print the table of cost vs demand (0.25x, 1x, 4x) and network "
            + "size (boroughs, MSOAs, LSOAs).")
    boolean scaling;

    @Option(names = "--scaling-runs", paramLabel = "N", defaultValue = "1",
            description = "Runs per row of the scaling table; the median is reported (default: ${DEFAULT-VALUE}).")
    int scalingRuns;

    @Option(names = "--event-lists", description = "Compare SSJ's event lists (binary tree, splay tree, "
            + "Henriksen, red-black tree) and the calendar queue on the full model.")
    boolean eventLists;

    @Option(names = "--england", description = "Also measure an England-sized synthetic region (London tiled "
            + "7 times: 33,845 zones, each tile's demand and fleet x1.43, about 11 million incidents a year): seconds per simulated "
            + "year, peak live heap and cost per event against the 33-borough network.")
    boolean england;

    @Option(names = "--psa-draws", paramLabel = "N", defaultValue = "1000", description = "Coefficient sets of the "
            + "probabilistic sensitivity analysis whose cost is measured against the simulation's own time (default: "
            + "${DEFAULT-VALUE}, as the headline experiment; 0 skips it).")
    int psaDraws;

    @Option(names = "--quick", description = "A short smoke run of every part: 0.05 simulated years, 1 "
            + "replication, event lists and scaling table included. Figures from it are not the benchmark's.")
    boolean quick;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20100716", description = "Base seed (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        double y = years != null ? years : quick ? 0.05 : 1.0;
        int reps = replications != null ? replications : quick ? 1 : 3;
        int threadReps = threadReplications != null ? threadReplications : quick ? 2 : 4;
        int warm = warmups != null ? warmups : quick ? 1 : 2;
        int rounds = speedupRounds != null ? speedupRounds : quick ? 1 : 3;
        Problems problems = Problems.forFile("command line");
        problems.inRange("--years", y, 1.0 / 365, 100);
        problems.inRange("--warmup", warm, 0, 100);
        problems.inRange("--replications", reps, 1, 1000);
        problems.inRange("--threads", threads, 1, 1024);
        problems.inRange("--thread-replications", threadReps, 0, 1000);
        problems.inRange("--speedup-rounds", rounds, 1, 100);
        problems.inRange("--heap-replications", heapReplications, 0, 100_000);
        problems.inRange("--scaling-runs", scalingRuns, 1, 100);
        problems.inRange("--psa-draws", psaDraws, 0, 1_000_000);
        problems.throwIfAny();
        BenchRun.Settings settings = new BenchRun.Settings(network, configuration, seed, y, warm, reps, threadReps,
                threads, rounds, heapReplications, scaling || quick, scalingRuns, eventLists || quick, england, psaDraws);
        new BenchRun(settings, spec.commandLine().getOut()).run();
        return Main.OK;
    }
}
