package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.acuteflow.config.ExperimentLoader;

/**
 * Property: whatever experiment and network files are written (generated from the schema: every parameter of
 * the built-in defaults, every numeric column of the network tables and every configuration setting, set to
 * extreme, wrong-typed or ordinary values), {@code validate} and {@code run} end with exit 0 or 2 within a time
 * limit and never print a stack trace; and what {@code validate} accepts, {@code run} runs.
 *
 * <p>The default tier tries a few dozen inputs (a few seconds); the slow tier a thousand.
 */
class GeneratedInputsTest {
    /** Longest a validate or a one-day run of the tiny example may take before it counts as a hang. */
    private static final long LIMIT_SECONDS = 60;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "generated-input");
        t.setDaemon(true);
        return t;
    });

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    /** Values that break naive code: extremes, zero, negatives, wrong types, YAML's specials. */
    private static final List<String> EXTREMES = List.of("0", "-1", "1", "0.5", "2", "1e-300", "4.9e-324", "1e15",
            "1e308", "-1e308", "1.7976931348623157e308", "1e400", ".nan", ".inf", "-.inf", "2147483648",
            "9223372036854775807", "99999999999999999999999", "abc", "''", "[]", "{}", "null", "true",
            "[1e308, 1e308, 1, 1, 1, 1, 1]", "{type: lognormal, mu: 710, sigma: 1}",
            "{type: lognormal, mu: -700, sigma: 300}", "{type: triangular, min: 0, mode: 1, max: 1e308}",
            "{type: gamma, shape: 1e-300, scale: 1e300}", "{type: exponential, mean: 1e300}",
            "{type: empirical, values: [1, 1e308], weights: [1, 1e-300]}", "{type: fixed, value: 1e308}",
            "{type: empirical, values: [], weights: []}", "{type: weibull, scale: 1}");

    /** The numeric leaves of the built-in parameters (distributions as a whole and their parameters). */
    private static final List<String> PARAMETER_PATHS = parameterPaths();

    private static List<String> parameterPaths() {
        List<String> out = new ArrayList<>();
        collect(ExperimentLoader.defaults().tree(), "", out);
        out.remove("demand.scale"); // held small, so that every generated run is short
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            if (node.has("type") && !path.isEmpty()) {
                out.add(path);
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray() || node.isNumber()) {
            out.add(path);
        }
    }

    /** Network cells: file, column, and what is written there. */
    private record Cell(String file, String column, int row, String value) {
    }

    /** One generated input: parameter overrides, run settings, network cells and configuration lines. */
    record Input(Map<String, String> parameters, String days, String replications, String seed, List<Cell> cells,
                 List<String> configurationLines) {
    }

    private static final List<String[]> COLUMNS = List.of(
            new String[] {"stations.csv", "vehicles"}, new String[] {"sites.csv", "hasu_beds"},
            new String[] {"sites.csv", "stroke_unit_beds"}, new String[] {"sites.csv", "lat"},
            new String[] {"roads.csv", "minutes"}, new String[] {"roads.csv", "km"},
            new String[] {"zones.csv", "population"}, new String[] {"zones.csv", "stroke_admissions_per_year"},
            new String[] {"travel_matrix.csv", "minutes"});

    private static final List<String> CONFIGURATION_LINES = List.of("fleet: {scale: %s}",
            "fleet: {vehicles: {S1: %s, S2: %s}}", "beds: {A: {hasu: %s}}", "routing: {mtc_threshold_minutes: %s}",
            "extends: %s", "close_sites: [A, B, C, D]", "close_sites: %s");

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> extreme = Arbitraries.of(EXTREMES);
        Arbitrary<String> ordinary = Arbitraries.doubles().between(0, 10).map(d -> String.valueOf(Math.round(d * 100) / 100.0));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, extreme), net.jqwik.api.Tuple.of(1, ordinary));
        Arbitrary<Map<String, String>> parameters = Arbitraries.maps(Arbitraries.of(PARAMETER_PATHS), value)
                .ofMinSize(0).ofMaxSize(4);
        Arbitrary<String> days = Arbitraries.of("1", "0.5", "0", "-1", "1e308", ".nan", "1e-9", "2");
        Arbitrary<String> replications = Arbitraries.of("1", "2", "0", "-1", "2.5", "1e10", "abc");
        Arbitrary<String> seed = Arbitraries.of("1", "0", "-5", "9223372036854775807", "99999999999999999999", "x");
        Arbitrary<Cell> cell = Combinators.combine(Arbitraries.of(COLUMNS), Arbitraries.integers().between(0, 3),
                value).as((c, row, v) -> new Cell(c[0], c[1], row, v.startsWith("[") || v.startsWith("{") ? "x" : v));
        Arbitrary<String> configurationLine = Combinators.combine(Arbitraries.of(CONFIGURATION_LINES), value)
                .as((template, v) -> template.replace("%s", v));
        return Combinators.combine(parameters, days, replications, seed, cell.list().ofMaxSize(3),
                configurationLine.list().ofMaxSize(2)).as(Input::new);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.OFF, seed = "20261204")
    void generatedInputsExitZeroOrTwo(@ForAll("inputs") Input input) throws IOException {
        check(input);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    @Tag("slow")
    void manyMoreGeneratedInputsExitZeroOrTwo(@ForAll("inputs") Input input) throws IOException {
        check(input);
    }

    private static void check(Input input) throws IOException {
        Path dir = Files.createTempDirectory("generated-input");
        try {
            Path experiment = write(dir, input);
            Cli.Result validate = within("validate", input, () -> Cli.run("validate", experiment.toString()));
            accept("validate", input, validate);
            // A short run of what was generated; what validate accepted must run.
            Cli.Result run = within("run", input, () -> Cli.run("run", experiment.toString(), "--replications", "1",
                    "--days", "1", "--results", dir.resolve("results").toString(), "--quiet"));
            accept("run", input, run);
            if (validate.code() == 0 && run.code() != 0) {
                fail("validate accepted what run refused:\n" + input + "\n" + run);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Cli.Result within(String what, Input input, java.util.concurrent.Callable<Cli.Result> call) {
        Future<Cli.Result> f = RUNNER.submit(call);
        try {
            return f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + " did not end within " + LIMIT_SECONDS + " s on:\n" + input);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(what + " failed on:\n" + input, e);
        }
    }

    private static void accept(String what, Input input, Cli.Result r) {
        assertTrue(r.code() == 0 || r.code() == 2, what + " exited " + r.code() + " on:\n" + input + "\n" + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("[Fatal Error]"),
                what + " printed library internals on:\n" + input + "\n" + r);
    }

    /** The example network with the generated cells and configuration lines, and an experiment on it. */
    private static Path write(Path dir, Input input) throws IOException {
        Path net = Fixtures.exampleNetwork(dir);
        for (Cell c : input.cells()) {
            setCell(net.resolve(c.file()), c.column(), c.row(), c.value());
        }
        Path configuration = net.resolve("configurations/hasu.yaml");
        StringBuilder extra = new StringBuilder();
        for (String line : input.configurationLines()) {
            extra.append(line).append('\n');
        }
        Files.writeString(configuration, Files.readString(configuration) + extra);
        Map<String, Object> nested = new TreeMap<>();
        input.parameters().forEach((path, v) -> put(nested, path.split("\\."), v));
        // Few patients whatever else is set: a replication of the example takes a fraction of a second.
        put(nested, new String[] {"demand", "scale"}, "0.002");
        String parameters = "parameters: " + flow(nested);
        Path file = dir.resolve("generated.yaml");
        Files.writeString(file, String.join("\n",
                "name: generated",
                "network: net",
                "run: {days: " + input.days() + ", warmup_days: 0, replications: " + input.replications()
                        + ", seed: " + input.seed() + "}",
                "outputs: [differences]",
                "scenarios:",
                "  - {name: hasu, configuration: hasu}",
                "  - {name: local, configuration: local}",
                parameters, ""));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String[] path, String value) {
        Map<String, Object> m = map;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = m.get(path[i]);
            if (!(child instanceof Map)) {
                child = new TreeMap<String, Object>();
                m.put(path[i], child);
            }
            m = (Map<String, Object>) child;
        }
        m.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static String flow(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<String, Object> e : map.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ");
            sb.append(e.getValue() instanceof Map ? flow((Map<String, Object>) e.getValue()) : e.getValue());
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    private static void setCell(Path csv, String column, int row, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
                header = i;
                break;
            }
        }
        List<String> columns = List.of(lines.get(header).split(",", -1));
        int c = columns.indexOf(column);
        int target = header + 1 + row;
        if (c < 0 || target >= lines.size()) {
            return;
        }
        String[] cells = lines.get(target).split(",", -1);
        if (c < cells.length) {
            cells[c] = value;
            lines.set(target, String.join(",", cells));
            Files.write(csv, lines);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
