package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.network.Network;
import org.acuteflow.network.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputsTest {
    private static final Pattern CELL = Pattern.compile("<td data-scenario=\"([^\"]*)\" data-metric=\"([^\"]*)\" "
            + "data-stat=\"([^\"]*)\" data-mean=\"([^\"]*)\" data-low=\"([^\"]*)\" data-high=\"([^\"]*)\" "
            + "data-n=\"(\\d+)\">(.*?)</td>");
    private static final Pattern MEAN = Pattern.compile("<span class=\"mean\">([^<]*)</span>");
    private static final Pattern LOW = Pattern.compile("<span class=\"low\">([^<]*)</span>");
    private static final Pattern HIGH = Pattern.compile("<span class=\"high\">([^<]*)</span>");

    @TempDir
    Path dir;

    /** One row of a summary-like CSV (no quoted fields in these tests), keyed by its first columns. */
    private static Map<String, String[]> csv(Path file, int keyColumns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, String[]> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < keyColumns; i++) {
                key.append(f[i]).append('|');
            }
            rows.put(key.toString(), f);
        }
        return rows;
    }

    private record Cell(String scenario, String metric, String stat, String mean, String low, String high, int n,
                        String body) {
    }

    private static List<Cell> cells(String html, String stat) {
        List<Cell> out = new ArrayList<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            if (m.group(3).equals(stat)) {
                out.add(new Cell(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                        Integer.parseInt(m.group(7)), m.group(8)));
            }
        }
        return out;
    }

    /** The page without its embedded images, whose base64 text may spell anything, "NaN" included. */
    private static String text(String html) {
        return html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "data:image/png;base64,");
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void everyHeadlineCellEqualsSummaryCsv() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        Map<String, String[]> summary = csv(dir.resolve("summary.csv"), 2);
        List<Cell> cells = cells(html, "summary");
        // 16 headline metrics, all reported, times 2 scenarios.
        assertEquals(MetricCatalog.HEADLINE.size() * 2, cells.size());
        for (Cell c : cells) {
            String[] row = summary.get(c.scenario() + "|" + c.metric() + "|");
            assertNotNull(row, "summary.csv has " + c.scenario() + "/" + c.metric());
            assertEquals(row[2], c.mean(), c.metric());
            assertEquals(row[3], c.low(), c.metric());
            assertEquals(row[4], c.high(), c.metric());
            assertEquals(row[5], Integer.toString(c.n()));
            MetricCatalog.Metric metric = MetricCatalog.find(c.metric());
            assertEquals(metric.display(row[2]), first(MEAN, c.body()), c.metric());
            assertEquals(metric.display(row[3]), first(LOW, c.body()), c.metric());
            assertEquals(metric.display(row[4]), first(HIGH, c.body()), c.metric());
        }
    }

    @Test
    void headlineDeathsMatchHandComputedInterval() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        Cell c = cells(html, "summary").stream()
                .filter(x -> x.scenario().equals("current") && x.metric().equals("deaths_total")).findFirst()
                .orElseThrow();
        // 100, 110, 120: mean 110, sd 10, t(0.975; 2 df) = 4.302653, half-width 24.8414.
        assertEquals("110.0", first(MEAN, c.body()));
        assertEquals("85.2", first(LOW, c.body()));
        assertEquals("134.8", first(HIGH, c.body()));
        Cell share = cells(html, "summary").stream()
                .filter(x -> x.scenario().equals("current") && x.metric().equals("stroke_share_within_45min"))
                .findFirst().orElseThrow();
        // A share of 0.99 in every replication is shown as a percentage with a zero-width interval.
        assertEquals("99.0", first(MEAN, share.body()));
        assertEquals("99.0", first(LOW, share.body()));
    }

    @Test
    void differencesAndDeathsAvertedEqualDifferencesCsv() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        Map<String, String[]> diffs = csv(dir.resolve("differences.csv"), 3);
        List<Cell> cells = cells(html, "difference");
        assertEquals(MetricCatalog.HEADLINE.size(), cells.size());
        for (Cell c : cells) {
            String[] row = diffs.get(c.scenario() + "|current|" + c.metric() + "|");
            assertNotNull(row, c.metric());
            assertEquals(row[3], c.mean(), c.metric());
            assertEquals(row[4], c.low(), c.metric());
            assertEquals(row[5], c.high(), c.metric());
            assertEquals(MetricCatalog.find(c.metric()).display(row[3]), first(MEAN, c.body()));
        }
        // Paired differences -10, -11, -9: ten deaths averted per year.
        Matcher m = Pattern.compile("data-scenario=\"concentrated\" data-metric=\"deaths_total\" "
                + "data-stat=\"averted\" data-value=\"([^\"]*)\">([^<]*)</span> deaths averted").matcher(html);
        assertTrue(m.find(), "deaths averted headline");
        assertEquals("10", m.group(1));
        assertEquals("10.0", m.group(2));
    }

    @Test
    void reportIsSelfContainedAndEscapesText() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(text(html).contains("NaN"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:|//|charts/).*"), "no external or relative resource");
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("A test &lt;question&gt; &amp; answer."));
        assertTrue(html.contains("South &quot;Infirmary&quot; &amp; Clinic"));
        // Parameters with where they were set, by file name only.
        assertTrue(html.contains("<code>demand.strokes_per_100k_per_year</code>"));
        assertTrue(html.contains("demand-2010.yaml:4"));
        assertFalse(html.contains("/somewhere/"));
        assertTrue(html.contains("experiment.yaml:31"));
        assertTrue(html.contains("<code>transfers[0].minutes</code>"));
        assertTrue(html.contains("<td class=\"differs\"><code>30</code>"));
        assertTrue(html.contains("<code>&lt;HASU&gt; &amp; co</code>"));
        // Run metadata.
        assertTrue(html.contains("<dt>base seed</dt><dd>42</dd>"));
        assertTrue(html.contains("<dt>warm-up days (discarded)</dt><dd>30</dd>"));
        int images = Files.list(dir.resolve("charts")).toList().size();
        assertEquals(images, html.split("<img src=\"data:image/png;base64,", -1).length - 1);
    }

    @Test
    void chartsDecodeAtTheirFixedSizes() throws IOException {
        List<Charts.Missing> missing = new ArrayList<>();
        List<Charts.Chart> charts = Charts.all(ReportFixture.full(), missing);
        assertTrue(missing.isEmpty(), missing.toString());
        RunOutputs.write(ReportFixture.full(), dir);
        Set<String> expected = new HashSet<>(List.of("deaths_per_year.png", "deaths_averted.png",
                "stroke_travel_cumulative.png", "hasu_occupancy_week.png", "ed_occupancy_week.png",
                "map_stroke_travel_current.png", "map_stroke_travel_concentrated.png",
                "map_stroke_travel_change_concentrated.png", "map_ae_access_current.png",
                "map_ae_access_concentrated.png", "map_ae_access_change_concentrated.png"));
        for (String s : List.of("current", "concentrated")) {
            expected.add("arrivals_hour_weekday_" + s + ".png");
            expected.add("stroke_arrivals_hour_weekday_" + s + ".png");
            expected.add("deaths_hour_weekday_" + s + ".png");
        }
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(dir.resolve("charts"))) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertEquals(expected, files);
        for (Charts.Chart c : charts) {
            BufferedImage image = ImageIO.read(dir.resolve("charts").resolve(c.file()).toFile());
            assertNotNull(image, c.file());
            assertEquals(c.width(), image.getWidth(), c.file());
            assertEquals(c.height(), image.getHeight(), c.file());
            int expectedWidth = c.file().startsWith("map_") ? Charts.MAP_SIZE : Charts.WIDTH;
            assertEquals(expectedWidth, image.getWidth(), c.file());
        }
    }

    @Test
    void svgOutputWritesEachChartAsAVectorImageOfItsSizeTheSameEveryTime() throws Exception {
        Set<String> outputs = new HashSet<>(ReportFixture.allOutputs());
        outputs.add("svg");
        ExperimentResults results = ReportFixture.results(ReportFixture.experiment(3, outputs), true);
        RunOutputs.write(results, dir);
        List<Charts.Chart> charts = Charts.all(results, new ArrayList<>());
        assertFalse(charts.isEmpty());
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        // The documents name the SVG 1.1 DTD; parsing must not try to fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Charts.Chart c : charts) {
            Path png = dir.resolve("charts").resolve(c.file());
            Path svg = dir.resolve("charts").resolve(c.svgFile());
            assertTrue(Files.exists(png), c.file());
            assertTrue(c.svgFile().endsWith(".svg") && !c.svgFile().contains(".png"), c.svgFile());
            org.w3c.dom.Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertEquals("svg", root.getTagName(), c.svgFile());
            assertEquals(c.width(), Double.parseDouble(root.getAttribute("width").replace("px", "")), 0, c.svgFile());
            assertEquals(c.height(), Double.parseDouble(root.getAttribute("height").replace("px", "")), 0,
                    c.svgFile());
            // Vector content, with the chart's own title as text.
            String text = Files.readString(svg);
            assertTrue(text.contains("<path") || text.contains("<rect"), c.svgFile());
            assertTrue(text.contains(c.title().split(":")[0].replace("&", "&amp;")), c.svgFile());
            assertEquals(text, c.svg(), "the same chart drawn again gives the same SVG: " + c.svgFile());
        }
    }

    @Test
    void travelMapColoursFarZonesDarkerThanNearOnes() throws IOException {
        // The zone with the longest journey must carry the darkest colour of the scale somewhere on the map: a
        // check that the paint scale is applied to the zone values rather than drawn uniformly.
        ExperimentResults results = ReportFixture.full();
        Charts.Chart map = Charts.all(results, new ArrayList<>()).stream()
                .filter(c -> c.file().equals("map_stroke_travel_concentrated.png")).findFirst().orElseThrow();
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(map.png()));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        double[] minutes = results.seriesMean(1, "zone_stroke_travel_minutes_base");
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double m : minutes) {
            max = Math.max(max, m);
            min = Math.min(min, m);
        }
        var scale = Charts.GradientScale.sequential(0, Math.ceil(max / 10) * 10);
        int far = ((java.awt.Color) scale.getPaint(max)).getRGB() & 0xFFFFFF;
        int near = ((java.awt.Color) scale.getPaint(min)).getRGB() & 0xFFFFFF;
        assertTrue(colours.contains(far), "colour of the farthest zone is drawn");
        assertTrue(colours.contains(near), "colour of the nearest zone is drawn");
    }

    @Test
    void sameResultsGiveIdenticalFilesEvenWhenWrittenConcurrently(@TempDir Path other) throws Exception {
        // Two writers at once: no shared mutable state may leak between them.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                RunOutputs.write(ReportFixture.full(), dir, new RunInfo(12.5));
                return null;
            });
            var b = pool.submit(() -> {
                RunOutputs.write(ReportFixture.full(), other, new RunInfo(12.5));
                return null;
            });
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 20);
        for (Path f : files) {
            Path twin = other.resolve(dir.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(twin), f.getFileName().toString());
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("12.5 s"));
    }

    @Test
    void zonesGeoJsonHasOneFeaturePerZoneWithLonLatPoints() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("zones.geojson").toFile());
        assertEquals("FeatureCollection", root.get("type").asText());
        Network net = ReportFixture.network(false);
        assertEquals(net.zones().size(), root.get("features").size());
        for (int i = 0; i < net.zones().size(); i++) {
            Zone z = net.zones().get(i);
            JsonNode f = root.get("features").get(i);
            assertEquals("Feature", f.get("type").asText());
            assertEquals("Point", f.get("geometry").get("type").asText());
            JsonNode c = f.get("geometry").get("coordinates");
            assertEquals(z.lon(), c.get(0).asDouble(), 1e-6);
            assertEquals(z.lat(), c.get(1).asDouble(), 1e-6);
            JsonNode p = f.get("properties");
            assertEquals(z.id(), p.get("id").asText());
            // In the concentrated scenario only the central HASU takes strokes.
            assertEquals("S-CEN", p.get("concentrated.stroke_site_id").asText());
            double minutes = ReportFixture.LineTravel.minutes(z.lat(), z.lon(), 51.50, -0.18);
            assertEquals(minutes, p.get("concentrated.stroke_travel_minutes").asDouble(), 1e-6 * minutes);
            assertTrue(p.get("current.expected_deaths_per_year").isNumber());
            // Not reported by this model: null, never NaN.
            assertTrue(p.get("current.expected_stroke_deaths_per_year").isNull());
        }
        // Nearby zones in the south-east go to the southern site when it admits strokes.
        Set<String> currentSites = new HashSet<>();
        root.get("features").forEach(f -> currentSites.add(f.get("properties").get("current.stroke_site_id").asText()));
        assertEquals(Set.of("S-CEN", "S-NOR", "S-SOU"), currentSites);
    }

    @Test
    void sitesGeoJsonAndSiteSummaryCarryPerScenarioValues() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("sites.geojson").toFile());
        assertEquals(3, root.get("features").size());
        JsonNode south = root.get("features").get(2).get("properties");
        assertEquals("S-SOU", south.get("id").asText());
        assertTrue(south.get("current.open").asBoolean());
        assertFalse(south.get("concentrated.open").asBoolean());
        assertEquals("[\"type1_ae\",\"stroke_unit\",\"trauma_unit\"]", south.get("current.services").toString());
        assertEquals(0, south.get("concentrated.services").size());
        // Site metrics 7000 + 10 r over r = 0..2 (current): mean 7010.
        assertEquals(7010, south.get("current.admissions_per_year").asDouble(), 1e-9);
        JsonNode central = root.get("features").get(0).get("properties");
        assertEquals(18.5, central.get("concentrated.hasu_occupancy_mean").asDouble(), 1e-9);

        List<String> lines = Files.readAllLines(dir.resolve("site_summary.csv"));
        assertEquals(1 + 3 * 2, lines.size());
        assertTrue(lines.get(0).startsWith("scenario,site_id,site_name,open,services,admissions_per_year_mean,"));
        String centralCurrent = lines.get(1);
        assertTrue(centralCurrent.startsWith("current,S-CEN,Central Hospital,true,type1_ae hasu thrombolysis mtc,5010,"),
                centralCurrent);
        assertTrue(lines.contains("concentrated,S-SOU,\"South \"\"Infirmary\"\" & Clinic\",false,,0,,,0,,,0,,,0,,,,,,,,,,3"),
                String.join("\n", lines));
        List<String> header = List.of(lines.get(0).split(","));
        int dtn = header.indexOf("door_to_needle_minutes_median_mean");
        int deaths = header.indexOf("expected_deaths_per_year_mean");
        // Door to needle 40 + 10 r in replications 0 and 2 (none in replication 1): mean 50, not NaN.
        assertEquals("50", centralCurrent.split(",")[dtn]);
        // Deaths 2% of the admissions series (5000 at the first site).
        assertEquals(100, Double.parseDouble(centralCurrent.split(",")[deaths]), 1e-9);
    }

    @Test
    void reducedModelWithOneReplicationGivesNoIntervalAndNoNaN() throws IOException {
        var e = ReportFixture.experiment(1, ReportFixture.allOutputs());
        var full = ReportFixture.results(e, false);
        // Keep only deaths_total and no series: what a reduced model may report.
        var rr = new org.acuteflow.experiment.ReplicationResult[2][1];
        for (int s = 0; s < 2; s++) {
            rr[s][0] = new org.acuteflow.experiment.ReplicationResult()
                    .metric("deaths_total", full.get(s, 0).metrics().get("deaths_total"));
        }
        List<org.acuteflow.experiment.ScenarioModel> models = List.of(full.model(0), full.model(1));
        ExperimentResults reduced = new ExperimentResults(e, rr, models);
        RunOutputs.write(reduced, dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(text(html).contains("NaN"));
        assertTrue(html.contains("no interval (1 replication)"));
        assertTrue(html.contains("Not reported by this model, so not shown:"));
        assertTrue(html.contains("n/a, the model reported no stroke_travel_minutes_histogram"));
        assertEquals(2, cells(html, "summary").size());
        assertFalse(Files.exists(dir.resolve("zones.geojson")), "no network, no zones");
        assertFalse(Files.exists(dir.resolve("site_summary.csv")));
        Set<String> charts = new HashSet<>();
        try (Stream<Path> list = Files.list(dir.resolve("charts"))) {
            list.forEach(p -> charts.add(p.getFileName().toString()));
        }
        assertEquals(Set.of("deaths_per_year.png", "deaths_averted.png"), charts);
        Map<String, String[]> summary = csv(dir.resolve("summary.csv"), 2);
        assertEquals("", summary.get("current|deaths_total|")[3], "empty interval cell with one replication");
    }

    @Test
    void onlyTheOutputsAskedForAreWritten() throws IOException {
        var e = ReportFixture.experiment(2, Set.of());
        RunOutputs.write(ReportFixture.results(e, true), dir);
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertEquals(Set.of("summary.csv", "replications.csv", "site_summary.csv", "borough_summary.csv"), files);
    }

    @Test
    void boroughSummaryAddsUpTheZonesOfEachArea() throws IOException {
        var results = ReportFixture.full();
        RunOutputs.write(results, dir);
        List<String> lines = Files.readAllLines(dir.resolve("borough_summary.csv"));
        assertEquals(BoroughSummary.HEADER.strip(), lines.get(0));
        for (int s = 0; s < results.scenarios(); s++) {
            var net = results.model(s).network();
            double[] deaths = results.seriesMean(s, "zone_expected_deaths");
            String name = results.experiment().scenarios().get(s).name();
            for (String area : List.of("North", "South")) {
                double population = 0;
                double dead = 0;
                int zones = 0;
                for (var z : net.zones()) {
                    if (z.area().equals(area)) {
                        population += z.population();
                        dead += deaths[z.index()];
                        zones++;
                    }
                }
                String row = lines.stream().filter(l -> l.startsWith(name + "," + area + ",")).findFirst().orElseThrow();
                String[] c = row.split(",");
                assertEquals(zones, Integer.parseInt(c[2]));
                assertEquals(population, Double.parseDouble(c[3]), 1e-6);
                assertEquals(dead, Double.parseDouble(c[7]), 1e-6 * Math.max(1, dead));
                assertEquals(dead / population * 1e5, Double.parseDouble(c[9]), 1e-6 * Math.max(1, dead / population * 1e5));
            }
        }
    }
}
