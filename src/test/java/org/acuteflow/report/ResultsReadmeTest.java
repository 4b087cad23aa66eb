package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.acuteflow.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results/README.md is the data dictionary: every file, column, metric and series a run writes is in it. */
class ResultsReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("results", "README.md"));
    }

    @Test
    void everyMetricSeriesAndHeadlineIsDefined() throws IOException {
        String text = readme();
        List<String> names = new ArrayList<>();
        Metrics.METRICS.forEach(m -> names.add(m.name()));
        Metrics.SLICES.forEach(s -> names.add(s.suffix()));
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
