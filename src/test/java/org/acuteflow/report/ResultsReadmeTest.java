package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results/README.md is the data dictionary: every file, column, metric and series a run writes is in it. */
class ResultsReadmeTest {
    /** The metric names the model emits (site metrics by their pattern). */
    static final List<String> CONTRACT_METRICS = List.of("deaths_total", "stroke_deaths_90d",
            "stroke_deaths_90d_sampled", "stroke_mortality_90d", "trauma_deaths", "emergency_deaths_30d",
            "stroke_travel_minutes_mean", "stroke_travel_minutes_p95", "stroke_share_within_30min",
            "stroke_share_within_45min", "thrombolysis_rate", "onset_to_needle_minutes_median",
            "door_to_needle_minutes_median", "trauma_share_mtc_direct", "ambulance_response_minutes_mean",
            "ambulance_share_within_8min", "hasu_occupancy_mean", "diverts_per_year", "incidents_per_year",
            "strokes_per_year", "stroke_unit_care_share", "events_executed", "site_admissions_per_year.<site_id>",
            "site_stroke_admissions_per_year.<site_id>", "_weekday", "_weekend", "_hours_00_08", "_hours_08_18",
            "_hours_18_24");

    private static String readme() throws IOException {
        return Files.readString(Path.of("results", "README.md"));
    }

    @Test
    void everyMetricSeriesAndHeadlineIsDefined() throws IOException {
        String text = readme();
        List<String> names = new ArrayList<>(CONTRACT_METRICS);
        MetricCatalog.HEADLINE.forEach(m -> names.add(m.name()));
        ReportFixture.full().seriesNames().forEach(names::add);
        names.add("zone_expected_stroke_deaths");
        for (String name : names) {
            assertTrue(text.contains("| `" + name + "` |"), "README defines " + name + " in a table row");
        }
    }

    @Test
    void everyFileAndCsvColumnWrittenIsDescribed(@TempDir Path dir) throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        String text = readme();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (f.getParent().getFileName().toString().equals("charts")) {
                String pattern = name.replace("_current.png", "_<scenario>.png")
                        .replace("_concentrated.png", "_<scenario>.png");
                assertTrue(text.contains("`" + pattern + "`"), "README describes chart " + pattern);
                continue;
            }
            assertTrue(text.contains("`" + name + "`"), "README describes " + name);
            if (name.endsWith(".csv")) {
                String header = Files.readAllLines(f).get(0);
                for (String column : header.split(",")) {
                    assertTrue(text.contains("`" + column + "`"), "README explains column " + column + " of " + name);
                }
            }
        }
    }
}
