package org.acuteflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.model.FlowModelFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code acuteflow validate}: checks experiment files, their networks and parameters, without simulating. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment files (and the networks, configurations and parameters they use) "
                + "and report every problem with its file and line. Exit 0 when all are valid, 2 otherwise.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Experiment files or folders of them.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = Main.OK;
        FlowModelFactory factory = new FlowModelFactory();
        for (Path file : RunCommand.expand(files)) {
            List<InputException> found = new ArrayList<>();
            try {
                if (org.acuteflow.optimise.ProblemLoader.isProblemFile(file)) {
                    var problem = org.acuteflow.optimise.ProblemLoader.load(file);
                    out.println(file + ": valid (location problem: " + problem.candidates().size()
                            + " candidate sites, k " + problem.kMin() + ".." + problem.kMax()
                            + "; run it with acuteflow optimise)");
                    continue;
                }
                Experiment e = RunCommand.expandSweep(ExperimentLoader.load(file));
                for (ScenarioSpec s : e.scenarios()) {
                    try {
                        factory.prepare(e, s);
                    } catch (InputException ie) {
                        found.add(ie);
                    }
                }
                if (found.isEmpty()) {
                    out.println(file + ": valid (" + e.scenarios().size() + " scenarios, "
                            + e.run().replications() + " replications of " + e.run().days() + " days)");
                }
            } catch (InputException ie) {
                found.add(ie);
            }
            // Scenarios share their network and most parameters, so the same problem is usually found once per
            // scenario; list each once.
            java.util.Set<org.acuteflow.config.InputProblem> distinct = new java.util.LinkedHashSet<>();
            found.forEach(ie -> distinct.addAll(ie.problems()));
            for (org.acuteflow.config.InputProblem p : distinct) {
                err.println("error: " + p);
            }
            if (!found.isEmpty()) {
                code = Main.BAD_INPUT;
            }
        }
        return code;
    }
}
