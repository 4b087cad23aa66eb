package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Csv;
import org.acuteflow.network.Network;
import org.acuteflow.network.Site;

/**
 * The tabular outputs of a run. Rows are ordered by scenario (experiment order), then metric (first-seen order),
 * then replication, so equal results give byte-identical files.
 */
public final class CsvOutputs {
    private CsvOutputs() {
    }

    /** One row per scenario x replication x metric. */
    public static void writeReplications(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,replication,metric,value\n");
        List<String> metrics = results.metricNames();
        Experiment e = results.experiment();
        for (int s = 0; s < results.scenarios(); s++) {
            String name = Csv.quote(e.scenarios().get(s).name());
            for (String m : metrics) {
                double[] v = results.values(s, m);
                for (int r = 0; r < v.length; r++) {
                    sb.append(name).append(',').append(r).append(',').append(m).append(',')
                            .append(Numbers.format(v[r])).append('\n');
                }
            }
        }
        Files2.writeString(file, sb.toString());
    }

    /** Mean and Student-t 95% interval per scenario and metric; interval cells empty with one replication. */
    public static void writeSummary(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,metric,mean,ci95_low,ci95_high,replications\n");
        List<String> metrics = results.metricNames();
        Experiment e = results.experiment();
        for (int s = 0; s < results.scenarios(); s++) {
            String name = Csv.quote(e.scenarios().get(s).name());
            for (String m : metrics) {
                Statistics.Interval ci = Statistics.interval95(results.values(s, m));
                sb.append(name).append(',').append(m).append(',').append(Numbers.format(ci.mean())).append(',')
                        .append(Numbers.format(ci.low())).append(',').append(Numbers.format(ci.high())).append(',')
                        .append(ci.n()).append('\n');
            }
        }
        Files2.writeString(file, sb.toString());
    }

    /** Each scenario minus the baseline, paired by replication (common random numbers). */
    public static void writeDifferences(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,baseline,metric,mean_difference,ci95_low,ci95_high,replications\n");
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        String baseName = Csv.quote(e.baseline());
        for (int s = 0; s < results.scenarios(); s++) {
            if (s == b) {
                continue;
            }
            String name = Csv.quote(e.scenarios().get(s).name());
            for (String m : results.metricNames()) {
                double[] d = Statistics.pairedDifferences(results.values(s, m), results.values(b, m));
                Statistics.Interval ci = Statistics.interval95(d);
                sb.append(name).append(',').append(baseName).append(',').append(m).append(',')
                        .append(Numbers.format(ci.mean())).append(',').append(Numbers.format(ci.low())).append(',')
                        .append(Numbers.format(ci.high())).append(',').append(ci.n()).append('\n');
            }
        }
        Files2.writeString(file, sb.toString());
    }

    /**
     * One row per scenario x site of that scenario's network: admissions per year (all, and stroke) with their
     * 95% intervals from the per-site metrics, falling back to the per-site series means (no interval) for a model
     * that reports only those; the mean number of occupied HASU beds; then the other {@link SiteMeasures} (diverts,
     * door to needle, deaths, occupancy), means over the replications that reported them. Empty cells where a value
     * was not reported.
     *
     * @return false (and nothing written) when no scenario has a network
     */
    public static boolean writeSiteSummary(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,site_id,site_name,open,services,"
                + "admissions_per_year_mean,admissions_per_year_ci95_low,admissions_per_year_ci95_high,"
                + "stroke_admissions_per_year_mean,stroke_admissions_per_year_ci95_low,"
                + "stroke_admissions_per_year_ci95_high,hasu_occupied_beds_mean,");
        SiteMeasures.CSV_EXTRA.forEach(m -> sb.append(m.column()).append(','));
        sb.append("replications\n");
        Experiment e = results.experiment();
        boolean any = false;
        for (int s = 0; s < results.scenarios(); s++) {
            Network net = results.model(s).network();
            if (net == null) {
                continue;
            }
            any = true;
            String name = Csv.quote(e.scenarios().get(s).name());
            double[] all = results.seriesMean(s, Metrics.SERIES_SITE_ADMISSIONS.name());
            double[] stroke = results.seriesMean(s, Metrics.SERIES_SITE_STROKE_ADMISSIONS.name());
            double[] hasu = results.seriesMean(s, Metrics.SERIES_SITE_HASU_OCCUPANCY_MEAN.name());
            double[] ed = results.seriesMean(s, Metrics.SERIES_SITE_ED_OCCUPANCY_MEAN.name());
            for (Site site : net.sites()) {
                StringBuilder services = new StringBuilder();
                for (var sv : GeoJson.services(site)) {
                    services.append(services.length() == 0 ? "" : " ").append(sv.asText());
                }
                sb.append(name).append(',').append(Csv.quote(site.id())).append(',')
                        .append(Csv.quote(site.name())).append(',').append(site.open()).append(',')
                        .append(services).append(',');
                appendInterval(sb, results, s, Metrics.SITE_ADMISSIONS_PER_YEAR.of(site.id()), all, site.index());
                sb.append(',');
                appendInterval(sb, results, s, Metrics.SITE_STROKE_ADMISSIONS_PER_YEAR.of(site.id()), stroke, site.index());
                sb.append(',').append(Numbers.format(hasu != null && site.index() < hasu.length
                        ? hasu[site.index()] : Double.NaN));
                for (SiteMeasures.Measure m : SiteMeasures.CSV_EXTRA) {
                    sb.append(',').append(Numbers.format(SiteMeasures.value(results, s, m, site)));
                }
                sb.append(',').append(results.replications()).append('\n');
            }
        }
        if (any) {
            Files2.writeString(file, sb.toString());
        }
        return any;
    }

    private static void appendInterval(StringBuilder sb, ExperimentResults results, int s, String metric,
                                       double[] series, int index) {
        Statistics.Interval ci = Statistics.interval95(results.values(s, metric));
        if (ci.n() == 0) {
            double v = series != null && index < series.length ? series[index] : Double.NaN;
            sb.append(Numbers.format(v)).append(",,");
        } else {
            sb.append(Numbers.format(ci.mean())).append(',').append(Numbers.format(ci.low())).append(',')
                    .append(Numbers.format(ci.high()));
        }
    }
}
