package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A road graph given as GraphML instead of roads.csv: the same network, and problems at their lines. */
class GraphMlRoadsTest {
    @TempDir
    Path tmp;

    /** The example network with its roads.csv rewritten as roads.graphml (edge lines start at line 6). */
    private Path exampleWithGraphMl() throws IOException {
        Path dir = NetworkValidationTest.copyExample(tmp);
        List<String> csv = Files.readAllLines(dir.resolve("roads.csv"));
        List<String> xml = new ArrayList<>();
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.add("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
        xml.add("  <key id=\"d0\" for=\"edge\" attr.name=\"minutes\" attr.type=\"double\"/>");
        xml.add("  <key id=\"d1\" for=\"edge\" attr.name=\"km\" attr.type=\"double\"/>");
        xml.add("  <graph id=\"roads\" edgedefault=\"undirected\">");
        for (String row : csv.subList(1, csv.size())) {
            String[] c = row.split(",");
            xml.add("    <edge source=\"" + c[0] + "\" target=\"" + c[1] + "\"><data key=\"d0\">" + c[2]
                    + "</data><data key=\"d1\">" + c[3] + "</data></edge>");
        }
        xml.add("  </graph>");
        xml.add("</graphml>");
        Files.write(dir.resolve("roads.graphml"), xml);
        Files.delete(dir.resolve("roads.csv"));
        Path yaml = dir.resolve("network.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("roads: roads.csv", "roads: roads.graphml"));
        return dir;
    }

    @Test
    void graphMlRoadsGiveExactlyTheTravelTimesOfTheSameRoadsInCsv() throws IOException {
        assertEquals("from,to,minutes,km", Files.readAllLines(ExampleNetworkTest.EXAMPLE.resolve("roads.csv")).get(0));
        RoadTravelTimes csv = NetworkLoader.loadBase(ExampleNetworkTest.EXAMPLE).travel();
        RoadTravelTimes graphMl = NetworkLoader.loadBase(exampleWithGraphMl()).travel();
        assertEquals(csv.zoneCount(), graphMl.zoneCount());
        int checked = 0;
        for (int z = 0; z < csv.zoneCount(); z++) {
            for (int s = 0; s < csv.siteCount(); s++) {
                assertEquals(csv.zoneToSite(z, s), graphMl.zoneToSite(z, s), "zone " + z + " site " + s);
                assertEquals(csv.zoneToSiteKm(z, s), graphMl.zoneToSiteKm(z, s), "zone " + z + " site " + s);
                checked++;
            }
            for (int st = 0; st < csv.stationCount(); st++) {
                assertEquals(csv.stationToZone(st, z), graphMl.stationToZone(st, z));
            }
        }
        for (int a = 0; a < csv.siteCount(); a++) {
            for (int b = 0; b < csv.siteCount(); b++) {
                assertEquals(csv.siteToSite(a, b), graphMl.siteToSite(a, b));
            }
        }
        assertTrue(checked >= 20, "pairs checked: " + checked);
    }

    @Test
    void londonsTripCurveRoadsReadFromGraphMlWithKmOnlyGiveTheSameTravelTimes() throws IOException {
        // London's roads carry km only (graph_times: trip_curve): the GraphML needs no minutes attribute.
        Path london = Path.of("networks", "london");
        Path dir = Files.createTempDirectory(tmp, "london");
        try (var files = Files.list(london)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, dir.resolve(f.getFileName().toString()));
                }
            }
        }
        List<String> xml = new ArrayList<>();
        xml.add("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">");
        xml.add("<key id=\"km\" for=\"edge\" attr.name=\"km\" attr.type=\"double\"/>");
        xml.add("<graph edgedefault=\"undirected\">");
        int edges = 0;
        for (String row : Files.readAllLines(dir.resolve("roads.csv"))) {
            if (row.startsWith("#") || row.startsWith("from,")) {
                continue;
            }
            String[] c = row.split(",");
            xml.add("<edge source=\"" + c[0] + "\" target=\"" + c[1] + "\"><data key=\"km\">" + c[2] + "</data></edge>");
            edges++;
        }
        xml.add("</graph></graphml>");
        Files.write(dir.resolve("roads.graphml"), xml);
        Files.delete(dir.resolve("roads.csv"));
        Path yaml = dir.resolve("network.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("roads: roads.csv", "roads: roads.graphml"));
        assertTrue(edges > 10_000, "edges " + edges);

        RoadTravelTimes csv = NetworkLoader.loadBase(london).travel();
        RoadTravelTimes graphMl = NetworkLoader.loadBase(dir).travel();
        for (int z = 0; z < csv.zoneCount(); z++) {
            for (int s = 0; s < csv.siteCount(); s++) {
                assertEquals(csv.zoneToSite(z, s), graphMl.zoneToSite(z, s));
                assertEquals(csv.zoneToSiteKm(z, s), graphMl.zoneToSiteKm(z, s));
            }
        }
    }

    private static List<InputProblem> problems(Path dir) {
        return assertThrows(InputException.class, () -> NetworkLoader.loadBase(dir)).problems();
    }

    private static InputProblem at(List<InputProblem> ps, int line, String field) {
        return ps.stream().filter(p -> p.file().endsWith("roads.graphml") && p.line() == line
                        && (field == null || field.equals(p.field())))
                .findFirst().orElseThrow(() -> new AssertionError("no problem at line " + line + " " + field
                        + " in " + ps));
    }

    private static void setLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, text);
        Files.write(file, lines);
    }

    @Test
    void badEdgesAreReportedAtTheirLinesAllAtOnce() throws IOException {
        Path dir = exampleWithGraphMl();
        Path roads = dir.resolve("roads.graphml");
        setLine(roads, 6, "    <edge source=\"Z1\" target=\"Z9\"><data key=\"d0\">5</data><data key=\"d1\">4</data></edge>");
        setLine(roads, 7, "    <edge source=\"Z2\" target=\"Z3\"><data key=\"d0\">-4</data><data key=\"d1\">3</data></edge>");
        setLine(roads, 8, "    <edge source=\"Z3\" target=\"Z4\"><data key=\"d0\">6</data></edge>");
        setLine(roads, 9, "    <edge target=\"Z5\"><data key=\"d0\">3</data><data key=\"d1\">x</data></edge>");
        List<InputProblem> ps = problems(dir);
        assertTrue(at(ps, 6, "to").message().contains("unknown id 'Z9'"), ps.toString());
        assertTrue(at(ps, 7, "minutes").message().contains("must be between 0 and"), ps.toString());
        assertTrue(at(ps, 8, "km").message().contains("is missing"), ps.toString());
        assertTrue(at(ps, 9, "source").message().contains("needs a source"), ps.toString());
    }

    @Test
    void malformedXmlIsReportedAtItsLine() throws IOException {
        Path dir = exampleWithGraphMl();
        setLine(dir.resolve("roads.graphml"), 7, "    <edge source=\"Z2\" target=\"Z3\"><data key=\"d0\">4</data>");
        InputProblem p = problems(dir).stream().filter(q -> q.file().endsWith("roads.graphml")).findFirst()
                .orElseThrow();
        assertTrue(p.message().contains("not well-formed XML"), p.toString());
        assertTrue(p.line() >= 7, p.toString());
    }
}
