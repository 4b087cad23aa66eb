package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a terminal a run prints progress lines, then the headline differences; --quiet prints neither. */
class ProgressLinesTest {
    @TempDir
    Path dir;

    private static final Pattern LINE = Pattern.compile(
            "(?m)^progress: tiny: (\\d+)/8 replications, \\d+:\\d\\d:\\d\\d elapsed, (ETA .*|done)$");

    @Test
    void aRunWithoutATerminalPrintsProgressAndTheHeadline() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "tiny", 4, 20.0);
        // Tests run without a console, as a batch job does; a line at most every 10 ms here.
        Cli.Result r = Cli.run("run", exp.toString(), "--out", dir.resolve("out").toString(), "--threads", "1",
                "--progress-every", "0.01");
        assertEquals(0, r.code(), r.toString());
        var m = LINE.matcher(r.err());
        int lines = 0;
        int last = -1;
        while (m.find()) {
            int done = Integer.parseInt(m.group(1));
            assertTrue(done >= last, "counts never go back: " + r.err());
            last = done;
            lines++;
        }
        assertTrue(lines >= 2, "progress lines expected:\n" + r.err());
        assertEquals(8, last, "the last line says all are done:\n" + r.err());
        assertTrue(r.err().contains("headline differences against hasu"), r.err());
        assertTrue(Pattern.compile("(?m)^  local: Deaths per year .* \\(-?[0-9.]+ to -?[0-9.]+\\) deaths/year")
                .matcher(r.err()).find(), r.err());

        Cli.Result quiet = Cli.run("run", exp.toString(), "--out", dir.resolve("out2").toString(), "--quiet",
                "--progress-every", "0.01");
        assertEquals(0, quiet.code());
        assertEquals(List.of(), quiet.err().lines().toList(), "--quiet prints nothing on standard error");
    }
}
