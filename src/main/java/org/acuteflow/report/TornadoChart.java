package org.acuteflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * Tornado chart of the headline's one-at-a-time sensitivity (output {@code sensitivity}): deaths averted per year
 * of the first compared scenario with each uncertain outcome coefficient at the 2.5th and at the 97.5th percentile
 * of its distribution, the others central, all on the same simulated journeys. Bars run from the central value
 * to each end; coefficients are sorted by the width of their swing, widest at the top.
 */
final class TornadoChart {
    static final String FILE = "tornado_deaths_averted.png";
    private static final String PREFIX = Metrics.SENSITIVITY_DEATHS_TOTAL.prefix();
    private static final String SUFFIX = Metrics.SENSITIVITY_DEATHS_TOTAL.suffix();
    /** The chart shows the coefficients with the widest swings only; the report's table lists them all. */
    private static final int MAX_ROWS = 15;

    private TornadoChart() {
    }

    private record Swing(String path, double low, double high) {
        double width() {
            return Math.abs(high - low);
        }
    }

    static void add(ExperimentResults results, List<Charts.Chart> out, List<Charts.Missing> missing) {
        if (results.scenarios() < 2) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (String m : results.metricNames()) {
            if (m.startsWith(PREFIX) && m.endsWith(".low" + SUFFIX)) {
                paths.add(m.substring(PREFIX.length(), m.length() - (".low" + SUFFIX).length()));
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        int s = b == 0 ? 1 : 0;
        String title = "What moves the deaths averted: " + e.scenarios().get(s).name() + " vs " + e.baseline();
        double central = averted(results, s, b, MetricCatalog.DEATHS);
        if (!Double.isFinite(central)) {
            missing.add(new Charts.Missing(title, "the model reported no " + MetricCatalog.DEATHS));
            return;
        }
        List<Swing> swings = new ArrayList<>();
        for (String p : paths) {
            swings.add(new Swing(p, averted(results, s, b, PREFIX + p + ".low" + SUFFIX),
                    averted(results, s, b, PREFIX + p + ".high" + SUFFIX)));
        }
        swings.sort(Comparator.comparingDouble(Swing::width).reversed().thenComparing(Swing::path));
        List<Swing> shown = swings.subList(0, Math.min(MAX_ROWS, swings.size()));
        int n = shown.size();
        Number[][] starts = new Number[2][n];
        Number[][] ends = new Number[2][n];
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            Swing w = shown.get(i);
            categories[i] = w.path();
            starts[0][i] = Math.min(central, w.low());
            ends[0][i] = Math.max(central, w.low());
            starts[1][i] = Math.min(central, w.high());
            ends[1][i] = Math.max(central, w.high());
        }
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
                new String[] {"coefficient at its 2.5th percentile", "coefficient at its 97.5th percentile"},
                categories, starts, ends);
        IntervalBarRenderer renderer = new IntervalBarRenderer();
        renderer.setSeriesPaint(0, Charts.colour(0));
        renderer.setSeriesPaint(1, Charts.colour(1));
        CategoryAxis axis = new CategoryAxis();
        axis.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        axis.setMaximumCategoryLabelWidthRatio(0.6f);
        NumberAxis value = new NumberAxis("deaths averted per year (baseline " + e.baseline() + " minus scenario)");
        value.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, axis, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(central, Color.BLACK, new BasicStroke(1.5f)));
        JFreeChart chart = new JFreeChart(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14),
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int height = Math.max(Charts.HEIGHT, 120 + 28 * n);
        out.add(new Charts.Chart(FILE, title,
                "Deaths averted per year with one outcome coefficient at a time at the 2.5th or 97.5th percentile of "
                        + "its distribution (outcome.yaml, uncertainty), the others at their central values; the "
                        + "vertical line is the central result. Same simulated journeys throughout. The "
                        + MAX_ROWS + " widest swings are shown.", Charts.WIDTH, height,
                Charts.png(chart, Charts.WIDTH, height), chart));
    }

    private static double averted(ExperimentResults results, int s, int b, String metric) {
        Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(results.values(s, metric),
                results.values(b, metric)));
        return d.n() == 0 ? Double.NaN : -d.mean();
    }
}
