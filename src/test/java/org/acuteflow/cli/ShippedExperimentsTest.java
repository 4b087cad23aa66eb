package org.acuteflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The experiments shipped in experiments/ validate, run in reduced form, and the closure sweep's ranking is stable. */
class ShippedExperimentsTest {
    @TempDir
    Path dir;

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("experiments"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** The shipped experiments (location problems, also in experiments/, run with 'optimise' instead). */
    static Stream<Path> experiments() throws IOException {
        return shipped().filter(p -> !org.acuteflow.optimise.ProblemLoader.isProblemFile(p));
    }

    @Test
    void thereAreTheFourWorkflowsAndTheHeadline() throws IOException {
        List<String> names = shipped().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("london-stroke-2010.yaml", "london-trauma-2010.yaml",
                "weekend-cover.yaml", "closure-sweep.yaml")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void validates(Path file) {
        MainTest.Outcome o = MainTest.run("validate", file.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("valid"), o.out());
    }

    @ParameterizedTest
    @MethodSource("experiments")
    @Tag("slow")
    void aReducedRunCompletes(Path file) throws IOException {
        Path out = dir.resolve("out");
        MainTest.Outcome o = MainTest.run("run", file.toString(), "--replications", "2", "--days", "3",
                "--warmup-days", "1", "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("scenario,metric,mean,ci95_low,ci95_high,replications", summary.get(0));
        assertTrue(summary.stream().anyMatch(l -> l.contains(",deaths_total,")), "deaths reported");
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    /** The heart attack experiment, reduced: direct conveyance to the centres beats the nearest A&E and a transfer. */
    @Test
    @Tag("slow")
    void heartAttacksReachTheBalloonSoonerStraightToACentre() throws IOException {
        Path out = dir.resolve("heart");
        MainTest.Outcome o = MainTest.run("run", "experiments/london-heart-attack.yaml", "--replications", "2",
                "--days", "7", "--warmup-days", "1", "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        Map<String, Double> mean = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = splitCsv(line);
            if (f.get(2).isEmpty()) {
                continue; // a metric no replication defined (e.g. boarding at a site nobody boarded): empty, by design
            }
            mean.put(f.get(0) + "/" + f.get(1), Double.parseDouble(f.get(2)));
        }
        assertTrue(mean.get("direct-to-centre/stemi_patients_per_year") > 1000, mean.toString());
        assertTrue(mean.get("direct-to-centre/stemi_share_direct_to_pci")
                > mean.get("nearest-ae-and-transfer/stemi_share_direct_to_pci"));
        assertTrue(mean.get("direct-to-centre/stemi_call_to_balloon_minutes_median")
                < mean.get("nearest-ae-and-transfer/stemi_call_to_balloon_minutes_median"));
        assertEquals(0, mean.get("direct-cath-lab-24x7/stemi_share_cath_lab_on_call"), 0);
    }

    /** Closure scenario -> {mean, low, high} of extra deaths per year, from ranking.csv. */
    private Map<String, double[]> ranking(long seed) throws IOException {
        Path out = dir.resolve("sweep-" + seed);
        MainTest.Outcome o = MainTest.run("run", "experiments/closure-sweep.yaml", "--replications", "3",
                "--days", "14", "--warmup-days", "2", "--seed", Long.toString(seed), "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        Map<String, double[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("ranking.csv"));
        assertTrue(lines.get(0).startsWith("rank,scenario,description,extra_deaths_per_year,extra_deaths_ci95_low,"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = splitCsv(line);
            rows.put(f.get(1), new double[] {Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
                    Double.parseDouble(f.get(5))});
        }
        return rows;
    }

    @Test
    @Tag("slow")
    void closureRankingIsStableUnderSeedChangesForClearlyDifferentSites() throws IOException {
        Map<String, double[]> first = ranking(101);
        Map<String, double[]> second = ranking(202);
        assertEquals(31, first.size(), "one closure per London A&E");
        List<String> names = new ArrayList<>(first.keySet());
        int clearPairs = 0;
        for (String a : names) {
            for (String b : names) {
                // Clearly different under the first seed: a's whole interval above b's.
                if (first.get(a)[1] > first.get(b)[2]) {
                    clearPairs++;
                    assertTrue(second.get(a)[0] > second.get(b)[0],
                            a + " ranked above " + b + " with seed 101 but not with seed 202");
                }
            }
        }
        assertTrue(clearPairs >= 50, "too few clearly different pairs to test stability: " + clearPairs);
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
