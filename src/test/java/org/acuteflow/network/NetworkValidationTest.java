package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.cli.Main;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.testing.ExampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad network input is reported with its file, line and field, all problems at once. */
class NetworkValidationTest {
    @TempDir
    Path tmp;

    /** A fresh copy of the example network in its own folder (so the base cache sees new files). */
    private Path copy() throws IOException {
        return copyExample(tmp);
    }

    /** A fresh copy of the example network in a new folder under {@code parent}. */
    static Path copyExample(Path parent) {
        return ExampleFiles.copyExampleNetworkToNewFolder(parent);
    }

    /** Replaces line {@code line} (1-based) of {@code file}. */
    private static void setLine(Path file, int line, String text) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, text);
        Files.write(file, lines);
    }

    private static List<InputProblem> problems(Path dir, String... configurations) {
        InputException e = assertThrows(InputException.class, () -> NetworkCheck.check(dir, List.of(configurations)));
        return e.problems();
    }

    private static InputProblem find(List<InputProblem> ps, String fileName, int line, String field) {
        return ps.stream().filter(p -> p.file().endsWith(fileName) && p.line() == line
                        && (field == null || field.equals(p.field())))
                .findFirst().orElseThrow(() -> new AssertionError("no problem at " + fileName + ":" + line + " " + field
                        + " in " + ps));
    }

    @Test
    void unknownIdInRoadsIsReportedAtItsLine() throws IOException {
        Path dir = copy();
        setLine(dir.resolve("roads.csv"), 4, "Z3,Z9,6,5");
        InputProblem p = find(problems(dir), "roads.csv", 4, "to");
        assertTrue(p.message().contains("unknown id 'Z9'"), p.message());
    }

    @Test
    void duplicateIdsAcrossTablesAreReported() throws IOException {
        Path dir = copy();
        setLine(dir.resolve("sites.csv"), 5, "Z2,Southern Infirmary,49.965,0.040,1,1,1,1,0,0,1,8,16,invented");
        InputProblem p = find(problems(dir), "sites.csv", 5, "id");
        assertTrue(p.message().contains("duplicate id 'Z2'") && p.message().contains("zones.csv:3"), p.message());
    }

    @Test
    void impossibleCoordinatesAreReported() throws IOException {
        Path dir = copy();
        setLine(dir.resolve("zones.csv"), 4, "Z3,Riverside,Southside,95.0,0.020,1500,250,1.8");
        setLine(dir.resolve("stations.csv"), 3, "S2,Harbour station,0,0,2,Z5,invented");
        List<InputProblem> ps = problems(dir);
        assertTrue(find(ps, "zones.csv", 4, "lat").message().contains("impossible coordinates"));
        assertTrue(find(ps, "stations.csv", 3, "lat").message().contains("missing value"));
    }

    @Test
    void negativeAndNanTimesAreReported() throws IOException {
        Path dir = copy();
        setLine(dir.resolve("roads.csv"), 2, "Z1,Z2,-5,4");
        setLine(dir.resolve("roads.csv"), 3, "Z2,Z3,NaN,3");
        setLine(dir.resolve("travel_matrix.csv"), 3, "Z1,B,-30,20");
        List<InputProblem> ps = problems(dir);
        assertTrue(find(ps, "roads.csv", 2, "minutes").message().contains("must be between 0 and"));
        assertTrue(find(ps, "roads.csv", 3, "minutes").message().contains("finite"));
        assertTrue(find(ps, "travel_matrix.csv", 3, "minutes").message().contains("must be between 0 and"));
    }

    @Test
    void disconnectedRoadGraphNamesTheCutOffPlaces() throws IOException {
        Path dir = copy();
        // Drop the only road to site C (Z5-C, line 8): C is cut off.
        setLine(dir.resolve("roads.csv"), 8, "Z2,Z4,20,15");
        InputProblem p = find(problems(dir), "sites.csv", 4, "id");
        assertTrue(p.message().contains("site 'C' is not connected"), p.message());
    }

    @Test
    void configurationClosingEveryHasuIsCaughtAtItsRoutingLine() throws IOException {
        Path dir = copy();
        Files.writeString(dir.resolve("configurations/no-hasu.yaml"), """
                description: closes both HASU sites
                extends: hasu
                routing:
                  stroke: nearest_hasu
                close_sites: [A, D]
                """);
        List<InputProblem> ps = problems(dir, "no-hasu");
        InputProblem hasu = find(ps, "no-hasu.yaml", 4, "routing.stroke");
        assertTrue(hasu.message().contains("no open site with [hasu]"), hasu.message());
        // The MTC (A) is closed too, while trauma routing (inherited from hasu.yaml, line 4) needs one.
        InputProblem mtc = find(ps, "hasu.yaml", 4, "routing.trauma");
        assertTrue(mtc.message().contains("[mtc]"), mtc.message());
    }

    @Test
    void unknownConfigurationAndUnknownIdsInAConfigurationAreReportedTogether() throws IOException {
        Path dir = copy();
        Files.writeString(dir.resolve("configurations/typos.yaml"), """
                extends: hasu
                close_sites: [A, Q]
                add_services:
                  hasu_unit: [B]
                cover:
                  hasu: nine-to-five
                fleet:
                  vehicles: {S9: 3}
                colour: blue
                """);
        List<InputProblem> ps = problems(dir, "typos", "missing");
        assertTrue(find(ps, "typos.yaml", 2, "close_sites[1]").message().contains("unknown site 'Q'"));
        assertTrue(find(ps, "typos.yaml", 4, "add_services.hasu_unit").message().contains("unknown service"));
        assertTrue(find(ps, "typos.yaml", 6, "cover.hasu").message().contains("unknown cover profile 'nine-to-five'"));
        assertTrue(find(ps, "typos.yaml", 8, "fleet.vehicles.S9").message().contains("unknown station id 'S9'"));
        assertTrue(find(ps, "typos.yaml", 9, "colour").message().contains("unknown key"));
        assertTrue(ps.stream().anyMatch(p -> p.file().endsWith("missing.yaml")
                && p.message().contains("unknown configuration 'missing'")), ps.toString());
    }

    @Test
    void overlappingTimeBandsAndBadCoverHoursAreReported() throws IOException {
        Path dir = copy();
        // The night band (line 22) becomes 06-09 on weekdays, overlapping the 07-10 morning peak.
        setLine(dir.resolve("network.yaml"), 22, "      hours: {mon-fri: \"06-09\"}");
        setLine(dir.resolve("network.yaml"), 30, "    hours: {mon-fri: \"18-08\"}");
        InputException e = assertThrows(InputException.class, () -> NetworkLoader.loadBase(dir));
        assertTrue(find(e.problems(), "network.yaml", 22, "travel.time_bands[1].hours").message().contains("overlaps"));
        assertTrue(find(e.problems(), "network.yaml", 30, "cover_profiles.weekday-08-18.hours.mon-fri")
                .message().contains("past midnight"));
    }

    @Test
    void checkCommandExitsTwoAndPrintsEveryProblem() throws IOException {
        Path dir = copy();
        setLine(dir.resolve("roads.csv"), 4, "Z3,Z9,6,5");
        setLine(dir.resolve("zones.csv"), 2, "Z1,North End,Northside,50.060,0.000,-1000,150,1.2");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"network", "check", dir.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("roads.csv:4: field 'to'"), err.toString());
        assertTrue(err.toString().contains("zones.csv:2: field 'population'"), err.toString());
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }

    @Test
    void checkCommandPrintsTheSummaryForAValidNetwork() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"network", "check", ExampleNetworkTest.EXAMPLE.toString(),
                "--configuration", "hasu"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(Main.OK, code);
        // Nearest HASU, population-weighted (1000, 2000, 1500, 500, 1000): minutes 1, 3.5, 5, 2, 3.5 -> mean 3.25.
        assertTrue(out.toString().contains("hasu           3.3    3.5    5.0    5.0   100.0%   100.0%"), out.toString());
        assertTrue(!out.toString().contains("configuration local"), out.toString());
    }
}
