package org.acuteflow.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.cli.Main;
import org.acuteflow.network.NetworkLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acuteflow optimise} end to end on the example network: outputs, bad input and infeasibility. */
class OptimiseCommandTest {
    private static final Path EXAMPLE = Path.of("networks/example").toAbsolutePath();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path problem(String constraints, String extra) throws IOException {
        Files.writeString(dir.resolve("areas.csv"), "# test areas\nname,net\nNorthside,north\nSouthside,south\n");
        String text = "name: example-hasu\n"
                + "network: " + EXAMPLE + "\n"
                + "base_configuration: hasu\n"
                + "service: hasu\n"
                + "companion_services: [thrombolysis]\n"
                + "candidates: [A, B, C, D]\n"
                + "k: {min: 1, max: 3}\n"
                + "objective: {type: p_median, weight: stroke_admissions}\n"
                + constraints
                + "pool: 3\n"
                + "compare: {today: [A, D]}\n"
                + "selection: {k: 2, metric: stroke_deaths_90d, indifference: 1, probability: 0.9, first_stage: 3,\n"
                + "            max_replications: 6, days: 2, warmup_days: 0.5, seed: 7}\n"
                + extra;
        Path file = dir.resolve("problem.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void solvesSelectsAndWritesEveryOutput() throws IOException {
        Path out = dir.resolve("result");
        Run r = run("optimise", problem("", "").toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toAbsolutePath().normalize().toString(), r.out().trim());
        for (String f : List.of("layouts.csv", "objective_by_k.csv", "objective-by-k.png", "objective-by-k.svg",
                "map.png", "map.svg", "report.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> layouts = Files.readAllLines(out.resolve("layouts.csv"));
        assertEquals(1 + 3 + 1, layouts.size(), "header, three pool layouts, one comparison");
        assertEquals(1, layouts.stream().filter(l -> l.contains(",true,")).filter(l -> l.split(",")[12].equals("true"))
                .count(), "exactly one selected layout");
        // The pool's first layout is the exhaustive optimum over all pairs of the four sites.
        LocationProblem p = ProblemLoader.load(dir.resolve("problem.yaml"));
        InstanceBuilder b = new InstanceBuilder(p, NetworkLoader.load(p.networkDir(), "hasu"));
        LocationInstance z = b.zoneInstance(2);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                boolean[] open = new boolean[z.sites()];
                open[i] = true;
                open[j] = true;
                best = Math.min(best, z.evaluate(open));
            }
        }
        double reported = Double.parseDouble(layouts.get(1).split(",")[5]);
        assertEquals(best / z.totalWeight(), reported, 1e-3);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("**Selected: layout-"), report);
        assertTrue(report.contains("**today**"), report);
        // Never overwritten.
        Run again = run("optimise", dir.resolve("problem.yaml").toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void unreachableZoneNamesTheMaximumTimeConstraint() throws IOException {
        Run r = run("optimise", problem("constraints: {max_minutes: 0.5}\n", "").toString(), "--out",
                dir.resolve("x").toString(), "--quiet", "--no-simulation");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("problem.yaml:") && r.err().contains("constraints.max_minutes")
                && r.err().contains("infeasible"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void sitesJoinTheNetworkOfTheAreaTheyLieIn() throws IOException {
        // Hand-computed on the example network: A lies 0.6 km from Z1's centroid (Northside); B 0.8 km from Z3's,
        // C 0.9 km from Z5's and D 0.9 km from Z4's (all Southside), each within the 2 km match.
        Path file = problem("constraints:\n  per_provider_network: {file: areas.csv, column: net, min: 1}\n", "");
        LocationProblem p = ProblemLoader.load(file);
        InstanceBuilder b = new InstanceBuilder(p, NetworkLoader.load(p.networkDir(), "hasu"));
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("A", "north");
        expected.put("B", "south");
        expected.put("C", "south");
        expected.put("D", "south");
        assertEquals(expected, b.siteNetworks());
    }

    @Test
    void infeasibleProviderNetworkMinimumIsNamed() throws IOException {
        Run r = run("optimise", problem("constraints:\n  per_provider_network: {file: areas.csv, column: net, min: 2}\n",
                "").toString(), "--out", dir.resolve("x").toString(), "--quiet", "--no-simulation");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("constraints.per_provider_network"), r.err());
        assertTrue(r.err().contains("no layout of 2 units"), r.err());
    }

    @Test
    void badFieldsAreReportedWithLines() throws IOException {
        Path file = problem("constraints: {max_minutes: fast, capacity: {default_beds: 10, length_of_stay_days: 3, "
                + "occupancy: 0.9, colour: red}}\n", "");
        String text = Files.readString(file).replace("weight: stroke_admissions", "weight: strokes")
                .replace("candidates: [A, B, C, D]", "candidates: [A, B, C, Q]");
        Files.writeString(file, text);
        Run r = run("optimise", file.toString(), "--quiet", "--results", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("problem.yaml:") && r.err().contains("colour"), r.err());
        Files.writeString(file, text.replace(", colour: red", ""));
        r = run("optimise", file.toString(), "--quiet", "--results", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("problem.yaml:6") && r.err().contains("candidates[3]")
                && r.err().contains("unknown site 'Q'"), r.err());
        assertTrue(r.err().contains("objective.weight"), r.err());
        assertTrue(r.err().contains("constraints.max_minutes"), r.err());
    }
}
