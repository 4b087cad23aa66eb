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
                OptimiseCommand.class,
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
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the commands made by {@code factory}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new Main(), factory);
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
            reportInternal(err, ex, null, null);
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

    /**
     * Says an internal error (a bug) happened and where its full trace was written: {@code folder} (the run's
     * working folder) when given and still there, else a temporary file. The trace itself is not printed: it
     * says nothing a user can act on and would bury the messages of a batch.
     */
    static void reportInternal(PrintWriter err, Throwable ex, java.nio.file.Path folder, String what) {
        String summary = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": "
                + firstLine(ex.getMessage()));
        err.println("acuteflow: internal error" + (what == null ? "" : " in " + what) + " (a bug; please report it "
                + "with the command you ran and the trace file): " + summary);
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            java.nio.file.Path file;
            if (folder != null && java.nio.file.Files.isDirectory(folder)) {
                file = folder.resolve("error-trace.txt");
                java.nio.file.Files.writeString(file, trace.toString());
            } else {
                file = java.nio.file.Files.createTempFile("acuteflow-error-", ".txt");
                java.nio.file.Files.writeString(file, trace.toString());
            }
            err.println("  full trace written to " + file.toAbsolutePath());
        } catch (java.io.IOException | RuntimeException e) {
            err.println("  (the trace could not be written to a file: " + e.getMessage() + ")");
            err.print(trace);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
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
            // The build fingerprint (version + hash of the code) is what cluster members must share.
            return new String[] {"acuteflow " + org.acuteflow.report.Manifest.version(),
                    "build " + org.acuteflow.cluster.BuildFingerprint.current()};
        }
    }
}
