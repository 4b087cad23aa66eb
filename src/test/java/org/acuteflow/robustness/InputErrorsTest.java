package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, through the command line: exit code 2, a message naming the file, the line and the
 * field, and never a stack trace. Each case mutates a copy of the example network or a small experiment on it.
 */
class InputErrorsTest {
    @TempDir
    Path dir;

    /** Changes the copies in {@code dir} (experiment {@code dir/exp.yaml}, network {@code dir/net}). */
    interface Mutation {
        void apply(Path dir) throws IOException;
    }

    /**
     * @param file  the name of the file the message must name
     * @param line  the line it must name
     * @param field the field it must name, or null for problems of a whole file (syntax, emptiness)
     */
    record Case(String kind, Mutation mutation, String file, int line, String field, boolean network) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Case exp(String kind, Mutation m, int line, String field) {
        return new Case(kind, m, "exp.yaml", line, field, false);
    }

    static Case net(String kind, Mutation m, String file, int line, String field) {
        return new Case(kind, m, file, line, field, true);
    }

    /** Appends lines after the experiment's {@code parameters: demand: scale:} block (line {@link Fixtures#EXTRA_LINE}). */
    static Mutation extra(String... lines) {
        return d -> Files.writeString(d.resolve("exp.yaml"), String.join("\n", lines) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    static Mutation replace(String file, String from, String to) {
        return d -> Fixtures.replace(d.resolve(file), from, to);
    }

    static Stream<Case> cases() {
        int x = Fixtures.EXTRA_LINE;
        return Stream.of(
                // ---- the experiment file
                exp("malformed YAML", replace("exp.yaml", "  days: 1.0", "  days: [1, 2"), 5, null),
                exp("empty file", d -> Files.writeString(d.resolve("exp.yaml"), ""), 1, null),
                exp("wrong type", replace("exp.yaml", "  days: 1.0", "  days: seven"), 4, "run.days"),
                exp("fraction for a whole number", replace("exp.yaml", "  replications: 1", "  replications: 2.5"), 6,
                        "run.replications"),
                exp("unknown key", replace("exp.yaml", "  seed: 20240901", "  seed: 20240901\n  speed: 3"), 8, "run.speed"),
                exp("unknown configuration id", replace("exp.yaml", "configuration: local", "configuration: locl"), 13,
                        "scenarios[1].configuration"),
                exp("duplicate scenario name", replace("exp.yaml", "  - name: local", "  - name: hasu"), 12,
                        "scenarios[1].name"),
                exp("unknown site id in a closure", replace("exp.yaml", "configuration: local",
                        "configuration: local\n    close_sites: [Q]"), 14, "scenarios[1].close_sites[0]"),
                exp("closure that closes every HASU", replace("exp.yaml", "configuration: hasu",
                        "configuration: hasu\n    close_sites: [A, D]"), 12, "scenarios[0].close_sites"),
                exp("missing network folder", replace("exp.yaml", "network: net", "network: nowhere"), 2, "network"),
                exp("missing parameter file", replace("exp.yaml", "outputs: [differences]",
                        "outputs: [differences]\nparameter_files: [absent.yaml]"), 9, "parameter_files[0]"),
                exp("negative rate", extra("    classes: {stroke: {per_year: -3}}"), x,
                        "parameters.demand.classes.stroke.per_year"),
                exp("NaN rate", extra("    classes: {major_trauma: {per_year: .nan}}"), x,
                        "parameters.demand.classes.major_trauma.per_year"),
                exp("infinite scale", replace("exp.yaml", "scale: 0.002", "scale: .inf"), 16, "parameters.demand.scale"),
                exp("negative duration", extra("  hospital: {ed_stay_minutes: -5}"), x,
                        "parameters.hospital.ed_stay_minutes"),
                exp("NaN in a distribution", extra("  ems: {handover_minutes: {type: lognormal, median: .nan, sigma: 0.5}}"),
                        x, "parameters.ems.handover_minutes.median"),
                exp("probability above 1", extra("    stroke: {ischaemic_share: 1.5}"), x,
                        "parameters.demand.stroke.ischaemic_share"),
                exp("probability below 0", extra("    classes: {stroke: {self_present_share: -0.2}}"), x,
                        "parameters.demand.classes.stroke.self_present_share"),
                exp("profile with the wrong number of cells", extra("    profiles: {stroke_onset: {day_of_week: [1, 1, 1]}}"),
                        x, "parameters.demand.profiles.stroke_onset.day_of_week"),
                exp("wrong type in parameters", extra("  ems: {fleet_scale: lots}"), x, "parameters.ems.fleet_scale"),
                exp("unknown parameter key", extra("  ems: {fleet_scal: 1}"), x, "parameters.ems.fleet_scal"),
                exp("unknown parameter section", extra("  hospitals: {ed_stay_minutes: 10}"), x, "parameters.hospitals"),
                new Case("error in a parameter file", d -> {
                    Fixtures.replace(d.resolve("exp.yaml"), "outputs: [differences]",
                            "outputs: [differences]\nparameter_files: [more.yaml]");
                    Files.writeString(d.resolve("more.yaml"), "# shared settings\ndemand:\n  stroke:\n    ischaemic_share: 2\n");
                }, "more.yaml", 4, "parameters.demand.stroke.ischaemic_share", false),
                // ---- the network
                net("CSV text for a number", replace("net/zones.csv", "0.020,1500,", "0.020,abc,"), "zones.csv", 4,
                        "population"),
                net("unknown id in roads", replace("net/roads.csv", "Z2,Z3,", "Z2,Z9,"), "roads.csv", 3, "to"),
                net("duplicate id", replace("net/sites.csv", "B,Riverside", "A,Riverside"), "sites.csv", 3, "id"),
                net("negative road minutes", replace("net/roads.csv", "Z2,Z3,4,", "Z2,Z3,-4,"), "roads.csv", 3, "minutes"),
                net("NaN in a CSV", replace("net/roads.csv", "Z2,Z3,4,", "Z2,Z3,NaN,"), "roads.csv", 3, "minutes"),
                net("negative beds", replace("net/sites.csv", ",10,30,invented", ",-3,30,invented"), "sites.csv", 2,
                        "hasu_beds"),
                net("row with a missing cell", replace("net/roads.csv", "Z3,B,3,2", "Z3,B,3"), "roads.csv", 7, "km"),
                net("unknown column", replace("net/roads.csv", "from,to,minutes,km", "from,to,minutes,kms"), "roads.csv",
                        1, "kms"),
                net("empty network", d -> Files.writeString(d.resolve("net/zones.csv"),
                        "id,name,area,lat,lon,population,population_65plus,stroke_admissions_per_year\n"), "zones.csv", 1,
                        null),
                // Z5 and site C cut off: Z5 cannot reach the HASUs (A, D); connectivity is checked first and names it.
                net("disconnected road graph / zone that cannot reach a HASU", d -> {
                    Fixtures.replace(d.resolve("net/roads.csv"), "Z4,Z5,3,2\n", "");
                }, "zones.csv", 6, "id"),
                net("configuration that closes every HASU", d -> Files.writeString(
                        d.resolve("net/configurations/hasu.yaml"), "close_sites: [A, D]\n",
                        java.nio.file.StandardOpenOption.APPEND), "hasu.yaml", 3, "routing.stroke"),
                net("configuration naming an unknown site", d -> Files.writeString(
                        d.resolve("net/configurations/hasu.yaml"), "close_sites: [Q]\n",
                        java.nio.file.StandardOpenOption.APPEND), "hasu.yaml", 11, "close_sites[0]"),
                net("missing network file", d -> Files.delete(d.resolve("net/stations.csv")), "network.yaml", 8,
                        "files.stations"),
                net("bad value in network.yaml", replace("net/network.yaml", "blue_light_factor: 0.5",
                        "blue_light_factor: -1"), "network.yaml", 15, "travel.blue_light_factor"),
                net("malformed network.yaml", replace("net/network.yaml", "  graph_times: edge_minutes",
                        "  graph_times: [edge_minutes"), "network.yaml", 13, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsTwoNamingFileLineAndField(Case c) throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "exp", 1, 1.0);
        c.mutation().apply(dir);
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"validate", exp.toString()});
        commands.add(new String[] {"run", exp.toString(), "--results", dir.resolve("results").toString(), "--quiet"});
        if (c.network()) {
            commands.add(new String[] {"network", "check", dir.resolve("net").toString()});
        }
        for (String[] args : commands) {
            String context = c.kind() + " / " + args[0];
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.code(), context + "\n" + r);
            r.assertNoStackTrace(context);
            assertLocated(r.err(), c, context);
        }
        // Bad input found before simulating leaves no results folder, complete or partial.
        assertFalse(Files.exists(dir.resolve("results/exp")) && hasEntries(dir.resolve("results/exp")),
                c.kind() + ": results folder left behind");
    }

