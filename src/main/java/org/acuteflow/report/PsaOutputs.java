package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Csv;
import org.acuteflow.outcome.Uncertainty;
import org.acuteflow.sim.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Probabilistic sensitivity analysis outputs (output {@code psa}): psa.csv and psa_differences.csv. Each
 * replication reports, for every PSA metric, one value per coefficient set (series {@code psa.<metric>}), all
 * evaluated on that replication's journeys. For coefficient set k, the estimate is the mean over replications
 * plus a normal draw with the Monte-Carlo standard error of that mean (standard deviation over replications /
 * sqrt(replications)); the 95% uncertainty interval is the 2.5th to 97.5th percentile of these estimates over the
 * sets, so it combines coefficient and Monte-Carlo uncertainty. Differences are formed per replication and per
 * set (the same journeys and the same coefficient draws in both scenarios) before the same steps. The normal
 * draws come from a stream of the experiment's seed named after the row, so the files are byte-identical for the
 * same experiment and seed whatever the thread count.
 */
final class PsaOutputs {
    static final String SERIES_PREFIX = Metrics.SERIES_PSA.prefix();

    private PsaOutputs() {
    }

    /**
     * One summarised row.
     *
     * @param scenario scenario (for differences, the compared scenario)
     * @param metric   metric name
     * @param mean     mean over the coefficient sets
     * @param low      2.5th percentile
     * @param high     97.5th percentile
     * @param draws    coefficient sets
     */
    record Row(String scenario, String metric, double mean, double low, double high, int draws) {
    }

    /** The PSA metrics present in the results, in the order the model reports them. */
    static List<String> metrics(ExperimentResults results) {
        List<String> out = new ArrayList<>();
        for (String s : results.seriesNames()) {
            if (s.startsWith(SERIES_PREFIX)) {
                out.add(s.substring(SERIES_PREFIX.length()));
            }
        }
        return out;
    }

    /** Per-scenario rows. */
    static List<Row> summary(ExperimentResults results) {
        List<Row> rows = new ArrayList<>();
        Experiment e = results.experiment();
        for (String metric : metrics(results)) {
            for (int s = 0; s < results.scenarios(); s++) {
                String name = e.scenarios().get(s).name();
                rows.add(row(name, metric, draws(results, s, metric), stream(e, "scenario." + name + "." + metric)));
            }
        }
        return rows;
    }

    /** Rows of differences, scenario minus baseline, per scenario other than the baseline. */
    static List<Row> differences(ExperimentResults results) {
        List<Row> rows = new ArrayList<>();
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        for (String metric : metrics(results)) {
            double[][] base = draws(results, b, metric);
            for (int s = 0; s < results.scenarios(); s++) {
                if (s == b) {
                    continue;
                }
                double[][] x = draws(results, s, metric);
                double[][] d = new double[Math.min(x.length, base.length)][];
                for (int r = 0; r < d.length; r++) {
                    int k = Math.min(x[r].length, base[r].length);
                    d[r] = new double[k];
                    for (int j = 0; j < k; j++) {
                        d[r][j] = x[r][j] - base[r][j];
                    }
                }
                String name = e.scenarios().get(s).name();
                rows.add(row(name, metric, d, stream(e, "difference." + name + "." + metric)));
            }
        }
        return rows;
    }

    private static RandomStream stream(Experiment e, String row) {
        return new RandomStreams(e.run().seed(), 0).stream("outcome.psa.monte_carlo." + row);
    }

    /** [replication][coefficient set] of one scenario's metric; replications without the series are left out. */
    private static double[][] draws(ExperimentResults results, int scenario, String metric) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < results.replications(); r++) {
            double[] v = results.get(scenario, r).series().get(SERIES_PREFIX + metric);
            if (v != null) {
                out.add(v);
            }
        }
        return out.toArray(new double[0][]);
    }

    static Row row(String scenario, String metric, double[][] values, RandomStream normal) {
        int n = values.length;
        int sets = n == 0 ? 0 : Arrays.stream(values).mapToInt(v -> v.length).min().orElse(0);
        double[] estimates = new double[sets];
        int kept = 0;
        for (int k = 0; k < sets; k++) {
            double sum = 0;
            for (double[] v : values) {
                sum += v[k];
            }
            double mean = sum / n;
            double ss = 0;
            for (double[] v : values) {
                ss += (v[k] - mean) * (v[k] - mean);
            }
            double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
            double z = normalQuantile(normal.nextDouble());
            double estimate = mean + z * se;
            if (Double.isFinite(estimate)) {
                estimates[kept++] = estimate;
            }
        }
        if (kept == 0) {
            return new Row(scenario, metric, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        double total = 0;
        for (int k = 0; k < kept; k++) {
            total += estimates[k];
        }
        return new Row(scenario, metric, total / kept, percentile(sorted, 0.025), percentile(sorted, 0.975), kept);
    }

    private static double normalQuantile(double u) {
        return new Uncertainty("z", "normal", List.of(-1.959963984540054, 1.959963984540054), "")
                .quantile(0, u);
    }

    /** Linear interpolation between order statistics (the usual "type 7" percentile). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static void write(ExperimentResults results, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,metric,mean,ui95_low,ui95_high,draws\n");
        for (Row r : summary(results)) {
            sb.append(Csv.quote(r.scenario())).append(',').append(r.metric()).append(',')
                    .append(Numbers.format(r.mean())).append(',').append(Numbers.format(r.low())).append(',')
                    .append(Numbers.format(r.high())).append(',').append(r.draws()).append('\n');
        }
        Files2.writeString(dir.resolve("psa.csv"), sb.toString());
        if (results.scenarios() > 1) {
            String base = Csv.quote(results.experiment().baseline());
            StringBuilder d = new StringBuilder("scenario,baseline,metric,mean_difference,ui95_low,ui95_high,draws\n");
            for (Row r : differences(results)) {
                d.append(Csv.quote(r.scenario())).append(',').append(base).append(',').append(r.metric()).append(',')
                        .append(Numbers.format(r.mean())).append(',').append(Numbers.format(r.low())).append(',')
                        .append(Numbers.format(r.high())).append(',').append(r.draws()).append('\n');
            }
            Files2.writeString(dir.resolve("psa_differences.csv"), d.toString());
        }
    }
}
