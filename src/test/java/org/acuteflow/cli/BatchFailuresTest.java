package org.acuteflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.model.FlowModelFactory;
import org.acuteflow.testing.ExampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A batch tries every experiment whatever happened to the ones before, reports each failure at the end, and
 * exits 1 when any failure was internal (even if another was bad input); the trace goes to a file, not the
 * screen.
 */
class BatchFailuresTest {
    @TempDir
    Path dir;

    private Path experiment(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "name: " + name,
                "network: net",
                "run: {days: 1, warmup_days: 0, replications: 2, seed: 7}",
                "outputs: [differences]",
                "scenarios:",
                "  - {name: hasu, configuration: hasu}",
                "  - {name: local, configuration: local}",
                "parameters:",
                "  demand: {scale: " + extra + "}",
                ""));
        return file;
    }

    /** A model that fails (a bug, as far as the command line can tell) for the experiment named "bug". */
    private static final ModelFactory BUGGY = (experiment, scenario) -> {
        if (experiment.name().equals("bug")) {
            throw new IllegalStateException("a bug in the model");
        }
        return new FlowModelFactory().prepare(experiment, scenario);
    };

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class ? cls.cast(new RunCommand(BUGGY)) : CommandLine.defaultFactory().create(cls);
            }
        };
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err), factory);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aBatchRunsEveryExperimentAndAnInternalErrorIsNotHiddenByBadInput() throws IOException {
        ExampleFiles.copyExampleNetwork(dir.resolve("net"));
        Path bad = experiment("a-bad", "-1");
        Path bug = experiment("bug", "0.002");
        Path good = experiment("c-good", "0.002");
        Path results = dir.resolve("results");
        Result r = run("run", bad.toString(), bug.toString(), good.toString(), "--results", results.toString(),
                "--quiet");
        assertEquals(1, r.code(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace on the screen:\n" + r.err());
        // The good experiment after the two failures still ran.
        assertTrue(r.out().contains("c-good"), r.out());
        assertTrue(Files.isRegularFile(Path.of(r.out().trim()).resolve("summary.csv")));
        // Both failures are listed at the end, each with what it was.
        assertTrue(r.err().contains("2 of 3 experiments failed"), r.err());
        assertTrue(r.err().contains(bad + ": bad input"), r.err());
        assertTrue(r.err().contains(bug + ": internal error"), r.err());
        // The internal error says where its full trace is, and the trace is there.
        Matcher m = Pattern.compile("full trace written to (\\S+)").matcher(r.err());
        assertTrue(m.find(), r.err());
        String trace = Files.readString(Path.of(m.group(1)));
        assertTrue(trace.contains("a bug in the model") && trace.contains("\tat "), trace);
    }

    @Test
    void badInputAloneExitsTwo() throws IOException {
        ExampleFiles.copyExampleNetwork(dir.resolve("net"));
        Path bad = experiment("a-bad", "-1");
        Path good = experiment("c-good", "0.002");
        Result r = run("run", bad.toString(), good.toString(), "--results", dir.resolve("results").toString(),
                "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("1 of 2 experiments failed"), r.err());
    }
}
