package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge cases of the numbers: no demand at all, a class with no patients, one replication, a run shorter than
 * its warm-up, no deaths. Each must run, and no output may say NaN or Infinity: an undefined value is an
 * empty cell (CSV) or says why it is missing (report).
 */
class NumericalSafetyTest {
    @TempDir
    Path dir;

    private Path run(Path exp, String... extra) {
        Path out = dir.resolve("out-" + exp.getFileName().toString().replace(".yaml", ""));
        String[] args = Stream.concat(Stream.of("run", exp.toString(), "--quiet", "--threads", "2", "--out",
                out.toString()), Stream.of(extra)).toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.toString());
        r.assertNoStackTrace(exp.toString());
        return out;
    }

    /** No NaN or Infinity as text in any CSV, JSON, GeoJSON or HTML output (embedded images excluded). */
    private static void assertNoNaNText(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!(name.endsWith(".csv") || name.endsWith(".html") || name.endsWith(".geojson")
                        || name.equals("manifest.json"))) {
                    continue;
                }
                String text = Files.readString(f).replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
                for (String bad : List.of("NaN", "Infinity")) {
                    assertFalse(text.contains(bad), f + " contains " + bad);
                }
            }
        }
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    private static double mean(Path summary, String scenario, String metric) throws IOException {
        for (String[] r : rows(summary)) {
            if (r[0].equals(scenario) && r[1].equals(metric)) {
                return Double.parseDouble(r[2]);
            }
        }
        throw new AssertionError(metric + " of " + scenario + " not in " + summary);
    }

    @Test
    void zeroDemandRunsAndWritesNoNaN() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "zero", 2, 2.0);
        Fixtures.replace(exp, "scale: 0.002", "scale: 0");
        Fixtures.replace(exp, "outputs: [differences]", "outputs: [differences, report, charts, geojson]");
        Path out = run(exp);
        assertEquals(0.0, mean(out.resolve("summary.csv"), "hasu", "incidents_per_year"));
        assertEquals(0.0, mean(out.resolve("summary.csv"), "hasu", "deaths_total"));
        assertNoNaNText(out);
    }

    @Test
    void aClassWithNoPatientsRuns() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "nostroke", 2, 2.0, "    classes: {stroke: {per_year: 0}}");
        Fixtures.replace(exp, "outputs: [differences]", "outputs: [differences, report]");
        Path out = run(exp);
        assertEquals(0.0, mean(out.resolve("summary.csv"), "local", "strokes_per_year"));
        assertTrue(mean(out.resolve("summary.csv"), "local", "incidents_per_year") > 0, "other classes still arrive");
        assertNoNaNText(out);
    }

    @Test
    void oneReplicationHasEmptyIntervalsAndSaysSo() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "single", 1, 2.0);
        Fixtures.replace(exp, "outputs: [differences]", "outputs: [differences, report]");
        Path out = run(exp);
        for (String file : List.of("summary.csv", "differences.csv")) {
            List<String[]> rows = rows(out.resolve(file));
            assertFalse(rows.isEmpty(), file);
            int low = file.equals("summary.csv") ? 3 : 4;
            for (String[] r : rows) {
                assertEquals("", r[low], file + " interval must be empty with one replication: " + String.join(",", r));
                assertEquals("", r[low + 1], file + ": " + String.join(",", r));
            }
        }
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("no interval (1 replication)"), "the report says why there is no interval");
        assertNoNaNText(out);
    }

    @Test
    void aRunShorterThanItsWarmUpCountsOnlyAfterTheWarmUp() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "warm", 2, 1.0);
        Fixtures.replace(exp, "scale: 0.002", "scale: 0.01");
        Path warm = run(exp, "--days", "1", "--warmup-days", "7");
        assertNoNaNText(warm);
        // The same 8 simulated days, all counted: per-year rates must agree. Had the 7 warm-up days been
        // counted in the 1-day run, its rate would be about 8 times as high.
        Path exp8 = Fixtures.experiment(dir, "all", 2, 8.0);
        Fixtures.replace(exp8, "scale: 0.002", "scale: 0.01");
        Path all = run(exp8);
        double ratio = mean(warm.resolve("summary.csv"), "hasu", "incidents_per_year")
                / mean(all.resolve("summary.csv"), "hasu", "incidents_per_year");
        assertTrue(ratio > 0.5 && ratio < 2, "incidents per year after warm-up / over 8 days = " + ratio);
    }

    @Test
    void aYearWithNoDeathsRuns() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "nodeaths", 2, 2.0,
                "  outcome:",
                "    stroke:",
                "      baseline_mortality_90d: {ischaemic_under_80: 0, ischaemic_aged_80_plus: 0,",
                "                               haemorrhagic_under_80: 0, haemorrhagic_aged_80_plus: 0}",
                "    major_trauma: {baseline_mortality: {under_80: 0, aged_80_plus: 0}}",
                "    other_emergency:",
                "      baseline_mortality_30d: {medical: 0, surgical: 0, stroke_mimic: 0}");
        Fixtures.replace(exp, "outputs: [differences]", "outputs: [differences, report, charts]");
        Path out = run(exp);
        assertEquals(0.0, mean(out.resolve("summary.csv"), "hasu", "deaths_total"));
        assertTrue(mean(out.resolve("summary.csv"), "hasu", "incidents_per_year") > 0, "patients, but no deaths");
        assertNoNaNText(out);
    }
}
