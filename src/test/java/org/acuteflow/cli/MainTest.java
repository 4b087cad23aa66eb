package org.acuteflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"validate", "--help"}}) {
            Outcome o = run(args);
            assertEquals(0, o.code(), String.join(" ", args));
            assertTrue(o.out().contains("Usage:"), o.out());
        }
    }

    @Test
    void malformedYamlExitsTwoWithTheLineAndNoStackTrace() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: x\nrun:\n  days: [1\n");
        for (String command : new String[] {"run", "validate"}) {
            Outcome o = run(command, f.toString());
            assertEquals(2, o.code(), command + ": " + o.err());
            assertTrue(o.err().contains(f + ":"), o.err());
            assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        }
    }

    @Test
    void unknownKeyExitsTwoNamingLineAndField() throws IOException {
        Files.createDirectories(dir.resolve("net"));
        Path f = dir.resolve("typo.yaml");
        Files.writeString(f, "name: x\nnetwork: net\nrun:\n  days: 1\n  replications: 1\n  seed: 1\n  speed: 3\nscenarios: []\n");
        Outcome o = run("validate", f.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(f + ":7"), o.err());
        assertTrue(o.err().contains("unknown key 'speed'"), o.err());
    }

    @Test
    void unknownOptionExitsTwo() {
        Outcome o = run("run", "--no-such-option", "x.yaml");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--no-such-option"), o.err());
    }

    @Test
    void missingExperimentFileExitsTwo() {
        Outcome o = run("run", dir.resolve("absent.yaml").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("file not found"), o.err());
        assertFalse(Files.exists(dir.resolve("results")), "no results folder for bad input");
    }

    @Test
    void aRealRunIsByteIdenticalWithOneAndFourThreads() throws IOException {
        Path network = Path.of("networks", "example").toAbsolutePath();
        Path f = dir.resolve("example.yaml");
        Files.writeString(f, String.join("\n",
                "name: example-threads",
                "network: " + network,
                "run: {days: 10, warmup_days: 2, replications: 6, seed: 77}",
                "scenarios:",
                "  - {name: hasu, configuration: hasu}",
                "  - {name: local, configuration: local}",
                ""));
        Outcome one = run("run", f.toString(), "--threads", "1", "--out", dir.resolve("one").toString(), "-q");
        Outcome four = run("run", f.toString(), "--threads", "4", "--out", dir.resolve("four").toString(), "-q");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, four.code(), four.err());
        for (String file : new String[] {"summary.csv", "replications.csv", "differences.csv"}) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                    Files.readAllBytes(dir.resolve("four").resolve(file)), file);
        }
        assertTrue(Files.readString(dir.resolve("one").resolve("summary.csv")).contains("local,deaths_total,"));
    }
}
