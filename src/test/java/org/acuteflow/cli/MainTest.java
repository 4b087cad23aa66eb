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
}
