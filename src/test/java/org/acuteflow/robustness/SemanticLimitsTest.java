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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code validate} accepts runs: every input that would make a simulation infinite, endless, silently
 * wrong or out of memory is refused when it is read, by {@code validate} and {@code run} alike, with exit 2, the
 * file and line, and no library internals.
 */
class SemanticLimitsTest {
    @TempDir
    Path dir;

    /** Changes the copied network or writes extra lines; returns the experiment file to check. */
    interface Setup {
        Path apply(Path dir) throws IOException;
    }

    private static Setup params(String... lines) {
        return d -> {
            Fixtures.exampleNetwork(d);
            return Fixtures.experiment(d, "exp", 1, 1.0, lines);
        };
    }

    private static Setup network(String file, String from, String to) {
        return d -> {
            Path net = Fixtures.exampleNetwork(d);
            Fixtures.replace(net.resolve(file), from, to);
            return Fixtures.experiment(d, "exp", 1, 1.0);
        };
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // No vehicle anywhere: the calls would vanish, so the scenario is refused.
                Arguments.of("fleet_scale 0", params("  ems:", "    fleet_scale: 0"),
                        List.of("exp.yaml:18", "field 'parameters.ems.fleet_scale'", "has no ambulance")),
                Arguments.of("configuration fleet scale 0", network("configurations/hasu.yaml", "routing:",
                        "fleet: {scale: 0}\nrouting:"), List.of("exp.yaml:11", "field 'scenarios[0].configuration'",
                        "has no ambulance")),
                Arguments.of("stations with 0 vehicles", (Setup) d -> {
                    Path net = Fixtures.exampleNetwork(d);
                    Fixtures.replace(net.resolve("stations.csv"), ",4,Z2", ",0,Z2");
                    Fixtures.replace(net.resolve("stations.csv"), ",2,Z5", ",0,Z5");
                    return Fixtures.experiment(d, "exp", 1, 1.0);
                }, List.of("stations with 0 vehicles", "has no ambulance")),
                Arguments.of("empty stations file", (Setup) d -> {
                    Path net = Fixtures.exampleNetwork(d);
                    Files.writeString(net.resolve("stations.csv"), "id,name,lat,lon,vehicles\n");
                    Files.writeString(net.resolve("roads.csv"), Files.readString(net.resolve("roads.csv"))
                            .replaceAll("(?m)^.*S[12].*\n", ""));
                    return Fixtures.experiment(d, "exp", 1, 1.0);
                }, List.of("no ambulance stations")),
                // Counts within memory.
                Arguments.of("2e9 vehicles", network("stations.csv", ",4,Z2", ",2000000000,Z2"),
                        List.of("stations.csv:2", "field 'vehicles'", "from 0 to 10000")),
                // Weights whose sum overflows would make the arrival thinning loop for ever.
                Arguments.of("overflowing weekly weights", params("    profiles:", "      stroke: {hour_of_day: "
                        + "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1], day_of_week: [1e308, 1e308, 1, 1, 1, 1, 1]}"),
                        List.of("exp.yaml:18", "day_of_week[0]", "between 0 and 1000000")),
                // Durations: the 99.9% quantile and the far tail are bounded.
                Arguments.of("lognormal mu 710", params("  hospital:", "    ed_stay_minutes: {type: lognormal, mu: 710, sigma: 1}"),
                        List.of("exp.yaml:18", "ed_stay_minutes", "'mu'")),
                Arguments.of("mean near 1e308", params("  hospital:", "    ed_stay_minutes: {type: exponential, mean: 1e307}"),
                        List.of("exp.yaml:18", "99.9% quantile")),
                Arguments.of("triangular max 1e308", params("  hospital:",
                        "    ed_stay_minutes: {type: triangular, min: 0, mode: 1, max: 1e308}"), List.of("exp.yaml:18",
                        "ed_stay_minutes")),
                Arguments.of("a wide lognormal tail", params("  hospital:",
                        "    ed_stay_minutes: {type: lognormal, median: 60, sigma: 2.2}"), List.of("ten years")),
                Arguments.of("fixed delay of 1e308", params("  hospital:", "    stroke:", "      unrecognised_stroke_delay_minutes: 1e308"),
                        List.of("exp.yaml:19", "unrecognised_stroke_delay_minutes")),
                Arguments.of("gamma shape 1e-300", params("  ems:", "    handover_minutes: {type: gamma, shape: 1e-300, scale: 1}"),
                        List.of("exp.yaml:18", "'shape'")),
                Arguments.of("road of 1e300 minutes", network("roads.csv", "Z1,Z2,5,", "Z1,Z2,1e300,"),
                        List.of("roads.csv:2", "between 0 and")),
                // Files that are not files, or too big, each with its own message; no content quoted.
                Arguments.of("zones from /dev/zero", network("network.yaml", "zones: zones.csv", "zones: /dev/zero"),
                        List.of("/dev/zero", "not a regular file")),
                Arguments.of("zones file is a folder", (Setup) d -> {
                    Path net = Fixtures.exampleNetwork(d);
                    Files.delete(net.resolve("zones.csv"));
                    Files.createDirectory(net.resolve("zones.csv"));
                    return Fixtures.experiment(d, "exp", 1, 1.0);
                }, List.of("zones.csv", "is a folder")),
                Arguments.of("network folder is a file", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Files.writeString(d.resolve("afile"), "x");
                    Fixtures.replace(exp, "network: net", "network: afile");
                    return exp;
                }, List.of("is a file, not a folder")),
                Arguments.of("an 8 MB string", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    return Fixtures.experiment(d, "exp", 1, 1.0, "description: " + "x".repeat(8 << 20));
                }, List.of("exp.yaml", "may be at most 4 MB")),
                Arguments.of("a 100,000-character value", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    return Fixtures.experiment(d, "exp", 1, 1.0, "description: " + "x".repeat(100_000));
                }, List.of("exp.yaml:17", "at most 10000")),
                Arguments.of("a chain of 2000 configurations", (Setup) d -> {
                    Path net = Fixtures.exampleNetwork(d);
                    for (int i = 0; i < 2000; i++) {
                        Files.writeString(net.resolve("configurations/c" + i + ".yaml"),
                                "extends: " + (i == 0 ? "hasu" : "c" + (i - 1)) + "\n");
                    }
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Fixtures.replace(exp, "configuration: local", "configuration: c1999");
                    return exp;
                }, List.of("more than 32 configurations")),
                // Messages in the project's own words.
                Arguments.of("not UTF-8", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Files.write(exp, (Files.readString(exp) + "description: caf\u00e9\n").getBytes(
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                    return exp;
                }, List.of("exp.yaml:17", "not UTF-8 text at line 17")),
                Arguments.of("missing seed", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Fixtures.replace(exp, "  seed: 20240901\n", "");
                    return exp;
                }, List.of("exp.yaml:3", "field 'run'", "missing required key 'seed'")),
                Arguments.of("a scalar for a list", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Fixtures.replace(exp, "outputs: [differences]", "outputs: differences");
                    return exp;
                }, List.of("exp.yaml:8", "expected a list, got 'differences'")),
                Arguments.of("a 300-character name", (Setup) d -> {
                    Fixtures.exampleNetwork(d);
                    Path exp = Fixtures.experiment(d, "exp", 1, 1.0);
                    Fixtures.replace(exp, "name: exp", "name: " + "n".repeat(300));
                    return exp;
                }, List.of("exp.yaml:1", "at most 100")),
                Arguments.of("a misspelt site id", network("configurations/local.yaml", "routing:",
                        "close_sites: [Aa]\nrouting:"), List.of("unknown site 'Aa'", "did you mean A (Northern General)")),
                Arguments.of("a misspelt key", params("  ems:", "    fleet_scal: 1"),
                        List.of("exp.yaml:18", "did you mean 'fleet_scale'?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWhenReadByValidateAndRun(String name, Setup setup, List<String> mentions) throws IOException {
        Path exp = setup.apply(dir);
        Cli.Result v = Cli.run("validate", exp.toString());
        Cli.Result r = Cli.run("run", exp.toString(), "--quiet", "--results", dir.resolve("results").toString());
        for (Cli.Result result : List.of(v, r)) {
            assertEquals(2, result.code(), name + ": " + result);
            result.assertNoStackTrace(name);
            assertFalse(result.err().contains("Exception") || result.err().contains("jackson")
                    || result.err().contains("[Fatal Error]"), name + ": library internals:\n" + result.err());
            for (String m : mentions) {
                assertTrue(result.err().contains(m), name + ": expected '" + m + "' in:\n" + result.err());
            }
        }
        assertFalse(Files.exists(dir.resolve("results").resolve("exp")) && hasFiles(dir.resolve("results")),
                name + ": a results folder was left behind");
    }

    private static boolean hasFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }

    @Test
    void aZonesFilePointingAtAnotherFileDoesNotPrintItsContent() throws IOException {
        Path net = Fixtures.exampleNetwork(dir);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "password=hunter2,token=abc\nmore secrets\n");
        Fixtures.replace(net.resolve("network.yaml"), "zones: zones.csv", "zones: " + secret);
        Path exp = Fixtures.experiment(dir, "exp", 1, 1.0);
        Cli.Result v = Cli.run("validate", exp.toString());
        assertEquals(2, v.code(), v.toString());
        assertTrue(v.err().contains("secret.txt:1: is not a table of this kind"), v.err());
        assertFalse(v.err().contains("hunter2") || v.err().contains("password"), v.err());
    }

    @Test
    void aYamlAliasStandsForItsAnchorsValue() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "exp", 1, 1.0);
        Fixtures.replace(exp, "configuration: hasu", "configuration: &first hasu");
        Fixtures.replace(exp, "configuration: local", "configuration: *first");
        Cli.Result v = Cli.run("validate", exp.toString());
        assertEquals(0, v.code(), v.toString());
        // Both scenarios now use the hasu configuration: the same patients and network, so identical results.
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", exp.toString(), "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> rows = Files.readAllLines(out.resolve("replications.csv"));
        String hasu = String.join("\n", rows.stream().filter(l -> l.startsWith("hasu,")).map(l -> l.substring(5)).toList());
        String local = String.join("\n", rows.stream().filter(l -> l.startsWith("local,")).map(l -> l.substring(6)).toList());
        assertFalse(hasu.isEmpty());
        assertEquals(hasu, local, "the alias ran another configuration");
        // An alias with no anchor is an error at its line.
        Fixtures.replace(exp, "*first", "*nowhere");
        Cli.Result bad = Cli.run("validate", exp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("alias '*nowhere' names no anchor"), bad.err());
    }

    @Test
    void aTypeErrorDoesNotHideTheRangeErrorsOfItsSection() throws IOException {
        Path exp = params("  ems:", "    fleet_scale: abc", "    response_travel_factor: 50",
                "    road_km_per_base_minute: -1").apply(dir);
        Cli.Result v = Cli.run("validate", exp.toString());
        assertEquals(2, v.code());
        assertTrue(v.err().contains("exp.yaml:18:5: field 'parameters.ems.fleet_scale': expected a number, got 'abc'"),
                v.err());
        assertTrue(v.err().contains("exp.yaml:19:5: field 'parameters.ems.response_travel_factor': must be between"),
                v.err());
        assertTrue(v.err().contains("exp.yaml:20:5: field 'parameters.ems.road_km_per_base_minute'"), v.err());
    }
}
