package org.acuteflow.optimise;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes an optimisation's results folder: {@code layouts.csv}, {@code objective_by_k.csv}, the chart of the
 * objective against k, the map of the selected layout against the base configuration (PNG and SVG) and
 * {@code report.md}. Every file is built from the results alone (no time stamps besides the timings).
 */
public final class OptimiseOutputs {
    /** Simulated metrics listed for every layout besides the selection metric (when the model reports them). */
    static final List<String> METRICS = List.of(Metrics.DEATHS_TOTAL.name(), Metrics.STROKE_DEATHS_90D.name(), Metrics.STROKE_TRAVEL_MINUTES_MEAN.name(),
            Metrics.STROKE_SHARE_WITHIN_30MIN.name(), Metrics.THROMBOLYSIS_RATE.name(), Metrics.HASU_OVERFLOWS_PER_YEAR.name(), Metrics.DIVERTS_PER_YEAR.name(),
            Metrics.EMERGENCY_DEATHS_30D.name());

    private OptimiseOutputs() {
    }

    /** The objective in its display unit: mean minutes, % covered, or deaths per year. */
    static double display(LocationProblem p, LocationInstance zones, double total) {
        return switch (p.objective().type()) {
            case P_MEDIAN -> total / zones.totalWeight();
            case MAX_COVERING -> 100 * total / zones.totalWeight();
            case EXPECTED_OUTCOME -> total;
        };
    }

    static String unit(LocationProblem p) {
        return switch (p.objective().type()) {
            case P_MEDIAN -> "mean minutes to the nearest unit (base blue-light minutes, weighted by "
                    + p.objective().weight().name().toLowerCase(Locale.ROOT) + ")";
            case MAX_COVERING -> "% of " + p.objective().weight().name().toLowerCase(Locale.ROOT) + " within "
                    + fmt(p.objective().withinMinutes()) + " minutes of a unit";
            case EXPECTED_OUTCOME -> "deaths per year attributable to travel (outcome model, linearised)";
        };
    }

    public static void write(Optimiser.Outcome o, Path dir, double totalSeconds) throws IOException {
        LocationProblem p = o.problem();
        LocationInstance zones = o.builder().zoneInstance(p.selection().k());
        writeLayouts(o, zones, dir.resolve("layouts.csv"));
        writeByK(o, dir.resolve("objective_by_k.csv"));
        JFreeChart byK = objectiveByK(o);
        save(byK, dir, "objective-by-k", 800, 480);
        save(map(o), dir, "map", 760, 760);
        Files.writeString(dir.resolve("report.md"), report(o, zones, totalSeconds), StandardCharsets.UTF_8);
    }

