package org.acuteflow.cli;

import java.io.PrintWriter;
import org.acuteflow.config.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code acuteflow} command. Exit codes: 0 success, 2 bad input (message names file, line, field), 1 internal
 * error (with a stack trace, since that is a bug to report).
 */
@Command(name = "acuteflow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event simulation of emergency and stroke patient flows.",
        subcommands = {RunCommand.class, ValidateCommand.class, NetworkCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, validate, ...");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (used by tests, which must not call System.exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof InputException ? BAD_INPUT : INTERNAL_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("acuteflow: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException ie) {
                reportInput(err, ie);
                return BAD_INPUT;
            }
            err.println("acuteflow: internal error (please report it with the command you ran):");
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static void reportInput(PrintWriter err, InputException e) {
        for (var p : e.problems()) {
            err.println("error: " + p);
        }
    }

    /** Version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"acuteflow " + org.acuteflow.report.Manifest.version()};
        }
    }
}
