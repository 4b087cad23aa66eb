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
        subcommands = {RunCommand.class, WorkerCommand.class, ValidateCommand.class, NetworkCommand.class, BenchCommand.class,
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
        cl.setExitCodeExceptionMapper(e -> e instanceof InputException || environmentProblem(e) != null
                ? BAD_INPUT : INTERNAL_ERROR);
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
            String environment = environmentProblem(ex);
            if (environment != null) {
                err.println("error: " + environment);
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

    /**
     * A file-system failure (permission denied, disk full, a path that is a file where a folder is needed)
     * described with its path and a fix, or null when {@code e} is not one. These are problems of the
     * environment the user can fix, not bugs, so they get exit code 2 and no stack trace.
     */
    static String environmentProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                String path = io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                        ? fs.getFile() : null;
                String reason = describe(io);
                StringBuilder sb = new StringBuilder();
                if (path != null) {
                    sb.append(path).append(": ");
                }
                sb.append(reason);
                // The wrapping message (e.g. "cannot save replication 3 of scenario 0 in DIR") says what was
                // being done.
                if (e != t && e.getMessage() != null) {
                    sb.append(" (").append(e.getMessage()).append(')');
                }
                sb.append("; free disk space or fix the folder's permissions (or choose another with --out / "
                        + "--results), then run again; an interrupted run resumes with 'acuteflow run --resume'");
                return sb.toString();
            }
        }
        return null;
    }

    private static String describe(java.io.IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException || m.contains("Permission denied")) {
            return "permission denied";
        }
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return "the disk is full";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists and is in the way";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "is not a folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "does not exist";
        }
        return "input/output error: " + (m.isEmpty() ? e.getClass().getSimpleName() : m);
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
