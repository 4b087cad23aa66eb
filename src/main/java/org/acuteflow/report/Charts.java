package org.acuteflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.BaseNetwork;
import org.acuteflow.network.Boundaries;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.network.Projection;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;
import org.acuteflow.sim.WeekTime;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run's charts as PNG images of fixed pixel sizes. Every chart is built from the results alone, with fixed
 * colours, fonts and sizes and no time stamps, so the same results give the same bytes. A chart whose metric or
 * series the model did not report is left out (the report says so) rather than drawn empty.
 *
 * <p>Stateless and thread-safe: each call builds its own chart objects.
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    static final int HEAT_HEIGHT = 330;
    static final int MAP_SIZE = 760;
    static final int HOURS_PER_WEEK = WeekTime.HOURS_PER_WEEK;
    static final String[] DAYS = WeekTime.DAY_NAMES;

    /** Colour-blind-safe qualitative palette (Okabe-Ito), one colour per scenario in experiment order. */
    private static final Color[] SCENARIO_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /**
     * One chart of the run.
     *
     * @param file    file name under charts/
     * @param caption what the chart shows, for the report
     * @param source  the drawn chart, kept so that it can also be written as SVG on request
     */
    record Chart(String file, String title, String caption, int width, int height, byte[] png, JFreeChart source) {
        /** The file name without its {@code .png}. */
        private String baseName() {
            return file.replaceFirst("\\.png$", "");
        }

        /** The file name of the SVG version. */
        String svgFile() {
            return baseName() + ".svg";
        }

        /** The chart as an SVG document of the PNG's size. */
        String svg() {
            return Charts.svg(source, width, height, "af-" + baseName() + "-");
        }
    }

    /** A chart drawn as PNG now, and as SVG later if asked. */
    static Chart drawn(String file, String title, String caption, int width, int height, JFreeChart chart) {
        return new Chart(file, title, caption, width, height, png(chart, width, height), chart);
    }

    /** A chart the report would have shown and why it could not be drawn. */
    record Missing(String title, String reason) {
    }

    /** Per-scenario charts of a sweep are drawn for the base and this many of its highest-ranked scenarios. */
    static final int SWEEP_SCENARIOS_CHARTED = 3;

    /**
     * Which scenarios get charts of their own (heat maps, occupancy lines, maps). All of them, except in a
     * sweep, where dozens of near-identical scenarios would bury the few that matter: there, the base and the
     * highest-ranked by extra deaths (ranking.csv lists them all).
     */
    static boolean[] charted(ExperimentResults results) {
        boolean[] shown = new boolean[results.scenarios()];
        if (!results.experiment().isSweep() || results.scenarios() <= SWEEP_SCENARIOS_CHARTED + 1) {
            java.util.Arrays.fill(shown, true);
            return shown;
        }
        shown[results.experiment().baselineIndex()] = true;
        List<SweepRanking.Row> ranked = SweepRanking.rank(results);
        for (int i = 0; i < Math.min(SWEEP_SCENARIOS_CHARTED, ranked.size()); i++) {
            String name = ranked.get(i).scenario();
            for (int s = 0; s < shown.length; s++) {
                if (results.experiment().scenarios().get(s).name().equals(name)) {
                    shown[s] = true;
                }
            }
        }
        return shown;
    }

    /** Everything drawable from these results, in the order the report shows them. */
    static List<Chart> all(ExperimentResults results, List<Missing> missing) {
        List<Chart> out = new ArrayList<>();
        if (!java.util.Arrays.equals(charted(results), allTrue(results.scenarios()))) {
            missing.add(new Missing("Per-scenario charts of the other swept scenarios",
                    "a sweep charts its base and its " + SWEEP_SCENARIOS_CHARTED
                            + " highest-ranked scenarios only; ranking.csv and the tables cover every scenario"));
        }
        deathsByScenario(results, out, missing);
        deathsAverted(results, out, missing);
        TornadoChart.add(results, out, missing);
        sweepRanking(results, out);
        travelCumulative(results, out, missing);
        for (String[] s : new String[][] {{Metrics.SERIES_ARRIVALS_BY_HOUR_OF_WEEK.name(), "Arrivals", "arrivals"},
                {Metrics.SERIES_STROKE_ARRIVALS_BY_HOUR_OF_WEEK.name(), "Stroke arrivals", "stroke arrivals"},
                {Metrics.SERIES_DEATHS_BY_HOUR_OF_WEEK.name(), "Deaths", "deaths"}}) {
            heatMaps(results, s[0], s[1], s[2], out, missing);
        }
        occupancy(results, Metrics.SERIES_HASU_OCCUPANCY_BY_HOUR_OF_WEEK.name(), "HASU", out, missing);
        occupancy(results, Metrics.SERIES_ED_OCCUPANCY_BY_HOUR_OF_WEEK.name(), "Emergency department", out, missing);
        MapCharts.add(results, out, missing);
        return out;
    }

    private static boolean[] allTrue(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    // ---------------------------------------------------------------- deaths

    private static void deathsByScenario(ExperimentResults results, List<Chart> out, List<Missing> missing) {
        String title = "Deaths per year by scenario";
        Experiment e = results.experiment();
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        boolean any = false;
        for (int s = 0; s < results.scenarios(); s++) {
            Statistics.Interval ci = Statistics.interval95(results.values(s, MetricCatalog.DEATHS));
            if (ci.n() == 0) {
                continue;
            }
            any = true;
            data.add((Number) ci.mean(), ci.hasInterval() ? Double.valueOf(ci.halfWidth()) : null, "deaths per year",
                    e.scenarios().get(s).name());
        }
        if (!any) {
            missing.add(new Missing(title, "the model reported no " + MetricCatalog.DEATHS));
            return;
        }
        // Points, not bars, on an axis fitted to the values: 27,910 and 27,622 deaths would look alike from zero.
        CategoryAxis x = new CategoryAxis("scenario");
        NumberAxis y = new NumberAxis("deaths per year");
        y.setAutoRangeIncludesZero(false);
        org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer r =
                new org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, SCENARIO_COLOURS[0]);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        r.setErrorIndicatorPaint(Color.BLACK);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(title, TITLE_FONT, plot, false));
        out.add(drawn("deaths_per_year.png", title,
                "Mean deaths per year of each scenario (metric deaths_total); whiskers are the 95% Student-t interval "
                        + "over replications (none with one replication). The axis does not start at zero, so that "
                        + "differences between scenarios show; deaths_averted.png shows them directly.", WIDTH, HEIGHT,
                chart));
    }

    private static void deathsAverted(ExperimentResults results, List<Chart> out, List<Missing> missing) {
        if (results.scenarios() < 2) {
            return;
        }
        String title = "Deaths averted per year against the baseline";
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        boolean any = false;
        for (int s = 0; s < results.scenarios(); s++) {
            if (s == b) {
                continue;
            }
            Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(
                    results.values(s, MetricCatalog.DEATHS), results.values(b, MetricCatalog.DEATHS)));
            if (d.n() == 0) {
                continue;
            }
            any = true;
            // Averted is baseline minus scenario: the negated paired difference, with the same half-width.
            data.add((Number) (-d.mean()), d.hasInterval() ? Double.valueOf(d.halfWidth()) : null, "deaths averted per year",
                    e.scenarios().get(s).name());
        }
        if (!any) {
            missing.add(new Missing(title, "the model reported no " + MetricCatalog.DEATHS));
            return;
        }
        JFreeChart chart = barChart(title, "deaths averted per year (baseline " + e.baseline() + " minus scenario)", data);
        ((CategoryPlot) chart.getPlot()).addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        out.add(drawn("deaths_averted.png", title,
                "Deaths averted per year = baseline minus scenario, paired by replication (common random numbers); "
                        + "whiskers are the 95% interval of the paired difference. Above zero: fewer deaths than the "
                        + "baseline.", WIDTH, HEIGHT, chart));
    }

    /** Sweeps: extra deaths per year of each generated scenario, most harmful first (as in ranking.csv). */
    private static void sweepRanking(ExperimentResults results, List<Chart> out) {
        if (!results.experiment().isSweep() || results.scenarios() < 2) {
            return;
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<SweepRanking.Row> rows = SweepRanking.rank(results);
        for (SweepRanking.Row row : rows) {
            Statistics.Interval d = row.extraDeaths();
            if (d.n() > 0) {
                data.add((Number) d.mean(), d.hasInterval() ? Double.valueOf(d.halfWidth()) : null,
                        "extra deaths per year", row.scenario());
            }
        }
        if (data.getColumnCount() == 0) {
            return;
        }
        String title = "Sweep ranking: extra deaths per year against the base";
        JFreeChart chart = barChart(title, "extra deaths per year (scenario minus base)", data);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        ((StatisticalBarRenderer) plot.getRenderer()).setMaximumBarWidth(0.6);
        int height = Math.max(HEIGHT, 120 + 22 * data.getColumnCount());
        out.add(drawn("sweep_ranking.png", title,
                "Each swept scenario minus the unmodified base, paired by replication; whiskers are 95% intervals. "
                        + "Ordered as ranking.csv: most extra deaths first.", WIDTH, height, chart));
    }

    private static JFreeChart barChart(String title, String valueLabel, DefaultStatisticalCategoryDataset data) {
        CategoryAxis x = new CategoryAxis("scenario");
        NumberAxis y = new NumberAxis(valueLabel);
        y.setAutoRangeIncludesZero(true);
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setSeriesPaint(0, SCENARIO_COLOURS[0]);
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return finish(new JFreeChart(title, TITLE_FONT, plot, false));
    }

    // ---------------------------------------------------------------- travel time distribution

    private static void travelCumulative(ExperimentResults results, List<Chart> out, List<Missing> missing) {
        String title = "Stroke travel time to hospital: cumulative share";
        String name = Metrics.SERIES_STROKE_TRAVEL_MINUTES_HISTOGRAM.name();
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> drawn = new ArrayList<>();
        for (int s = 0; s < results.scenarios(); s++) {
            double[] h = results.seriesMean(s, name);
            if (h == null) {
                continue;
            }
            double total = 0;
            for (double v : h) {
                total += v;
            }
            if (!(total > 0)) {
                continue;
            }
            XYSeries line = new XYSeries(results.experiment().scenarios().get(s).name(), false, false);
            line.add(0, 0);
            double cumulative = 0;
            // Bin i holds journeys of [i, i+1) minutes, so the running total after bin i is the share within
            // i + 1 minutes; the last bin (120 minutes or more) has no upper edge and is not drawn.
            for (int i = 0; i < Math.min(h.length - 1, 120); i++) {
                cumulative += h[i];
                line.add(i + 1, 100 * cumulative / total);
            }
            data.addSeries(line);
            drawn.add(s);
        }
        if (drawn.isEmpty()) {
            missing.add(new Missing(title, "the model reported no " + name));
            return;
        }
        NumberAxis x = new NumberAxis("minutes from scene to stroke hospital (at most)");
        x.setRange(0, 120);
        x.setTickUnit(new NumberTickUnit(15));
        NumberAxis y = new NumberAxis("share of strokes arriving within (%)");
        y.setRange(0, 100);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < drawn.size(); i++) {
            r.setSeriesPaint(i, colour(drawn.get(i)));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        for (int m : new int[] {30, 45}) {
            ValueMarker marker = new ValueMarker(m, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
            marker.setLabel(m + " min");
            marker.setLabelFont(SMALL_FONT);
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(marker);
        }
        JFreeChart chart = finish(new JFreeChart(title, TITLE_FONT, plot, true));
        out.add(drawn("stroke_travel_cumulative.png", title,
                "Share of stroke patients reaching the hospital they were taken to within each number of minutes "
                        + "(series stroke_travel_minutes_histogram, mean over replications). Dashed lines at 30 and "
                        + "45 minutes.", WIDTH, HEIGHT, chart));
    }

    // ---------------------------------------------------------------- hour x weekday

    private static void heatMaps(ExperimentResults results, String name, String what, String unit, List<Chart> out,
                                 List<Missing> missing) {
        double max = 0;
        boolean any = false;
        for (int s = 0; s < results.scenarios(); s++) {
            double[] v = results.seriesMean(s, name);
            if (v != null && v.length >= HOURS_PER_WEEK) {
                any = true;
                for (int i = 0; i < HOURS_PER_WEEK; i++) {
                    if (Double.isFinite(v[i])) {
                        max = Math.max(max, v[i]);
                    }
                }
            }
        }
        if (!any) {
            missing.add(new Missing(what + " by hour and weekday", "the model reported no " + name + " (168 cells)"));
            return;
        }
        // One colour scale for every scenario, so equal colours mean equal values across the maps.
        PaintScale scale = GradientScale.sequential(0, max > 0 ? max : 1);
        boolean[] shown = charted(results);
        for (int s = 0; s < results.scenarios(); s++) {
            double[] v = results.seriesMean(s, name);
            String scenario = results.experiment().scenarios().get(s).name();
            if (v == null || v.length < HOURS_PER_WEEK || !shown[s]) {
                continue;
            }
            double[][] xyz = new double[3][HOURS_PER_WEEK];
            for (int i = 0; i < HOURS_PER_WEEK; i++) {
                xyz[0][i] = i % 24;
                // Monday at the top: the axis runs upwards, so Monday takes the highest row.
                xyz[1][i] = 6 - i / 24;
                xyz[2][i] = v[i];
            }
            DefaultXYZDataset data = new DefaultXYZDataset();
            data.addSeries(name, xyz);
            NumberAxis x = new NumberAxis("hour of day");
            x.setRange(-0.5, 23.5);
            x.setTickUnit(new NumberTickUnit(1));
            String[] rows = new String[7];
            for (int d = 0; d < 7; d++) {
                rows[d] = DAYS[6 - d];
            }
            SymbolAxis y = new SymbolAxis(null, rows);
            y.setRange(-0.5, 6.5);
            y.setGridBandsVisible(false);
            XYBlockRenderer r = new XYBlockRenderer();
            r.setPaintScale(scale);
            XYPlot plot = new XYPlot(data, x, y, r);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            String title = what + " by hour and weekday: " + scenario;
            JFreeChart chart = finish(new JFreeChart(title, TITLE_FONT, plot, false));
            chart.addSubtitle(legend(scale, unit + " per cell"));
            out.add(drawn(slug(name) + "_" + scenario + ".png", title,
                    what + " in each hour of the week (series " + name + ", mean over replications), scenario "
                            + scenario + ". The colour scale is shared by all scenarios.",
                    WIDTH, HEAT_HEIGHT, chart));
        }
    }

    private static String slug(String seriesName) {
        return seriesName.replace("_by_hour_of_week", "_hour_weekday");
    }

    private static void occupancy(ExperimentResults results, String name, String unit, List<Chart> out,
                                  List<Missing> missing) {
        String title = unit + " occupancy over the week";
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> drawn = new ArrayList<>();
        boolean[] shown = charted(results);
        for (int s = 0; s < results.scenarios(); s++) {
            double[] v = results.seriesMean(s, name);
            if (v == null || v.length < HOURS_PER_WEEK || !shown[s]) {
                continue;
            }
            XYSeries line = new XYSeries(results.experiment().scenarios().get(s).name(), false, false);
            for (int i = 0; i < HOURS_PER_WEEK; i++) {
                if (Double.isFinite(v[i])) {
                    line.add(i, v[i]);
                }
            }
            data.addSeries(line);
            drawn.add(s);
        }
        if (drawn.isEmpty()) {
            missing.add(new Missing(title, "the model reported no " + name + " (168 cells)"));
            return;
        }
        NumberAxis x = new NumberAxis("hour of the week");
        x.setRange(0, HOURS_PER_WEEK);
        x.setTickUnit(new NumberTickUnit(24, new DayFormat()));
        NumberAxis y = new NumberAxis("occupied beds (mean)");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < drawn.size(); i++) {
            r.setSeriesPaint(i, colour(drawn.get(i)));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = finish(new JFreeChart(title, TITLE_FONT, plot, true));
        out.add(drawn(name.replace("_by_hour_of_week", "_week") + ".png", title,
                unit + " beds occupied in each hour of the week (series " + name + ", mean over replications); "
                        + "ticks mark midnight at the start of each day.", WIDTH, HEIGHT, chart));
    }

    /** Labels hour-of-week ticks (multiples of 24) with the weekday starting there. */
    private static final class DayFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long hour = Math.round(number);
            int day = (int) Math.floorMod(hour / WeekTime.HOURS_PER_DAY, (long) WeekTime.DAYS_PER_WEEK);
            return to.append(hour % WeekTime.HOURS_PER_DAY == 0 && hour < HOURS_PER_WEEK ? DAYS[day] + " 00:00" : "");
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    // ---------------------------------------------------------------- common

    static Color colour(int scenario) {
        return SCENARIO_COLOURS[scenario % SCENARIO_COLOURS.length];
    }

    static PaintScaleLegend legend(PaintScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setLabelFont(SMALL_FONT);
        axis.setTickLabelFont(SMALL_FONT);
        PaintScaleLegend l = new PaintScaleLegend(scale, axis);
        l.setPosition(RectangleEdge.RIGHT);
        l.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        l.setStripWidth(14);
        l.setSubdivisionCount(100);
        l.setMargin(new RectangleInsets(8, 8, 8, 8));
        l.setFrame(BlockBorder.NONE);
        return l;
    }

    static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(SMALL_FONT);
        }
        TextTitle t = chart.getTitle();
        t.setPaint(Color.BLACK);
        return chart;
    }

    /**
     * An SVG document of the chart at {@code width} x {@code height} (JFreeSVG). Definition ids start with
     * {@code idPrefix} (JFreeSVG's default is the clock's nanoseconds), so the same chart gives the same text and
     * several charts can be inlined in one page without their ids clashing.
     */
    static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** PNG bytes. ImageIO's PNG writer stores no time or text chunks, so equal images give equal bytes. */
    static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An explicit in-memory stream: ImageIO.write would otherwise buffer through temporary files, and
        // turning that off is a JVM-wide setting other threads may rely on.
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A colour ramp over [lower, upper]; values outside are clamped, NaN is light grey (no value). */
    static final class GradientScale implements PaintScale {
        private final double lower;
        private final double upper;
        private final Color[] stops;

        private GradientScale(double lower, double upper, Color... stops) {
            this.lower = lower;
            this.upper = upper > lower ? upper : lower + 1;
            this.stops = stops;
        }

        /** Light yellow to dark purple (viridis-like, reversed so that more is darker). */
        static GradientScale sequential(double lower, double upper) {
            return new GradientScale(lower, upper, new Color(0xFDE725), new Color(0x5EC962), new Color(0x21918C),
                    new Color(0x3B528B), new Color(0x440154));
        }

        /** Blue below zero, white at zero, red above. */
        static GradientScale diverging(double lower, double upper) {
            return new GradientScale(lower, upper, new Color(0x2166AC), new Color(0x92C5DE), new Color(0xF7F7F7),
                    new Color(0xF4A582), new Color(0xB2182B));
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return new Color(0xCCCCCC);
            }
            double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (stops.length - 1);
            int i = Math.min((int) Math.floor(f), stops.length - 2);
            double w = f - i;
            Color a = stops[i];
            Color b = stops[i + 1];
            return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
        }
    }
}
