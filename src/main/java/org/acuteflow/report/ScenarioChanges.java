package org.acuteflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;

/**
 * What each scenario changes against the baseline, read from the networks the scenarios ran on (not from their
 * descriptions): closed and reopened sites, withdrawn and added services, cover, beds, the fleet and routing.
 * Also per-site baseline, scenario and change columns. Stateless.
 */
final class ScenarioChanges {
    /** Services that need a type-1 A&E on the same site. */
    private static final Set<Service> NEED_AE = Set.of(Service.TRAUMA_UNIT, Service.MTC);

    private ScenarioChanges() {
    }

    /** The changes of one scenario's network against the baseline's, in words, one entry per change. */
    static List<String> changes(Network base, Network scen) {
        List<String> out = new ArrayList<>();
        if (!base.protocol().equals(scen.protocol())) {
            out.add("routing: " + routing(base) + " becomes " + routing(scen));
        }
        if (base.totalVehicles() != scen.totalVehicles()) {
            out.add("ambulances: " + base.totalVehicles() + " become " + scen.totalVehicles());
        }
        Map<String, Site> before = new LinkedHashMap<>();
        base.sites().forEach(s -> before.put(s.id(), s));
        for (Site s : scen.sites()) {
            Site b = before.get(s.id());
            String who = s.name() + " (" + s.id() + ")";
            if (b == null) {
                out.add(who + ": a site the baseline does not have");
                continue;
            }
            if (b.open() && !s.open()) {
                out.add(who + ": closed");
                continue;
            }
            if (!b.open() && s.open()) {
                out.add(who + ": reopened");
            }
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (Service sv : Service.values()) {
                if (b.offers(sv) && !s.offers(sv)) {
                    removed.add(sv.key());
                } else if (!b.offers(sv) && s.offers(sv)) {
                    added.add(sv.key());
                }
            }
            if (!removed.isEmpty()) {
                out.add(who + ": withdraws " + String.join(", ", removed));
            }
            if (!added.isEmpty()) {
                out.add(who + ": adds " + String.join(", ", added));
            }
            for (Service sv : Service.values()) {
                if (b.offers(sv) && s.offers(sv) && !b.coverFor(sv).equals(s.coverFor(sv))) {
                    out.add(who + ": " + sv.key() + " specialist cover " + b.coverFor(sv).hoursOnSitePerWeek()
                            + " h a week on site becomes " + s.coverFor(sv).hoursOnSitePerWeek() + " h");
                }
                if (b.offers(sv) && s.offers(sv) && b.bedsFor(sv) != s.bedsFor(sv)) {
                    out.add(who + ": " + sv.key() + " beds " + beds(b.bedsFor(sv)) + " become " + beds(s.bedsFor(sv)));
                }
            }
            if (s.open() && !s.offers(Service.TYPE1_AE)) {
                List<String> stranded = new ArrayList<>();
                for (Service sv : NEED_AE) {
                    if (s.offers(sv)) {
                        stranded.add(sv.key());
                    }
                }
                if (!stranded.isEmpty() && b.offers(Service.TYPE1_AE)) {
                    stranded.sort(null);
                    out.add(who + ": WARNING its A&E is closed but " + String.join(" and ", stranded)
                            + (stranded.size() == 1 ? " stays" : " stay") + " open; withdraw it too unless the site keeps an emergency department");
                }
            }
        }
        return out;
    }