    /** Some "error:" line names the file and line (and field), e.g. {@code .../roads.csv:3: field 'to': ...}. */
    private static void assertLocated(String err, Case c, String context) {
        Pattern p = Pattern.compile("^error: (.*)" + Pattern.quote(c.file()) + ":(\\d+)(:\\d+)?: (field '([^']*)': )?(.*)$",
                Pattern.MULTILINE);
        Matcher m = p.matcher(err);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            boolean lineOk = Integer.parseInt(m.group(2)) == c.line();
            boolean fieldOk = c.field() == null || c.field().equals(m.group(5));
            if (lineOk && fieldOk) {
                assertFalse(m.group(6).isBlank(), context + ": message says what is wrong");
                return;
            }
            seen.add(m.group());
        }
        throw new AssertionError(context + ": expected an error at " + c.file() + ":" + c.line()
                + (c.field() == null ? "" : " field '" + c.field() + "'") + "; got:\n" + err);
    }

    private static boolean hasEntries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isPresent();
        }
    }

    @Test
    void validateReportsEveryProblemOfAFileAtOnce() throws IOException {
        Fixtures.exampleNetwork(dir);
        Path exp = Fixtures.experiment(dir, "exp", 1, 1.0,
                "    stroke: {ischaemic_share: 1.5}",
                "    classes: {stroke: {per_year: -3}}",
                "  ems:",
                "    handover_minutes: {type: fixed, value: -3}",
                "    on_scene_minutes: {stroke: {type: exponential, mean: 0}}",
                "  hospital: {ed_stay_minutes: -5}");
        Cli.Result r = Cli.run("validate", exp.toString());
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("validate");
        for (String field : List.of("parameters.demand.stroke.ischaemic_share", "parameters.demand.classes.stroke.per_year",
                "parameters.ems.handover_minutes", "parameters.ems.on_scene_minutes.stroke",
                "parameters.hospital.ed_stay_minutes")) {
            assertTrue(r.err().contains("field '" + field + "'"), field + " missing from\n" + r.err());
        }
        // Both scenarios share these parameters: each problem is listed once, not once per scenario.
        long lines = r.err().lines().filter(l -> l.startsWith("error: ")).count();
        assertEquals(r.err().lines().filter(l -> l.startsWith("error: ")).distinct().count(), lines, r.err());
    }

    @Test
    void everyNetworkProblemIsReportedAtOnce() throws IOException {
        Path net = Fixtures.exampleNetwork(dir);
        Fixtures.replace(net.resolve("zones.csv"), "0.020,1500,", "0.020,abc,");
        Fixtures.replace(net.resolve("roads.csv"), "Z2,Z3,4,", "Z2,Z9,-4,");
        Fixtures.replace(net.resolve("sites.csv"), "B,Riverside", "A,Riverside");
        Cli.Result r = Cli.run("network", "check", net.toString());
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("network check");
        for (String where : List.of("zones.csv:4: field 'population'", "roads.csv:3: field 'to'",
                "roads.csv:3: field 'minutes'", "sites.csv:3: field 'id'")) {
            assertTrue(r.err().contains(where), where + " missing from\n" + r.err());
        }
    }
}
