package org.acuteflow.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.acuteflow.cluster.ClusterExecutor;
import org.acuteflow.cluster.LocalMembers;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ReplicationResult;

/**
 * What running replications on cluster members costs against this process's own threads, on one machine: the
 * same experiment run locally on 1 and 2 threads and on clusters of 1, 2, ... member JVMs (one thread each),
 * in turn, round after round, so that every configuration sees the machine's load at about the same moments.
 * Every round's results must be identical across configurations. Reported: the median wall time of each, its
 * throughput against 1 local thread (median of the rounds' ratios) and the time each replication costs more on
 * a one-member cluster than on one local thread.
 */
public final class ClusterScaling {

    /**
     * @param experiment  loaded experiment (its run control sets days and replications)
     * @param maxMembers  largest cluster measured (clusters of 1..maxMembers members)
     * @param rounds      timed rounds (one untimed round first warms every JVM)
     */
    public record Settings(Experiment experiment, ModelFactory factory, int maxMembers, int rounds, Path logDir,
                           List<String> memberJvmOptions) {
    }

    private ClusterScaling() {
    }

    public static void run(Settings s, PrintWriter out) throws Exception {
        Experiment e = s.experiment();
        int tasks = e.scenarios().size() * e.run().replications();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        List<LocalMembers> clusters = new ArrayList<>();
        List<ClusterExecutor> executors = new ArrayList<>();
        try {
            for (int n = 1; n <= s.maxMembers(); n++) {
                Path dir = s.logDir().resolve("cluster-" + n);
                Files.createDirectories(dir);
                LocalMembers members = new LocalMembers(dir, s.memberJvmOptions());
                clusters.add(members);
                members.start(1, n);
                executors.add(ClusterExecutor.connect(members.settings(), new PrintWriter(
                        Files.newBufferedWriter(dir.resolve("submitter.log")), true), 60_000));
            }
            out.printf(Locale.ROOT, "%s: %d scenarios x %d replications of %.0f days (+%.0f warm-up) = %d tasks; "
                            + "%d rounds after one untimed round; %d cores%n", e.name(), e.scenarios().size(),
                    e.run().replications(), e.run().days(), e.run().warmupDays(), tasks, s.rounds(),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
            for (int round = 0; round <= s.rounds(); round++) {
                ExperimentResults reference = null;
                for (int config = 0; config < 2 + s.maxMembers(); config++) {
                    String name;
                    ExperimentRunner.Options options;
                    Experiment run = e;
                    LocalMembers members = config < 2 ? null : clusters.get(config - 2);
                    if (config < 2) {
                        name = "local, " + (config + 1) + " thread" + (config == 0 ? "" : "s");
                        run = e.withRun(e.run().withThreads(config + 1));
                        options = ExperimentRunner.Options.none();
                    } else {
                        int n = config - 1;
                        name = "cluster, " + n + " member" + (n == 1 ? "" : "s") + " x 1 thread";
                        options = new ExperimentRunner.Options(null, null, done -> { }, executors.get(n - 1));
                    }
                    double cpu0 = processCpuSeconds() + (members == null ? 0 : members.cpuSeconds());
                    long t0 = System.nanoTime();
                    ExperimentResults r = ExperimentRunner.run(run, s.factory(), options);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpuUsed = processCpuSeconds() + (members == null ? 0 : members.cpuSeconds()) - cpu0;
                    if (reference == null) {
                        reference = r;
                    } else {
                        requireSame(reference, r, name);
                    }
                    if (round > 0) {
                        seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(wall);
                        cpu.computeIfAbsent(name, k -> new ArrayList<>()).add(cpuUsed);
                    }
                    out.printf(Locale.ROOT, "  round %d%s: %-34s %7.2f s wall, %7.2f s CPU%n", round,
                            round == 0 ? " (untimed)" : "", name, wall, cpuUsed);
                    out.flush();
                }
            }
        } finally {
            executors.forEach(ClusterExecutor::close);
            clusters.forEach(LocalMembers::close);
        }
        List<Double> local1 = seconds.get("local, 1 thread");
        List<Double> localCpu = cpu.get("local, 1 thread");
        out.println();
        out.println("| configuration | wall s (median) | replications/s | throughput vs 1 local thread (median of "
                + "rounds) | CPU s per replication, this process + members (median) | CPU vs 1 local thread |");
        out.println("|---|---:|---:|---:|---:|---:|");
        seconds.forEach((name, walls) -> {
            double[] ratios = new double[walls.size()];
            double[] cpuRatios = new double[walls.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = local1.get(i) / walls.get(i);
                cpuRatios[i] = cpu.get(name).get(i) / localCpu.get(i);
            }
            double median = median(walls);
            out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx | %.3f | %.3f |%n", name, median, tasks / median,
                    median(ratios), median(cpu.get(name)) / tasks, median(cpuRatios));
        });
        List<Double> c1 = seconds.get("cluster, 1 member x 1 thread");
        List<Double> c1Cpu = cpu.get("cluster, 1 member x 1 thread");
        double[] overhead = new double[c1.size()];
        double[] cpuOverhead = new double[c1.size()];
        for (int i = 0; i < overhead.length; i++) {
            overhead[i] = (c1.get(i) - local1.get(i)) / tasks * 1000;
            cpuOverhead[i] = (c1Cpu.get(i) - localCpu.get(i)) / tasks * 1000;
        }
        out.printf(Locale.ROOT, "%nOverhead per replication, 1 member x 1 thread vs 1 local thread: wall %.1f ms "
                        + "(rounds: %s), CPU %.1f ms (rounds: %s); one replication takes %.0f ms wall, %.0f ms CPU "
                        + "locally%n", median(overhead), rounded(overhead), median(cpuOverhead), rounded(cpuOverhead),
                median(local1) / tasks * 1000, median(localCpu) / tasks * 1000);
        out.flush();
    }

    private static String rounded(double[] v) {
        return Arrays.toString(Arrays.stream(v).map(x -> Math.round(x * 10) / 10.0).toArray());
    }

    /** CPU seconds used by this JVM so far (all its threads, collector and compiler included). */
    private static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    private static void requireSame(ExperimentResults a, ExperimentResults b, String name) {
        for (int s = 0; s < a.scenarios(); s++) {
            for (int r = 0; r < a.replications(); r++) {
                ReplicationResult x = a.get(s, r);
                ReplicationResult y = b.get(s, r);
                boolean same = x.metrics().equals(y.metrics()) && x.series().keySet().equals(y.series().keySet())
                        && x.series().entrySet().stream().allMatch(en -> Arrays.equals(en.getValue(),
                        y.series().get(en.getKey())));
                if (!same) {
                    throw new IllegalStateException(name + ": replication " + r + " of scenario " + s
                            + " differs from the local run");
                }
            }
        }
    }

    private static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
