package org.acuteflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.acuteflow.experiment.RunFolder;
import org.acuteflow.model.FlowModelFactory;
import org.acuteflow.optimise.LocationProblem;
import org.acuteflow.optimise.OptimiseOutputs;
import org.acuteflow.optimise.Optimiser;
import org.acuteflow.optimise.ProblemLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acuteflow optimise}: where should the units be? Solve, then select among the best layouts by simulation. */
@Command(name = "optimise", mixinStandardHelpOptions = true,
        description = {"Choose sites for a service: a mixed-integer programme (p-median, maximal covering or "
                + "linearised expected outcome, with capacity, maximum-time and provider-network constraints) lists "
                + "the best layouts, then the simulation selects among them (Kim-Nelson procedure, common random "
                + "numbers) with a stated probability of correct selection.",
                "Writes results/<problem>/<yyyymmdd-HHMMSS>/ (or --out), which appears only when complete."})
public final class OptimiseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROBLEM", description = "Location problem file (YAML; see experiments/README.md).")
    Path problemFile;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "Worker threads (0 = one per core). Results do not depend on it.")
    int threads;

    @Option(names = "--seed", paramLabel = "S", description = "Override the simulation's base seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (must not exist).")
    Path out;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Root of the default results folders (default: ${DEFAULT-VALUE}).")
    Path resultsRoot;

    @Option(names = "--no-simulation", description = "Stop after the solver's layouts and static scores.")
    boolean noSimulation;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        var problems = org.acuteflow.config.Problems.forFile("command line");
        problems.inRange("--threads", threads, 0, 1024);
        problems.throwIfAny();
        long start = System.nanoTime();
        LocationProblem problem = ProblemLoader.load(problemFile);
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        RunFolder folder = RunFolder.create(resultsRoot, problem.name(), out, LocalDateTime.now());
        try {
            // The bar counts replications; the Kim-Nelson procedure decides how many, so its total is the cap.
            ProgressBar bar = new ProgressBar(System.err, !quiet && !noSimulation && ProgressBar.terminalAttached(),
                    problem.name(), problem.pool() * problem.selection().maxReplications());
            Optimiser.Outcome outcome = new Optimiser(workers).run(problem, new FlowModelFactory(), !noSimulation,
                    seed != null ? seed : problem.selection().seed(), bar);
            bar.finish();
            OptimiseOutputs.write(outcome, folder.workDir(), (System.nanoTime() - start) / 1e9);
            folder.complete();
        } catch (IOException | RuntimeException e) {
            folder.discardIfNothingDone();
            throw e;
        }
        stdout.println(folder.finalDir());
        return Main.OK;
    }
}