    private static void writeLayouts(Optimiser.Outcome o, LocationInstance zones, Path file) throws IOException {
        LocationProblem p = o.problem();
        String m = p.selection().metric();
        List<String> metrics = new ArrayList<>();
        metrics.add(m);
        METRICS.stream().filter(x -> !x.equals(m)).forEach(metrics::add);
        StringBuilder sb = new StringBuilder("rank,layout,k,sites,closed_candidates,static_objective,solver_objective,lp_bound,"
                + "proved_optimal,breaks,replications,eliminated_at_replication,selected");
        for (String x : metrics) {
            sb.append(',').append(x).append("_mean,").append(x).append("_low,").append(x).append("_high");
        }
        sb.append('\n');
        for (int i = 0; i < o.pool().size(); i++) {
            Optimiser.Scored s = o.pool().get(i);
            KimNelson.Result kn = o.selection();
            row(sb, String.valueOf(i + 1), "layout-" + (i + 1), s, p, zones,
                    kn == null ? 0 : kn.replications()[i], kn == null ? "" : kn.eliminatedAt()[i] == 0 ? ""
                            : String.valueOf(kn.eliminatedAt()[i]),
                    kn != null && kn.selected() == i, o.simulated().isEmpty() ? List.of() : o.simulated().get(i),
                    metrics);
        }
        for (Optimiser.Comparison c : o.comparisons()) {
            row(sb, "", c.label(), c.scored(), p, zones, c.simulated().size(), "", false, c.simulated(), metrics);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, String rank, String label, Optimiser.Scored s, LocationProblem p,
                            LocationInstance zones, int reps, String eliminated, boolean selected,
                            List<ReplicationResult> sim, List<String> metrics) {
        sb.append(rank).append(',').append(label).append(',').append(s.sites().size()).append(',')
                .append(String.join(" ", s.sites())).append(',').append(String.join(" ", closed(p, s.sites())))
                .append(',').append(fmt(display(p, zones, s.zoneObjective())))
                .append(',').append(fmt(display(p, zones, s.solverObjective()))).append(',')
                .append(fmt(display(p, zones, s.lpBound()))).append(',').append(s.optimal()).append(',')
                .append(String.join(" ", s.brokenConstraints())).append(',').append(reps).append(',')
                .append(eliminated).append(',').append(selected);
        for (String x : metrics) {
            Statistics.Interval iv = Statistics.interval95(values(sim, x));
            sb.append(',').append(fmt(iv.mean())).append(',').append(fmt(iv.low())).append(',').append(fmt(iv.high()));
        }
        sb.append('\n');
    }

    /** Candidates a layout leaves without the service (what a closure problem asks for). */
    static List<String> closed(LocationProblem p, List<String> sites) {
        List<String> out = new ArrayList<>(p.candidates());
        out.removeAll(sites);
        return out;
    }

    static double[] values(List<ReplicationResult> sim, String metric) {
        double[] v = new double[sim.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = sim.get(i).metrics().get(metric);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    private static void writeByK(Optimiser.Outcome o, Path file) throws IOException {
        LocationProblem p = o.problem();
        StringBuilder sb = new StringBuilder("k,static_objective,solver_objective,lp_bound,root_gap,proved_optimal,"
                + "solve_seconds,sites,infeasible\n");
        for (Optimiser.PerK k : o.perK()) {
            LocationInstance z = o.builder().zoneInstance(k.k());
            Optimiser.Scored s = k.best();
            if (s == null) {
                sb.append(k.k()).append(",,,,,,,,").append(org.acuteflow.network.Csv.quote(k.infeasibleBecause())).append('\n');
                continue;
            }
            double gap = Math.abs(s.solverObjective() - s.lpBound()) / Math.max(1e-12, Math.abs(s.solverObjective()));
            sb.append(k.k()).append(',').append(fmt(display(p, z, s.zoneObjective()))).append(',')
                    .append(fmt(display(p, z, s.solverObjective()))).append(',').append(fmt(display(p, z, s.lpBound())))
                    .append(',').append(fmt(gap)).append(',').append(s.optimal()).append(',')
                    .append(fmt(s.solveSeconds())).append(',').append(String.join(" ", s.sites())).append(",\n");
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static JFreeChart objectiveByK(Optimiser.Outcome o) {
        LocationProblem p = o.problem();
        XYSeries best = new XYSeries("optimum (all zones)");
        for (Optimiser.PerK k : o.perK()) {
            if (k.best() != null) {
                best.add(k.k(), display(p, o.builder().zoneInstance(k.k()), k.best().zoneObjective()));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(best);
        for (Optimiser.Comparison c : o.comparisons()) {
            if (!Double.isNaN(c.scored().zoneObjective())) {
                XYSeries s = new XYSeries(c.label());
                s.add(c.scored().sites().size(),
                        display(p, o.builder().zoneInstance(c.scored().sites().size()), c.scored().zoneObjective()));
                data.addSeries(s);
            }
        }
        NumberAxis x = new NumberAxis("k (units open)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(shortUnit(p));
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x0072B2));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            r.setSeriesLinesVisible(i, false);
            r.setSeriesPaint(i, new Color(0xD55E00));
            r.setSeriesShape(i, new Rectangle2D.Double(-6, -6, 12, 12));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(p.name() + ": best objective by k", new Font(Font.SANS_SERIF, Font.BOLD, 15),
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(unit(p), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }

    static String shortUnit(LocationProblem p) {
        return switch (p.objective().type()) {
            case P_MEDIAN -> "mean minutes to nearest unit";
            case MAX_COVERING -> "% within " + fmt(p.objective().withinMinutes()) + " min";
            case EXPECTED_OUTCOME -> "deaths per year from travel";
        };
    }

    /** Zones (grey), the base configuration's units (open squares) and the selected layout's units (dots). */
    private static JFreeChart map(Optimiser.Outcome o) {
        Service service = o.problem().service();
        Set<String> selected = new HashSet<>(o.selected().sites());
        for (Site s : o.builder().sites()) {
            if (!o.builder().zoneInstance(o.problem().selection().k()).counted()[o.builder().sites().indexOf(s)]) {
                selected.add(s.id()); // fixed-open units stay open in every layout
            }
        }
        XYSeries zones = new XYSeries("zones");
        for (Zone z : o.network().zones()) {
            zones.add(z.lon(), z.lat());
        }
        XYSeries base = new XYSeries("base: " + o.problem().baseConfiguration());
        XYSeries chosen = new XYSeries("selected layout");
        XYSeries candidates = new XYSeries("other candidates");
        Set<String> cand = Set.copyOf(o.problem().candidates());
        for (Site s : o.network().sites()) {
            if (s.offers(service)) {
                base.add(s.lon(), s.lat());
            }
            if (selected.contains(s.id())) {
                chosen.add(s.lon(), s.lat());
            } else if (cand.contains(s.id())) {
                candidates.add(s.lon(), s.lat());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(zones);
        data.addSeries(candidates);
        data.addSeries(base);
        data.addSeries(chosen);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Rectangle2D.Double(-1, -1, 2, 2));
        r.setSeriesPaint(0, new Color(0xC8C8C8));
        r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesPaint(1, new Color(0x777777));
        r.setSeriesShape(2, new Rectangle2D.Double(-8, -8, 16, 16));
        r.setSeriesShapesFilled(2, false);
        r.setSeriesPaint(2, new Color(0x0072B2));
        r.setSeriesStroke(2, new BasicStroke(2f));
        r.setSeriesShape(3, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesPaint(3, new Color(0xD55E00));
        NumberAxis x = new NumberAxis("longitude");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("latitude");
        y.setAutoRangeIncludesZero(false);
        // The map's extent is the zones' (sites outside the region would shrink it).
        double minLon = zones.getMinX();
        double maxLon = zones.getMaxX();
        double minLat = zones.getMinY();
        double maxLat = zones.getMaxY();
        x.setRange(minLon - 0.02, maxLon + 0.02);
        y.setRange(minLat - 0.02, maxLat + 0.02);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(o.problem().name() + ": selected layout vs base",
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("dots: selected " + service.key() + " units " + o.selected().sites()
                + "; open squares: " + o.problem().baseConfiguration(), new Font(Font.SANS_SERIF, Font.PLAIN, 10)));
        return chart;
    }

    private static void save(JFreeChart chart, Path dir, String name, int w, int h) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".png"))) {
            ChartUtils.writeChartAsPNG(out, chart, w, h);
        }
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        Files.writeString(dir.resolve(name + ".svg"), g.getSVGDocument(), StandardCharsets.UTF_8);
    }

    private static String report(Optimiser.Outcome o, LocationInstance zones, double totalSeconds) {
        LocationProblem p = o.problem();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(p.name()).append("\n\n");
        if (!p.description().isBlank()) {
            sb.append(p.description().trim()).append("\n\n");
        }
        sb.append("Service `").append(p.service().key()).append("`, base configuration `").append(p.baseConfiguration())
                .append("`, ").append(p.candidates().size()).append(" candidate sites, k = ").append(p.kMin())
                .append(p.kMax() == p.kMin() ? "" : ".." + p.kMax()).append(". Objective: ").append(unit(p))
                .append(".\n\n");
        sb.append("## Solver\n\n");
        sb.append(String.format(Locale.ROOT, "ojAlgo branch and bound on %d demand groups (from %d zones%s), %d sites. "
                        + "Solve time for every k and the pool of %d: %.2f s.%n%n", o.groups(), o.zones(),
                p.objective().type() == LocationProblem.ObjectiveType.MAX_COVERING
                        ? ", merged exactly by the sites within reach"
                        : p.aggregationKm() > 0 ? ", in " + fmt(p.aggregationKm()) + " km cells" : "",
                zones.sites(), o.pool().size(), o.solveSeconds()));
        sb.append("| k | optimum (all zones) | solver objective | LP bound | proved optimal | seconds | sites (candidates "
                + "without the service) |\n");
        sb.append("|---:|---:|---:|---:|---|---:|---|\n");
        for (Optimiser.PerK k : o.perK()) {
            LocationInstance z = o.builder().zoneInstance(k.k());
            if (k.best() == null) {
                sb.append("| ").append(k.k()).append(" | infeasible: ").append(k.infeasibleBecause())
                        .append(" | | | | | |\n");
                continue;
            }
            Optimiser.Scored s = k.best();
            sb.append("| ").append(k.k()).append(" | ").append(fmt(display(p, z, s.zoneObjective()))).append(" | ")
                    .append(fmt(display(p, z, s.solverObjective()))).append(" | ").append(fmt(display(p, z, s.lpBound())))
                    .append(" | ").append(s.optimal() ? "yes (gap <= " + MipSolver.GAP_TOLERANCE + ")" : "no")
                    .append(" | ").append(fmt(s.solveSeconds())).append(" | ").append(String.join(" ", s.sites()))
                    .append(" (").append(String.join(" ", closed(p, s.sites()))).append(") |\n");
        }
        sb.append("\n## Selection by simulation\n\n");
        KimNelson.Result kn = o.selection();
        LocationProblem.Selection sel = p.selection();
        if (kn == null) {
            sb.append("Not simulated (static scores only).\n\n");
        } else {
            Optimiser.Scored best = o.selected();
            sb.append(String.format(Locale.ROOT, "Kim-Nelson fully sequential procedure on common random numbers over the %d "
                            + "best layouts at k = %d, minimising `%s`: indifference zone %s, first stage %d replications "
                            + "of %s days (after %s days of warm-up), %d replications in all, %.1f s of simulation.%n%n",
                    o.pool().size(), sel.k(), sel.metric(), fmt(sel.indifference()), sel.firstStage(), fmt(sel.days()),
                    fmt(sel.warmupDays()), kn.totalReplications(), o.simulateSeconds()));
            sb.append("**Selected: layout-").append(kn.selected() + 1).append("** (").append(String.join(" ", best.sites()))
                    .append("; candidates without the service: ").append(String.join(" ", closed(p, best.sites())))
                    .append("), static objective ").append(fmt(display(p, zones, best.zoneObjective()))).append(", `")
                    .append(sel.metric()).append("` ").append(interval(o.simulated().get(kn.selected()), sel.metric()))
                    .append(".\n\n");
            if (kn.capped()) {
                sb.append("The replication cap (").append(sel.maxReplications()).append(") stopped the procedure before "
                        + "it finished: the probability guarantee does not hold; raise selection.max_replications.\n\n");
            } else {
                sb.append(String.format(Locale.ROOT, "If the best layout's mean `%s` is at least %s below every other "
                                + "layout's, it is the one selected with probability at least %s (Kim and Nelson 2001, "
                                + "normal outputs); layouts within %s of the best are equally acceptable.%n%n",
                        sel.metric(), fmt(sel.indifference()), fmt(sel.probability()), fmt(sel.indifference())));
            }
        }
        if (!o.comparisons().isEmpty()) {
            sb.append("## Comparison with named layouts\n\n");
            for (Optimiser.Comparison c : o.comparisons()) {
                Optimiser.Scored s = c.scored();
                int k = s.sites().size();
                Optimiser.PerK atK = k >= p.kMin() && k <= p.kMax() ? o.perK().get(k - p.kMin()) : null;
                LocationInstance z = o.builder().zoneInstance(k);
                sb.append("**").append(c.label()).append("** (").append(k).append(" units: ")
                        .append(String.join(" ", s.sites())).append("): objective ")
                        .append(fmt(display(p, z, s.zoneObjective())));
                if (atK != null && atK.best() != null) {
                    double diff = display(p, z, s.zoneObjective()) - display(p, z, atK.best().zoneObjective());
                    sb.append("; the best ").append(k).append(" under the same objective (")
                            .append(String.join(" ", atK.best().sites())).append(") ")
                            .append(fmt(display(p, z, atK.best().zoneObjective()))).append(" (difference ")
                            .append(fmt(diff)).append(")");
                    Set<String> common = new HashSet<>(s.sites());
                    common.retainAll(atK.best().sites());
                    sb.append("; ").append(common.size()).append(" of ").append(k).append(" sites in common");
                }
                sb.append(s.brokenConstraints().isEmpty() ? "; meets every constraint"
                        : "; breaks " + String.join(", ", s.brokenConstraints()));
                sb.append(".");
                if (kn != null && !c.simulated().isEmpty()) {
                    List<ReplicationResult> win = o.simulated().get(kn.selected());
                    int n = Math.min(win.size(), c.simulated().size());
                    double[] a = values(c.simulated().subList(0, n), sel.metric());
                    double[] b = values(win.subList(0, n), sel.metric());
                    Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(a, b));
                    sb.append(String.format(Locale.ROOT, " Simulated `%s` %s; minus the selected layout's (paired, %d "
                                    + "replications): %s (%s to %s).", sel.metric(), interval(c.simulated(), sel.metric()),
                            n, fmt(d.mean()), fmt(d.low()), fmt(d.high())));
                }
                sb.append("\n\n");
            }
        }
        sb.append(String.format(Locale.ROOT, "Total time to a selected layout: %.1f s (solve %.1f s, simulation %.1f s).%n",
                totalSeconds, o.solveSeconds(), o.simulateSeconds()));
        return sb.toString();
    }

    private static String interval(List<ReplicationResult> sim, String metric) {
        Statistics.Interval iv = Statistics.interval95(values(sim, metric));
        return fmt(iv.mean()) + " (95% interval " + fmt(iv.low()) + " to " + fmt(iv.high()) + ", " + iv.n()
                + " replications)";
    }
}
