package org.acuteflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back test: rerunning results/reference/backtest.yaml gives the committed results/reference/backtest/ outputs
 * byte for byte. A refactoring that should not change results proves it here; a change that is meant to move
 * results regenerates the reference (commands in the experiment file) and says why in its commit.
 */
class BackTest {
    private static final Path REFERENCE = Path.of("results", "reference", "backtest");
    private static final List<String> COMPARED = List.of("summary.csv", "replications.csv", "differences.csv",
            "psa.csv", "psa_differences.csv");

    @Test
    void theReferenceRunIsReproducedByteForByte(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("backtest");
        MainTest.Outcome o = MainTest.run("run", Path.of("results", "reference", "backtest.yaml").toString(),
                "--quiet", "--threads", "1", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        for (String name : COMPARED) {
            assertTrue(Files.exists(REFERENCE.resolve(name)), "reference has " + name);
            String expected = Files.readString(REFERENCE.resolve(name));
            String actual = Files.readString(out.resolve(name));
            assertEquals(expected, actual, name + " differs from the committed back-test reference");
        }
    }
}
