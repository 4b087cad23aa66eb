package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's grid is checked like the rest of the file: every problem at the experiment's own line. */
class SweepErrorsTest {
    @TempDir
    Path dir;

    private Path sweep(String... grid) throws IOException {
        Fixtures.exampleNetwork(dir);
        StringBuilder lines = new StringBuilder(String.join("\n", "name: sweep", "network: net",
                "run: {days: 1, warmup_days: 0, replications: 1, seed: 3}", "outputs: [differences]", "sweep:",
                "  configuration: hasu", "  grid:", ""));
        for (String g : grid) {
            lines.append("    ").append(g).append('\n');
        }
        lines.append("parameters: {demand: {scale: 0.002}}\n");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, lines.toString());
        return file;
    }

    private static Cli.Result both(Path file) {
        Cli.Result v = Cli.run("validate", file.toString());
        Cli.Result r = Cli.run("run", file.toString(), "--quiet", "--results", file.resolveSibling("results").toString());
        assertEquals(2, v.code(), v.toString());
        assertEquals(2, r.code(), r.toString());
        v.assertNoStackTrace("validate");
        r.assertNoStackTrace("run");
        Path results = file.resolveSibling("results");
        if (Files.exists(results)) {
            try (var walk = Files.walk(results)) {
                assertFalse(walk.anyMatch(p -> p.getFileName().toString().contains("partial") || Files.isRegularFile(p)),
                        "no results folder for bad input");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return v;
    }

    @Test
    void anUnknownParameterPathIsAnErrorAtItsLine() throws IOException {
        Cli.Result r = both(sweep("ems.fleet_scal: [1, 2]", "hospitals.ed_stay_minutes: [60]"));
        assertTrue(r.err().contains("sweep.yaml:8:5: field 'sweep.grid.ems.fleet_scal': names no model parameter"),
                r.err());
        assertTrue(r.err().contains("did you mean 'fleet_scale'?"), r.err());
        assertTrue(r.err().contains("sweep.yaml:9:5: field 'sweep.grid.hospitals.ed_stay_minutes'"), r.err());
        assertTrue(r.err().contains("did you mean 'hospital'?"), r.err());
    }

    @Test
    void repeatedValuesThatWouldNameTwoScenariosAlikeAreAnError() throws IOException {
        Cli.Result r = both(sweep("ems.fleet_scale: [1.5, 2, 1.5]"));
        assertTrue(r.err().contains("sweep.yaml:8:") && r.err().contains("the same name 'fleet_scale-1.5'"), r.err());
    }

    @Test
    void aBadGridValueIsReportedAtTheSweepsLineNotTheDefaults() throws IOException {
        Cli.Result r = both(sweep("ems.fleet_scale: [1, -3]"));
        assertTrue(r.err().contains("sweep.yaml:8:") && r.err().contains("field 'parameters.ems.fleet_scale'")
                && r.err().contains("got -3"), r.err());
        assertFalse(r.err().contains("built-in"), r.err());
    }
}