    private static String routing(Network n) {
        return "strokes " + n.protocol().stroke().name().toLowerCase(java.util.Locale.ROOT) + ", trauma "
                + n.protocol().trauma().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String beds(int n) {
        return n == Integer.MAX_VALUE ? "unlimited" : Integer.toString(n);
    }

    static void section(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        Network base = results.model(b).network();
        if (base == null || results.scenarios() < 2) {
            return;
        }
        h.append("<h3>What each scenario changes against the baseline (").append(HtmlReport.esc(e.baseline()))
                .append(")</h3>\n<p class=\"note\">Read from the networks the scenarios ran on, whatever their ")
                .append("descriptions say.</p>\n<dl class=\"changes\" id=\"scenario-changes\">\n");
        for (ScenarioSpec s : e.scenarios()) {
            Network net = results.model(s.index()).network();
            if (s.index() == b || net == null) {
                continue;
            }
            h.append("<dt>").append(HtmlReport.esc(s.name())).append(" <span class=\"note\">(configuration ")
                    .append(HtmlReport.esc(s.configuration())).append(")</span></dt>\n");
            List<String> list = changes(base, net);
            if (list.isEmpty()) {
                h.append("<dd>no change to sites, services, cover, beds, fleet or routing</dd>\n");
            }
            for (String c : list) {
                h.append("<dd").append(c.contains("WARNING") ? " class=\"warning\"" : "").append(">")
                        .append(HtmlReport.esc(c)).append("</dd>\n");
            }
        }
        h.append("</dl>\n");
    }

    /** Per scenario, sites whose admissions change: baseline, scenario and change columns, largest change first. */
    static void siteChanges(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        Network base = results.model(b).network();
        if (base == null || results.scenarios() < 2) {
            return;
        }
        MetricCatalog.Metric n = new MetricCatalog.Metric("site", "", "per year", 1, 0, false);
        MetricCatalog.Metric occ = new MetricCatalog.Metric("site", "", "beds", 1, 1, false);
        for (ScenarioSpec s : e.scenarios()) {
            Network net = results.model(s.index()).network();
            if (s.index() == b || net == null) {
                continue;
            }
            h.append("<h3>Site by site: ").append(HtmlReport.esc(s.name())).append(" against ")
                    .append(HtmlReport.esc(e.baseline())).append("</h3>\n")
                    .append("<table class=\"numbers site-changes\" data-scenario=\"").append(HtmlReport.esc(s.name()))
                    .append("\">\n<thead><tr><th>site</th><th>admissions/year baseline</th><th>scenario</th>")
                    .append("<th>change</th><th>stroke admissions baseline</th><th>scenario</th><th>change</th>")
                    .append("<th>HASU occupied beds baseline</th><th>scenario</th></tr></thead>\n<tbody>\n");
            record Row(Site site, double a0, double a1, double s0, double s1, double o0, double o1) {
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Site> before = new LinkedHashMap<>();
            base.sites().forEach(x -> before.put(x.id(), x));
            for (Site site : net.sites()) {
                Site old = before.get(site.id());
                double a0 = value(results, b, Metrics.SERIES_SITE_ADMISSIONS.name(), old);
                double a1 = value(results, s.index(), Metrics.SERIES_SITE_ADMISSIONS.name(), site);
                if (!(a0 > 0) && !(a1 > 0)) {
                    continue; // out-of-region sites that received nobody in either scenario
                }
                rows.add(new Row(site, a0, a1, value(results, b, Metrics.SERIES_SITE_STROKE_ADMISSIONS.name(), old),
                        value(results, s.index(), Metrics.SERIES_SITE_STROKE_ADMISSIONS.name(), site),
                        value(results, b, Metrics.SERIES_SITE_HASU_OCCUPANCY_MEAN.name(), old),
                        value(results, s.index(), Metrics.SERIES_SITE_HASU_OCCUPANCY_MEAN.name(), site)));
            }
            rows.sort((x, y) -> Double.compare(Math.abs(y.a1() - y.a0()), Math.abs(x.a1() - x.a0())));
            for (Row r : rows) {
                h.append("<tr data-site=\"").append(HtmlReport.esc(r.site().id())).append("\"><th scope=\"row\">")
                        .append(HtmlReport.esc(r.site().name())).append(r.site().open() ? "" : " (closed)")
                        .append("</th><td>").append(n.display(r.a0())).append("</td><td>").append(n.display(r.a1()))
                        .append("</td><td>").append(signed(n, r.a1() - r.a0())).append("</td><td>")
                        .append(n.display(r.s0())).append("</td><td>").append(n.display(r.s1())).append("</td><td>")
                        .append(signed(n, r.s1() - r.s0())).append("</td><td>").append(occ.display(r.o0()))
                        .append("</td><td>").append(occ.display(r.o1())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"note\">Means over replications of the per-site series (no ")
                    .append("interval; site_summary.csv has the intervals of admissions). The model does not ")
                    .append("report diverts, door-to-needle times or deaths per site; the differences table has ")
                    .append("them for the whole region.</p>\n");
        }
    }

    private static String signed(MetricCatalog.Metric m, double v) {
        String s = m.display(v);
        return v > 0 && !s.equals(m.display(0)) ? "+" + s : s;
    }

    private static double value(ExperimentResults results, int scenario, String series, Site site) {
        if (site == null) {
            return Double.NaN;
        }
        double[] v = results.seriesMean(scenario, series);
        return v == null || site.index() >= v.length ? Double.NaN : v[site.index()];
    }
}
