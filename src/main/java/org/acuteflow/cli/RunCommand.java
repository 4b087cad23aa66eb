package org.acuteflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.acuteflow.cluster.ClusterExecutor;
import org.acuteflow.cluster.ClusterSettings;
import org.acuteflow.cluster.HazelcastSetup;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.RunControl;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.InputFingerprint;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ReplicationExecutor;
import org.acuteflow.experiment.ReplicationStore;
import org.acuteflow.experiment.RunFolder;
import org.acuteflow.experiment.SweepExpander;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.model.FlowModelFactory;
import org.acuteflow.report.Manifest;
import org.acuteflow.report.RunInfo;
import org.acuteflow.report.RunOutputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acuteflow run}: runs experiment files (or every .yaml in a folder), each into its own results folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run experiment files and write results folders.",
                "Each experiment writes results/<experiment>/<yyyymmdd-HHMMSS>/ (or --out), which appears only "
                        + "when complete. A failed experiment does not stop a batch; the exit code is then non-zero."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*",
            description = "Experiment YAML files, or folders whose *.yaml files are run in name order.")
    List<Path> experiments = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Override the number of replications.")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (0 = one per core). Results do not depend on it.")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Override the base seed.")
    Long seed;

    @Option(names = "--psa-draws", paramLabel = "N", description = "Override the number of coefficient sets drawn "
            + "for probabilistic sensitivity analysis (output psa).")
    Integer psaDraws;

    @Option(names = "--days", paramLabel = "D", description = "Override the simulated days after warm-up.")
    Double days;

    @Option(names = "--warmup-days", paramLabel = "D", description = "Override the warm-up days.")
    Double warmupDays;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (must not exist; one experiment only).")
    Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Root of the default results folders (default: ${DEFAULT-VALUE}).")
    Path resultsRoot;

    @Option(names = "--patients", description = "Also write one CSV row per patient (patients/ in the results folder).")
    boolean patients;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish an interrupted run from its .<name>.partial folder; outputs are byte-identical to an uninterrupted run.")
    Path resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Run the replications on the members of this cluster (started with 'acuteflow worker'); "
                    + "results are the same bytes as a local run. Needs --members.")
    String cluster;

    @Option(names = "--members", paramLabel = "HOST:PORT,...",
            description = "Members of the --cluster to contact (comma-separated; some are enough).")
    String clusterMembers;

    /** How long a cluster run waits for a member when none is left (or none answers at the start). */
    static final long CLUSTER_MEMBER_WAIT_MILLIS = 30_000;

    /** Where replications run: null for this process's threads. */
    private ReplicationExecutor executor;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "30", hidden = true,
            description = "Without a terminal, a progress line at most this often (default: ${DEFAULT-VALUE}).")
    double progressEverySeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ModelFactory factory;

    public RunCommand() {
        this(new FlowModelFactory());
    }

    /** A run command whose scenarios are prepared by {@code factory}. */
    RunCommand(ModelFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        if (cluster == null && clusterMembers == null) {
            return runAll();
        }
        ClusterSettings settings = ClusterSettings.parse(cluster, clusterMembers);
        if (patients) {
            throw InputException.of("command line", 0, "--patients",
                    "per-patient files are written where replications run: not available with --cluster");
        }
        HazelcastSetup.quietLogging(false);
        try (ClusterExecutor cluster = ClusterExecutor.connect(settings, spec.commandLine().getErr(),
                CLUSTER_MEMBER_WAIT_MILLIS)) {
            executor = cluster;
            return runAll();
        } finally {
            executor = null;
        }
    }

    private int runAll() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume != null) {
            if (!experiments.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--resume takes no experiment files");
            }
            // A resumed run must finish exactly the run that was started: settings that would change its results
            // are refused rather than silently ignored. (--threads does not change results.)
            List<String> overrides = new ArrayList<>();
            if (replications != null) {
                overrides.add("--replications");
            }
            if (seed != null) {
                overrides.add("--seed");
            }
            if (days != null) {
                overrides.add("--days");
            }
            if (warmupDays != null) {
                overrides.add("--warmup-days");
            }
            if (this.out != null) {
                overrides.add("--out");
            }
            if (patients) {
                overrides.add("--patients");
            }
            if (!overrides.isEmpty()) {
                throw InputException.of("command line", 0, null, String.join(", ", overrides)
                        + " cannot be combined with --resume: a resumed "
                        + "run finishes the run as it was started (its settings are in run.json); start a new run to "
                        + "change them");
            }
            try {
                Path done = resumeRun(resume, err);
                out.println(done);
                return Main.OK;
            } catch (InputException e) {
                throw e;
            } catch (RuntimeException e) {
                if (Main.environmentProblem(e) != null) {
                    throw e;
                }
                Main.reportInternal(err, e, resume, "--resume " + resume);
                return Main.INTERNAL_ERROR;
            }
        }
        if (experiments.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name at least one experiment file or folder");
        }
        List<Path> files = expand(experiments);
        if (out != null && files.size() > 1 && this.out != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out names one folder: give one experiment");
        }
        // Every experiment of a batch is tried, whatever happened to the ones before it; each failure is reported
        // as it happens and listed again at the end. Exit code: 1 if any internal error (a bug must not hide
        // behind bad input), else 2 if any input or environment problem, else 0.
        boolean internal = false;
        boolean input = false;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            if (org.acuteflow.optimise.ProblemLoader.isProblemFile(file)) {
                // Location problems live beside experiments; a batch leaves them to 'acuteflow optimise'.
                if (files.size() == 1) {
                    throw InputException.of(file.toString(), 0, null,
                            "is a location problem, not an experiment: run it with 'acuteflow optimise " + file + "'");
                }
                err.println("acuteflow: skipping " + file + " (a location problem: run it with acuteflow optimise)");
                continue;
            }
            Path[] work = new Path[1];
            try {
                Path done = runOne(file, err, work);
                out.println(done);
            } catch (InputException e) {
                Main.reportInput(err, e);
                failures.add(file + ": bad input (" + e.problems().size() + " problem"
                        + (e.problems().size() == 1 ? "" : "s") + ")");
                input = true;
            } catch (RuntimeException | IOException | Error e) {
                if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
                    throw (Error) e;
                }
                String environment = Main.environmentProblem(e);
                if (environment != null) {
                    err.println("error: " + environment);
                    failures.add(file + ": " + environment);
                    input = true;
                    continue;
                }
                Main.reportInternal(err, e, work[0], file.toString());
                failures.add(file + ": internal error " + e.getClass().getSimpleName());
                internal = true;
            }
        }
        if (files.size() > 1 && !failures.isEmpty()) {
            err.println("acuteflow: " + failures.size() + " of " + files.size() + " experiments failed:");
            failures.forEach(f -> err.println("  " + f));
        }
        return internal ? Main.INTERNAL_ERROR : input ? Main.BAD_INPUT : Main.OK;
    }

    /** Files as given; folders expand to their *.yaml / *.yml files in name order. */
    static List<Path> expand(List<Path> args) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.list(a)) {
                    s.filter(p -> {
                        String n = p.getFileName().toString();
                        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                    }).sorted().forEach(p -> {
                        if (seen.add(p.toAbsolutePath().normalize())) {
                            files.add(p);
                        }
                    });
                } catch (IOException e) {
                    throw InputException.of(a.toString(), 0, null, "cannot list folder: " + e.getMessage());
                }
            } else if (seen.add(a.toAbsolutePath().normalize())) {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            throw InputException.of(args.get(0).toString(), 0, null, "holds no experiment (.yaml) files");
        }
        return files;
    }

    /** A sweep's scenarios depend on its network (which sites offer the swept service). */
    public static Experiment expandSweep(Experiment e) {
        return SweepExpander.expand(e, configuration -> NetworkLoader.load(e.networkDir(), configuration));
    }

    private Experiment withOverrides(Experiment e) {
        RunControl run = e.run();
        if (replications != null) {
            run = run.withReplications(replications);
        }
        if (threads != null) {
            run = run.withThreads(threads);
        }
        if (seed != null) {
            run = run.withSeed(seed);
        }
        if (psaDraws != null) {
            run = run.withPsaDraws(psaDraws);
        }
        if (days != null || warmupDays != null) {
            run = run.withDays(days != null ? days : run.days(), warmupDays != null ? warmupDays : run.warmupDays());
        }
        var problems = org.acuteflow.config.Problems.forFile("command line");
        problems.inRange("--replications", run.replications(), 1, RunControl.MAX_REPLICATIONS);
        problems.inRange("--threads", run.threads(), 0, 1024);
        problems.inRange("--psa-draws", run.psaDraws(), 1, RunControl.MAX_PSA_DRAWS);
        problems.inRange("--days", run.days(), 1.0 / 24, 36_500);
        problems.inRange("--warmup-days", run.warmupDays(), 0, 36_500);
        problems.throwIfAny();
        return e.withRun(run);
    }

    /** @param work receives the run's working folder once it exists (where an internal error's trace goes) */
    private Path runOne(Path file, PrintWriter err, Path[] work) throws IOException {
        Experiment experiment = withOverrides(expandSweep(ExperimentLoader.load(file)));
        java.util.Map<String, String> inputs = InputFingerprint.of(experiment);
        RunFolder folder = RunFolder.create(resultsRoot, experiment.name(), out, LocalDateTime.now());
        work[0] = folder.workDir();
        try (folder) {
            folder.writeResume(file, experiment.sha256(), experiment.run(), patients, inputs);
            return execute(experiment, folder, false, patients, err);
        } catch (InputException e) {
            // Bad input found while preparing the scenarios (network, parameters): nothing was simulated, so the
            // working folder just created holds nothing worth resuming.
            folder.discardIfNothingDone();
            throw e;
        }
    }

    private Path resumeRun(Path partial, PrintWriter err) {
        RunFolder folder = RunFolder.reopen(partial);
        try (folder) {
            RunFolder.Resume r = folder.resume();
            if (!java.nio.file.Files.isRegularFile(r.experimentFile())) {
                throw InputException.of(r.experimentFile().toString(), 0, null, "the interrupted run's experiment "
                        + "file is missing; resuming needs the same inputs. Start a new run.");
            }
            Experiment experiment = expandSweep(ExperimentLoader.load(r.experimentFile()));
            List<String> changed = InputFingerprint.differences(r.inputs(), InputFingerprint.of(experiment));
            if (!experiment.sha256().equals(r.experimentSha256()) && changed.isEmpty()) {
                changed = List.of(r.experimentFile() + " has changed");
            }
            if (!changed.isEmpty()) {
                List<org.acuteflow.config.InputProblem> problems = new ArrayList<>();
                for (String c : changed) {
                    problems.add(new org.acuteflow.config.InputProblem(partial.toString(), 0, 0, "--resume", c
                            + " since the interrupted run started; resuming would mix results of two models. "
                            + "Restore the file, or start a new run."));
                }
                throw new InputException(problems);
            }
            RunControl run = threads == null ? r.run() : r.run().withThreads(threads);
            return execute(experiment.withRun(run), folder, true, r.patients(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path execute(Experiment experiment, RunFolder folder, boolean resumed, boolean withPatients,
                         PrintWriter err) throws IOException {
        if (executor != null && withPatients) {
            throw InputException.of(folder.workDir().resolve("run.json").toString(), 0, "patients",
                    "this run writes per-patient files, which are written where replications run: resume it without --cluster");
        }
        long start = System.nanoTime();
        String startedAt = Instant.now().toString();
        int total = experiment.scenarios().size() * experiment.run().replications();
        boolean terminal = ProgressBar.terminalAttached();
        ProgressBar bar = new ProgressBar(System.err, !quiet && terminal, quiet || terminal ? null : err,
                progressEverySeconds, experiment.name(), total);
        ExperimentRunner.Options options = new ExperimentRunner.Options(new ReplicationStore(folder.workDir()),
                withPatients ? folder.workDir().resolve("patients") : null, bar, executor);
        // Ctrl-C (or a batch scheduler's SIGTERM) ends the JVM without unwinding this method: say how to finish
        // the run. The working folder is left as it is: every finished replication in it is complete on disk.
        PrintStream console = System.err;
        Thread interrupted = new Thread(() -> {
            console.println();
            console.println("interrupted: resume with acuteflow run --resume " + folder.workDir());
            console.flush();
        }, "interrupted-run-notice");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            ExperimentResults results = ExperimentRunner.run(experiment, factory, options);
            bar.finish();
            Path work = folder.workDir();
            RunOutputs.write(results, work, new RunInfo((System.nanoTime() - start) / 1e9));
            Manifest.write(work.resolve("manifest.json"), experiment, (System.nanoTime() - start) / 1e9, startedAt,
                    resumed);
            folder.complete();
            if (!quiet) {
                HeadlineSummary.print(err, results);
            }
            return folder.finalDir();
        } finally {
            bar.finish();
            removeHook(interrupted);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (the hook is running or about to): nothing to undo.
        }
    }
}
