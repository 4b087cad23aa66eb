package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;

/**
 * Writes every output of a finished run into its (still hidden) working folder. What is written follows the
 * experiment's {@code outputs}: summary.csv and replications.csv always; differences.csv ("differences", with
 * more than one scenario); report.html ("report"); charts/*.png ("charts"); zones.geojson and sites.geojson
 * ("geojson"); site_summary.csv whenever the scenarios have a network. results/README.md describes every file.
 *
 * <p>Stateless: runs of different experiments may write their outputs concurrently.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /** As {@link #write(ExperimentResults, Path, RunInfo)} without a wall time (the report points to the manifest). */
    public static void write(ExperimentResults results, Path dir) throws IOException {
        write(results, dir, RunInfo.unknown());
    }

    /**
     * @param dir  the run's working folder (exists)
     * @param info what the results do not hold (the wall time), shown in the report's run section
     */
    public static void write(ExperimentResults results, Path dir, RunInfo info) throws IOException {
        Experiment e = results.experiment();
        CsvOutputs.writeReplications(results, dir.resolve("replications.csv"));
        CsvOutputs.writeSummary(results, dir.resolve("summary.csv"));
        if (e.wants("differences") && results.scenarios() > 1) {
            CsvOutputs.writeDifferences(results, dir.resolve("differences.csv"));
        }
        CsvOutputs.writeSiteSummary(results, dir.resolve("site_summary.csv"));
        if (e.wants("psa") && !PsaOutputs.metrics(results).isEmpty()) {
            PsaOutputs.write(results, dir);
        }
        if (e.isSweep() && results.scenarios() > 1) {
            SweepRanking.write(results, dir.resolve("ranking.csv"));
        }
        if (e.wants("geojson")) {
            GeoJson.writeZones(results, dir.resolve("zones.geojson"));
            GeoJson.writeSites(results, dir.resolve("sites.geojson"));
        }
        if (e.wants("charts") || e.wants("svg") || e.wants("report")) {
            List<Charts.Missing> missing = new ArrayList<>();
            List<Charts.Chart> charts = Charts.all(results, missing);
            if ((e.wants("charts") || e.wants("svg")) && !charts.isEmpty()) {
                Path folder = Files.createDirectories(dir.resolve("charts"));
                for (Charts.Chart c : charts) {
                    if (e.wants("charts")) {
                        Files.write(folder.resolve(c.file()), c.png());
                    }
                    if (e.wants("svg")) {
                        Files2.writeString(folder.resolve(c.svgFile()), c.svg());
                    }
                }
            }
            if (e.wants("report")) {
                Files2.writeString(dir.resolve("report.html"), HtmlReport.render(results, info, charts, missing));
            }
        }
    }
}
