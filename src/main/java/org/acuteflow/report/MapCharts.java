package org.acuteflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.BaseNetwork;
import org.acuteflow.network.Boundaries;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.network.Projection;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The report's maps: zones (their polygons, or Voronoi cells when the network has no boundary files) coloured by a
 * value, area (borough) outlines, and the sites on top, by service, with hospital names placed where they overlap
 * neither another name nor a marker (names that find no room are left out; the report's site tables list every
 * site), a legend and a scale bar. Two families, each with a change map per scenario against the baseline: minutes
 * to the stroke hospital the configuration chooses, and minutes to the nearest open type-1 A&E. Stateless.
 */
final class MapCharts {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font CHANGED_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color CHANGED = new Color(0xA4000F);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);
    /** Half the size of a site marker in pixels, with a margin: names keep this far from every marker's centre. */
    private static final double MARKER_HALF = 6;

    private MapCharts() {
    }

    /** How the sites of one family of maps are grouped (legend entries, marker shapes), in drawing priority. */
    private enum Kind {
        STROKE(List.of(
                new Group("open, with a HASU", triangle(12), Color.BLACK),
                new Group("open, stroke unit (no HASU)", square(8), Color.BLACK),
                new Group("open, no stroke unit", square(8), Color.WHITE),
                new Group("closed", cross(9), Color.BLACK))) {
            @Override
            int group(Site s) {
                return !s.open() ? 3 : s.offers(Service.HASU) ? 0 : s.offers(Service.STROKE_UNIT) ? 1 : 2;
            }
        },
        AE(List.of(
                new Group("major trauma centre", diamond(12), Color.BLACK),
                new Group("type-1 A&E", circle(9), Color.BLACK),
                new Group("open, no type-1 A&E", square(8), Color.WHITE),
                new Group("closed", cross(9), Color.BLACK))) {
            @Override
            int group(Site s) {
                return !s.open() ? 3 : s.offers(Service.MTC) ? 0 : s.offers(Service.TYPE1_AE) ? 1 : 2;
            }
        };

        final List<Group> groups;

        Kind(List<Group> groups) {
            this.groups = groups;
        }

        abstract int group(Site s);
    }

    /** A legend group: its name, marker shape and fill (outlined in the other of black and white). */
    private record Group(String name, Shape shape, Color fill) {
        Color outline() {
            return fill.equals(Color.WHITE) ? Color.BLACK : Color.WHITE;
        }
    }

    /** The stroke travel maps and the A&E access maps, for every charted scenario. */
    static void add(ExperimentResults results, List<Charts.Chart> out, List<Charts.Missing> missing) {
        Boundaries shapes = boundaries(results);
        strokeMaps(results, shapes, out, missing);
        aeMaps(results, shapes, out, missing);
    }

    private static void strokeMaps(ExperimentResults results, Boundaries shapes, List<Charts.Chart> out,
                                   List<Charts.Missing> missing) {
        String name = Metrics.SERIES_ZONE_STROKE_TRAVEL_MINUTES_BASE.name();
        int n = results.scenarios();
        double[][] minutes = new double[n][];
        boolean[] shown = Charts.charted(results);
        for (int s = 0; s < n; s++) {
            Network net = results.model(s).network();
            double[] v = results.seriesMean(s, name);
            if (shown[s] && net != null && v != null && v.length == net.zones().size() && !net.zones().isEmpty()) {
                minutes[s] = v;
            }
        }
        if (java.util.Arrays.stream(minutes).allMatch(java.util.Objects::isNull)) {
            missing.add(new Charts.Missing("Maps of stroke travel minutes",
                    "the model reported no " + name + " matching a network's zones"));
            return;
        }
        family(results, shapes, Kind.STROKE, minutes, 10, "map_stroke_travel_", "Stroke travel minutes by zone",
                "Change in stroke travel minutes", "minutes to stroke hospital",
                "Zones coloured by base (off-peak, blue-light) minutes to the stroke hospital the configuration chooses "
                        + "for the zone (series " + name + ")", out, missing);
    }

    private static void aeMaps(ExperimentResults results, Boundaries shapes, List<Charts.Chart> out,
                               List<Charts.Missing> missing) {
        int n = results.scenarios();
        double[][] minutes = new double[n][];
        boolean[] shown = Charts.charted(results);
        for (int s = 0; s < n; s++) {
            Network net = results.model(s).network();
            if (shown[s] && net != null && !net.zones().isEmpty()) {
                minutes[s] = nearestOpen(net, Service.TYPE1_AE);
            }
        }
        if (java.util.Arrays.stream(minutes).allMatch(java.util.Objects::isNull)) {
            missing.add(new Charts.Missing("Maps of A&E access", "the scenarios have no network with zones"));
            return;
        }
        family(results, shapes, Kind.AE, minutes, 5, "map_ae_access_", "Minutes to the nearest type-1 A&E",
                "Change in minutes to the nearest type-1 A&E", "minutes to nearest A&E",
                "Zones coloured by base (off-peak, blue-light) minutes to the nearest open type-1 A&E in the "
                        + "scenario's configuration (from the network's travel times)", out, missing);
    }

    /** Base minutes from each zone to the nearest open site offering {@code service}; NaN when none does. */
    static double[] nearestOpen(Network net, Service service) {
        double[] out = new double[net.zones().size()];
        java.util.Arrays.fill(out, Double.NaN);
        for (Site s : net.sites()) {
            if (!s.open() || !s.offers(service)) {
                continue;
            }
            for (Zone z : net.zones()) {
                double m = net.travel().zoneToSite(z.index(), s.index());
                if (Double.isFinite(m) && !(m >= out[z.index()])) {
                    out[z.index()] = m;
                }
            }
        }
        return out;
    }

    /** One map per scenario on a shared colour scale, then a change map per scenario against the baseline. */
    private static void family(ExperimentResults results, Boundaries shapes, Kind kind, double[][] values, double step,
                               String prefix, String title, String changeTitle, String unit, String what,
                               List<Charts.Chart> out, List<Charts.Missing> missing) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        double max = 0;
        for (double[] v : values) {
            for (double m : v == null ? new double[0] : v) {
                if (Double.isFinite(m)) {
                    max = Math.max(max, m);
                }
            }
        }
        PaintScale scale = Charts.GradientScale.sequential(0, Math.max(step, Math.ceil(max / step) * step));
        Network base = results.model(b).network();
        for (int s = 0; s < values.length; s++) {
            if (values[s] == null) {
                continue;
            }
            String scenario = e.scenarios().get(s).name();
            Network net = results.model(s).network();
            MapChart m = map(title + ": " + scenario, net, values[s], scale, unit, shapes,
                    results.seriesMean(s, Metrics.SERIES_SITE_ADMISSIONS.name()), kind, s == b ? null : base);
            out.add(Charts.drawn(prefix + scenario + ".png", title + ": " + scenario, what + ", scenario " + scenario
                    + ". " + m.caption(), Charts.MAP_SIZE, Charts.MAP_SIZE, m.chart()));
        }
        if (values[b] == null) {
            return;
        }
        for (int s = 0; s < values.length; s++) {
            if (s == b || values[s] == null) {
                continue;
            }
            double[] change = changeByZoneId(results.model(s).network(), values[s], base, values[b]);
            double worst = 0;
            for (double c : change) {
                if (Double.isFinite(c)) {
                    worst = Math.max(worst, Math.abs(c));
                }
            }
            String scenario = e.scenarios().get(s).name();
            String t = changeTitle + ": " + scenario + " minus " + e.baseline();
            if (kind == Kind.AE && worst == 0) {
                missing.add(new Charts.Missing(t, "no zone's minutes to the nearest type-1 A&E change"));
                continue;
            }
            worst = Math.max(1, Math.ceil(worst));
            MapChart m = map(t, results.model(s).network(), change, Charts.GradientScale.diverging(-worst, worst),
                    "change in minutes (negative = quicker)", shapes, results.seriesMean(s, Metrics.SERIES_SITE_ADMISSIONS.name()), kind,
                    base);
            out.add(Charts.drawn(prefix + "change_" + scenario + ".png", t, "Change in those minutes, scenario "
                    + scenario + " minus baseline " + e.baseline() + ", by zone: blue zones are quicker to reach, red "
                    + "slower. " + m.caption(), Charts.MAP_SIZE, Charts.MAP_SIZE, m.chart()));
        }
    }

    /** Scenario minus baseline per zone of the scenario's network, matching zones by id (NaN where unmatched). */
    private static double[] changeByZoneId(Network net, double[] values, Network base, double[] baseValues) {
        Map<String, Integer> baseIndex = new HashMap<>();
        for (Zone z : base.zones()) {
            baseIndex.put(z.id(), z.index());
        }
        double[] change = new double[values.length];
        for (Zone z : net.zones()) {
            Integer j = baseIndex.get(z.id());
            change[z.index()] = j == null || j >= baseValues.length ? Double.NaN : values[z.index()] - baseValues[j];
        }
        return change;
    }

    /**
     * Zone and area polygons for the maps: the network's boundary files, or Voronoi cells of the zone centroids when
     * it has none (or its folder cannot be read, as for networks built in memory).
     */
    static Boundaries boundaries(ExperimentResults results) {
        Network ref = GeoJson.referenceNetwork(results);
        if (ref == null) {
            return null;
        }
        try {
            BaseNetwork base = NetworkLoader.loadBase(results.experiment().networkDir());
            if (base.zones().size() == ref.zones().size()) {
                return Boundaries.of(base);
            }
        } catch (RuntimeException e) {
            // fall through to derived cells
        }
        return Boundaries.derive(ref.zones());
    }

    /** A site is drawn when it lies among the zones or received patients: far sites nobody used are left out. */
    private static boolean drawnSite(Site s, double[] admissions, double minLat, double maxLat, double minLon,
                                     double maxLon) {
        boolean inside = s.lat() >= minLat && s.lat() <= maxLat && s.lon() >= minLon && s.lon() <= maxLon;
        double a = admissions == null || s.index() >= admissions.length ? Double.NaN : admissions[s.index()];
        return inside || a > 0;
    }

    /** Sites whose opening or services differ from the baseline's (by site id). */
    private static java.util.Set<String> changedSites(Network net, Network base) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (base == null) {
            return out;
        }
        Map<String, Site> before = new HashMap<>();
        base.sites().forEach(s -> before.put(s.id(), s));
        for (Site s : net.sites()) {
            Site b = before.get(s.id());
            if (b == null || b.open() != s.open() || !b.services().equals(s.services())) {
                out.add(s.id());
            }
        }
        return out;
    }

    private record MapChart(JFreeChart chart, String caption) {
    }

    private static MapChart map(String title, Network net, double[] zoneValues, PaintScale scale, String legend,
                                Boundaries shapes, double[] siteAdmissions, Kind kind, Network baseline) {
        List<Zone> zones = net.zones();
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (Zone z : zones) {
            minLat = Math.min(minLat, z.lat());
            maxLat = Math.max(maxLat, z.lat());
            minLon = Math.min(minLon, z.lon());
            maxLon = Math.max(maxLon, z.lon());
        }
        List<Site> drawnSites = new ArrayList<>();
        int leftOut = 0;
        for (Site s : net.sites()) {
            if (drawnSite(s, siteAdmissions, minLat, maxLat, minLon, maxLon)) {
                drawnSites.add(s);
            } else {
                leftOut++;
            }
        }
        for (Site s : drawnSites) {
            minLat = Math.min(minLat, s.lat());
            maxLat = Math.max(maxLat, s.lat());
            minLon = Math.min(minLon, s.lon());
            maxLon = Math.max(maxLon, s.lon());
        }
        Projection p = Projection.centredOn((minLat + maxLat) / 2, (minLon + maxLon) / 2);
        double[][] xyz = new double[3][zones.size()];
        for (Zone z : zones) {
            xyz[0][z.index()] = p.x(z.lon());
            xyz[1][z.index()] = p.y(z.lat());
            xyz[2][z.index()] = zoneValues[z.index()];
        }
        DefaultXYZDataset zoneData = new DefaultXYZDataset();
        zoneData.addSeries("zones", xyz);
        XYShapeRenderer zr = new XYShapeRenderer();
        zr.setPaintScale(scale);
        zr.setDrawOutlines(true);
        zr.setUseOutlinePaint(true);
        zr.setSeriesOutlinePaint(0, new Color(0x999999));
        zr.setSeriesOutlineStroke(0, new BasicStroke(0.5f));
        zr.setSeriesVisibleInLegend(0, false);
        // Without polygons, zones are squares at their centroids that shrink as zones multiply.
        double size = Math.max(3, Math.min(16, 500 / Math.sqrt(Math.max(1, zones.size()))));
        zr.setSeriesShape(0, new Rectangle2D.Double(-size / 2, -size / 2, size, size));
        if (shapes != null) {
            // Polygons under the sites; the centroids then only fix the axes' range.
            zr.setSeriesShape(0, new Rectangle2D.Double(0, 0, 0, 0));
            zr.setDrawOutlines(false);
            BasicStroke thin = new BasicStroke(0.25f);
            for (Zone z : zones) {
                org.locationtech.jts.geom.Geometry g = shapes.zones().get(z.id());
                if (g != null) {
                    double v = zoneValues[z.index()];
                    Paint fill = Double.isFinite(v) ? scale.getPaint(v) : new Color(0xDDDDDD);
                    zr.addAnnotation(new XYShapeAnnotation(path(g, p), thin, new Color(0xB0B0B0), fill),
                            Layer.BACKGROUND);
                }
            }
            BasicStroke outline = new BasicStroke(1.2f);
            for (org.locationtech.jts.geom.Geometry g : shapes.areas().values()) {
                zr.addAnnotation(new XYShapeAnnotation(path(g, p), outline, new Color(0x34495E), null),
                        Layer.BACKGROUND);
            }
        }

        List<List<Site>> groups = new ArrayList<>();
        kind.groups.forEach(g -> groups.add(new ArrayList<>()));
        for (Site s : drawnSites) {
            groups.get(kind.group(s)).add(s);
        }
        DefaultXYDataset siteData = new DefaultXYDataset();
        XYLineAndShapeRenderer sr = new XYLineAndShapeRenderer(false, true);
        sr.setUseFillPaint(true);
        sr.setDrawOutlines(true);
        sr.setUseOutlinePaint(true);
        LegendItemCollection items = new LegendItemCollection();
        BasicStroke markerOutline = new BasicStroke(1.2f);
        for (int g = 0; g < groups.size(); g++) {
            List<Site> sites = groups.get(g);
            if (sites.isEmpty()) {
                continue;
            }
            double[][] xy = new double[2][sites.size()];
            for (int i = 0; i < sites.size(); i++) {
                xy[0][i] = p.x(sites.get(i).lon());
                xy[1][i] = p.y(sites.get(i).lat());
            }
            Group group = kind.groups.get(g);
            int series = siteData.getSeriesCount();
            siteData.addSeries(group.name(), xy);
            sr.setSeriesShape(series, group.shape());
            sr.setSeriesPaint(series, group.fill());
            sr.setSeriesFillPaint(series, group.fill());
            sr.setSeriesOutlinePaint(series, group.outline());
            sr.setSeriesOutlineStroke(series, markerOutline);
            items.add(new LegendItem(group.name(), null, null, null, group.shape(), group.fill(), markerOutline,
                    Color.BLACK));
        }
        if (shapes != null && !shapes.areas().isEmpty()) {
            items.add(new LegendItem("area (borough) outline", null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(1.6f), new Color(0x34495E)));
        }
        java.util.Set<String> changed = changedSites(net, baseline);
        if (drawnSites.stream().anyMatch(s -> changed.contains(s.id()))) {
            items.add(new LegendItem("bold red name: changed against the baseline", null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), CHANGED, markerOutline, CHANGED));
        }
        NumberAxis x = new NumberAxis("km east of centre");
        NumberAxis y = new NumberAxis("km north of centre");
        XYPlot plot = new XYPlot(zoneData, x, y, zr);
        plot.setDataset(1, siteData);
        plot.setRenderer(1, sr);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setFixedLegendItems(items);
        JFreeChart chart = Charts.finish(new JFreeChart(title, Charts.TITLE_FONT, plot, true));
        plot.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(Charts.legend(scale, legend));
        if (shapes != null && shapes.derived()) {
            chart.addSubtitle(new TextTitle(
                    "Zones drawn as Voronoi cells of their centroids (the network has no boundary files)", SMALL_FONT));
        }
        Rectangle2D area = fit(chart);
        Frame frame = new Frame(area, x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound());
        Rectangle2D bar = scaleBar(sr, frame);
        List<Label> wanted = new ArrayList<>();
        for (Site s : drawnSites) {
            String text = shortName(s.name()) + (s.open() ? "" : " (closed)");
            wanted.add(new Label(s, text, changed.contains(s.id()), frame.px(p.x(s.lon())), frame.py(p.y(s.lat()))));
        }
        double[] admissions = siteAdmissions;
        wanted.sort(Comparator.comparing((Label l) -> !l.changed()).thenComparingInt(l -> kind.group(l.site()))
                .thenComparing(Comparator.comparingDouble((Label l) -> admissions == null
                        || l.site().index() >= admissions.length ? 0 : -admissions[l.site().index()]))
                .thenComparing(l -> l.site().id()));
        List<Rectangle2D> obstacles = new ArrayList<>();
        obstacles.add(bar);
        for (Label l : wanted) {
            obstacles.add(new Rectangle2D.Double(l.cx() - MARKER_HALF, l.cy() - MARKER_HALF, 2 * MARKER_HALF,
                    2 * MARKER_HALF));
        }
        List<Placed> placed = place(wanted, area, obstacles);
        for (Placed pl : placed) {
            XYTextAnnotation a = new XYTextAnnotation(pl.label().text(), frame.x(pl.box().getX()),
                    frame.y(pl.box().getY()));
            a.setTextAnchor(TextAnchor.TOP_LEFT);
            a.setFont(pl.label().changed() ? CHANGED_FONT : LABEL_FONT);
            a.setPaint(pl.label().changed() ? CHANGED : Color.BLACK);
            a.setBackgroundPaint(LABEL_BACKGROUND);
            sr.addAnnotation(a, Layer.FOREGROUND);
        }
        int unnamed = wanted.size() - placed.size();
        String caption = "Sites by service (legend); names are placed where they overlap no other name or marker"
                + (unnamed > 0 ? " (" + unnamed + " of " + wanted.size() + " sites had no room for a name: the Sites "
                + "table lists every site)" : "") + (leftOut > 0 ? "; " + leftOut + " sites outside the zones that "
                + "received nobody are left out" : "") + ". Dark lines: area (borough) outlines. Distances in km from the "
                + "map centre (equirectangular, corrected by the cosine of latitude); the bar at the bottom left is "
                + "the scale.";
        return new MapChart(chart, caption);
    }

    /** A site's wanted name and its marker's centre in pixels. */
    record Label(Site site, String text, boolean changed, double cx, double cy) {
    }

    /** A name placed: its box in pixels (top-left corner, width, height). */
    record Placed(Label label, Rectangle2D box) {
    }

    /**
     * Places names greedily in the given order: each takes the first of eight positions around its marker whose box
     * lies inside the area and overlaps neither a placed name nor an obstacle (markers, scale bar); a name with no
     * such position is left out. Deterministic: same labels, same boxes.
     */
    static List<Placed> place(List<Label> labels, Rectangle2D area, List<Rectangle2D> obstacles) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        List<Placed> out = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        try {
            for (Label l : labels) {
                FontMetrics fm = g.getFontMetrics(l.changed() ? CHANGED_FONT : LABEL_FONT);
                double w = fm.stringWidth(l.text()) + 2;
                double h = fm.getAscent() + fm.getDescent();
                double gap = MARKER_HALF + 1;
                double[][] corners = {
                    {l.cx() + gap, l.cy() - h / 2}, {l.cx() - gap - w, l.cy() - h / 2},
                    {l.cx() - w / 2, l.cy() - gap - h}, {l.cx() - w / 2, l.cy() + gap},
                    {l.cx() + gap - 2, l.cy() - gap - h + 2}, {l.cx() + gap - 2, l.cy() + gap - 2},
                    {l.cx() - gap - w + 2, l.cy() - gap - h + 2}, {l.cx() - gap - w + 2, l.cy() + gap - 2}};
                for (double[] c : corners) {
                    Rectangle2D box = new Rectangle2D.Double(c[0], c[1], w, h);
                    if (fits(box, area, taken, obstacles, l)) {
                        out.add(new Placed(l, box));
                        taken.add(box);
                        break;
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean fits(Rectangle2D box, Rectangle2D area, List<Rectangle2D> taken,
                                List<Rectangle2D> obstacles, Label l) {
        if (box.getMinX() < area.getMinX() + 2 || box.getMaxX() > area.getMaxX() - 2
                || box.getMinY() < area.getMinY() + 2 || box.getMaxY() > area.getMaxY() - 2) {
            return false;
        }
        Rectangle2D grown = new Rectangle2D.Double(box.getX() - 1, box.getY() - 1, box.getWidth() + 2,
                box.getHeight() + 2);
        for (Rectangle2D t : taken) {
            if (grown.intersects(t)) {
                return false;
            }
        }
        for (Rectangle2D o : obstacles) {
            if (box.intersects(o)) {
                return false;
            }
        }
        return true;
    }

    /** The data area in pixels and the axes' ranges in km, to convert between them. */
    private record Frame(Rectangle2D area, double x0, double x1, double y0, double y1) {
        double px(double km) {
            return area.getMinX() + (km - x0) / (x1 - x0) * area.getWidth();
        }

        double py(double km) {
            return area.getMaxY() - (km - y0) / (y1 - y0) * area.getHeight();
        }

        double x(double px) {
            return x0 + (px - area.getMinX()) / area.getWidth() * (x1 - x0);
        }

        double y(double py) {
            return y0 + (area.getMaxY() - py) / area.getHeight() * (y1 - y0);
        }

        double kmPerPixel() {
            return (x1 - x0) / area.getWidth();
        }
    }

    /** Draws a scale bar of a round number of km at the bottom left; returns its box in pixels. */
    private static Rectangle2D scaleBar(XYLineAndShapeRenderer r, Frame f) {
        double target = 110 * f.kmPerPixel();
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double km = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude <= target) {
                km = m * magnitude;
            }
        }
        double left = f.area().getMinX() + 14;
        double base = f.area().getMaxY() - 14;
        double right = left + km / f.kmPerPixel();
        Rectangle2D box = new Rectangle2D.Double(left - 6, base - 22, right - left + 12, 28);
        r.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(f.x(box.getMinX()), f.y(box.getMaxY()),
                box.getWidth() * f.kmPerPixel(), box.getHeight() * f.kmPerPixel()), new BasicStroke(0.5f),
                new Color(0x888888), LABEL_BACKGROUND), Layer.FOREGROUND);
        BasicStroke thick = new BasicStroke(3f);
        r.addAnnotation(new XYLineAnnotation(f.x(left), f.y(base), f.x(right), f.y(base), thick, Color.BLACK),
                Layer.FOREGROUND);
        BasicStroke tick = new BasicStroke(1.5f);
        for (double px : new double[] {left, right}) {
            r.addAnnotation(new XYLineAnnotation(f.x(px), f.y(base - 5), f.x(px), f.y(base + 3), tick, Color.BLACK),
                    Layer.FOREGROUND);
        }
        String text = (km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km)) + " km";
        XYTextAnnotation label = new XYTextAnnotation(text, f.x((left + right) / 2), f.y(base - 6));
        label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        label.setFont(SMALL_FONT);
        r.addAnnotation(label, Layer.FOREGROUND);
        return box;
    }

    /**
     * Sets a map's axes for equal km per pixel on both axes: a first rendering measures the data area that the axes,
     * titles and legends leave, then the axis ranges are widened to that area's aspect ratio; a second rendering
     * gives the final data area, returned, in pixels.
     */
    private static Rectangle2D fit(JFreeChart chart) {
        XYPlot plot = (XYPlot) chart.getPlot();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            var data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    minX = Math.min(minX, data.getXValue(s, i));
                    maxX = Math.max(maxX, data.getXValue(s, i));
                    minY = Math.min(minY, data.getYValue(s, i));
                    maxY = Math.max(maxY, data.getYValue(s, i));
                }
            }
        }
        // A margin of 6% (at least 1 km) keeps edge markers inside the frame and leaves room for the scale bar.
        double pad = Math.max(1, 0.06 * Math.max(maxX - minX, maxY - minY));
        minX -= pad;
        maxX += pad;
        minY -= pad;
        maxY += pad;
        plot.getDomainAxis().setRange(minX, maxX);
        plot.getRangeAxis().setRange(minY, maxY);
        Rectangle2D area = dataArea(chart);
        double kmPerPixel = Math.max((maxX - minX) / area.getWidth(), (maxY - minY) / area.getHeight());
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        plot.getDomainAxis().setRange(cx - kmPerPixel * area.getWidth() / 2, cx + kmPerPixel * area.getWidth() / 2);
        plot.getRangeAxis().setRange(cy - kmPerPixel * area.getHeight() / 2, cy + kmPerPixel * area.getHeight() / 2);
        return dataArea(chart);
    }

    private static Rectangle2D dataArea(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(Charts.MAP_SIZE, Charts.MAP_SIZE, info);
        return (Rectangle2D) info.getPlotInfo().getDataArea().clone();
    }

    private static Path2D path(org.locationtech.jts.geom.Geometry g, Projection p) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon poly) {
                ring(path, poly.getExteriorRing().getCoordinates(), p);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    ring(path, poly.getInteriorRingN(h).getCoordinates(), p);
                }
            }
        }
        return path;
    }

    private static void ring(Path2D path, org.locationtech.jts.geom.Coordinate[] cs, Projection p) {
        for (int i = 0; i < cs.length; i++) {
            if (i == 0) {
                path.moveTo(p.x(cs[i].x), p.y(cs[i].y));
            } else {
                path.lineTo(p.x(cs[i].x), p.y(cs[i].y));
            }
        }
        path.closePath();
    }

    static String shortName(String name) {
        return name.replaceAll(" University Hospital$", "").replaceAll(" Hospital$", "").replaceAll("^The ", "");
    }

    private static Shape triangle(double size) {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -size / 2);
        t.lineTo(size / 2, size / 2);
        t.lineTo(-size / 2, size / 2);
        t.closePath();
        return t;
    }

    private static Shape diamond(double size) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -size / 2);
        d.lineTo(size / 2, 0);
        d.lineTo(0, size / 2);
        d.lineTo(-size / 2, 0);
        d.closePath();
        return d;
    }

    private static Shape circle(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    private static Shape square(double size) {
        return new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }

    private static Shape cross(double size) {
        Path2D.Double c = new Path2D.Double();
        c.moveTo(-size / 2, -size / 2);
        c.lineTo(size / 2, size / 2);
        c.moveTo(-size / 2, size / 2);
        c.lineTo(size / 2, -size / 2);
        return new BasicStroke(2.5f).createStrokedShape(c);
    }
}
