package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run in another JVM is killed part-way; {@code run --resume} finishes it, and the results are the same
 * bytes as a run never interrupted (which also uses another thread count: results do not depend on it).
 */
class InterruptedRunTest {
    private static final List<String> OUTPUTS = List.of("summary.csv", "replications.csv", "differences.csv");

    @TempDir
    Path dir;

    /** Enough replications (about a quarter of a second each) that the run is still going when it is killed. */
    private Path experiment() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "killed", 10, 30.0);
        Fixtures.replace(exp, "scale: 0.002", "scale: 0.003");
        return exp;
    }

    /** Starts {@code acuteflow run} in a new JVM with this test's class path. */
    private Process start(Path exp, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.acuteflow.cli.Main", "run", exp.toString(), "--threads", "1", "--quiet", "--out", out.toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
    }

    /** Waits until the child has stored at least one finished replication in its partial folder. */
    private static void awaitFirstReplication(Process child, Path partial) throws Exception {
        Path replications = partial.resolve("replications");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(replications)) {
                try (Stream<Path> s = Files.list(replications)) {
                    if (s.anyMatch(p -> p.getFileName().toString().endsWith(".json"))) {
                        return;
                    }
                }
            }
            if (!child.isAlive()) {
                fail("the run ended (exit " + child.exitValue() + ") before a replication was stored");
            }
            Thread.sleep(5);
        }
        fail("no replication stored within 90 s");
    }

    private static long stored(Path partial) throws IOException {
        try (Stream<Path> s = Files.list(partial.resolve("replications"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    @Test
    void killedRunResumesToByteIdenticalResults() throws Exception {
        Path exp = experiment();
        Path killed = dir.resolve("killed-out");
        Path partial = dir.resolve(".killed-out.partial");
        Process child = start(exp, killed);
        awaitFirstReplication(child, partial);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(killed), "a killed run has no complete-looking folder");
        long before = stored(partial);
        assertTrue(before >= 1 && before < 20, "killed part-way: " + before + " of 20 replications stored");

        // What a kill (or a full disk) can leave behind: a half-written temporary file, and a damaged stored
        // file. Neither may be taken for a finished replication.
        Path replications = partial.resolve("replications");
        Files.writeString(replications.resolve("s1-r9.json.tmp"), "{\"metrics\":{\"deaths_to");
        Files.writeString(replications.resolve("s0-r9.json"), "{\"metrics\":{\"deaths_total\":4");

        Cli.Result resumed = Cli.run("run", "--resume", partial.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains(killed.toString()), resumed.out());
        assertFalse(Files.exists(partial), "the partial folder became the results folder");

        Path full = dir.resolve("full-out");
        Cli.Result uninterrupted = Cli.run("run", exp.toString(), "--threads", "2", "--quiet", "--out", full.toString());
        assertEquals(0, uninterrupted.code(), uninterrupted.toString());
        for (String name : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(full.resolve(name)), Files.readAllBytes(killed.resolve(name)),
                    name + " differs between the resumed and the uninterrupted run");
        }
        assertTrue(Fixtures.read(killed.resolve("manifest.json")).contains("\"resumed\""), "manifest says resumed");
    }

    @Test
    void ctrlCLeavesAResumableFolderAndSaysHowToResume() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        Path exp = experiment();
        Path out = dir.resolve("int-out");
        Path partial = dir.resolve(".int-out.partial");
        Process child = start(exp, out);
        awaitFirstReplication(child, partial);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -INT");
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the run stops on Ctrl-C");
        String err = Files.readString(dir.resolve("child.err"));
        assertTrue(err.contains("interrupted: resume with acuteflow run --resume " + partial.toAbsolutePath().normalize()),
                err);
        assertFalse(err.contains("\tat "), err);
        assertFalse(Files.exists(out), "no complete-looking folder after Ctrl-C");
        assertTrue(Files.isRegularFile(partial.resolve("run.json")), "the partial folder is kept");
        assertTrue(stored(partial) >= 1, "finished replications are kept");

        Cli.Result resumed = Cli.run("run", "--resume", partial.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
    }
}
