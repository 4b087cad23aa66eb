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

    /**
     * Per scenario, every site that admitted anyone in either scenario: baseline, scenario and change of each
     * {@link SiteMeasures} measure, largest change in admissions first.
     */
    static void siteChanges(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        Network base = results.model(b).network();
        if (base == null || results.scenarios() < 2) {
            return;
        }
        List<SiteMeasures.Measure> measures = SiteMeasures.ALL;
        for (ScenarioSpec s : e.scenarios()) {
            Network net = results.model(s.index()).network();
            if (s.index() == b || net == null) {
                continue;
            }
            h.append("<h3>Site by site: ").append(HtmlReport.esc(s.name())).append(" against ")
                    .append(HtmlReport.esc(e.baseline())).append("</h3>\n")
                    .append("<div class=\"wide\"><table class=\"numbers site-changes\" data-scenario=\"")
                    .append(HtmlReport.esc(s.name())).append("\">\n<thead><tr><th rowspan=\"2\">site</th>");
            for (SiteMeasures.Measure m : measures) {
                h.append("<th colspan=\"3\">").append(HtmlReport.esc(m.label())).append(" <span class=\"note\">(")
                        .append(HtmlReport.esc(m.unit())).append(")</span></th>");
            }
            h.append("</tr>\n<tr>");
            for (int i = 0; i < measures.size(); i++) {
                h.append("<th>baseline</th><th>scenario</th><th>change</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            record Row(Site site, double[] before, double[] after) {
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Site> before = new LinkedHashMap<>();
            base.sites().forEach(x -> before.put(x.id(), x));
            for (Site site : net.sites()) {
                Site old = before.get(site.id());
                double[] v0 = new double[measures.size()];
                double[] v1 = new double[measures.size()];
                for (int i = 0; i < v0.length; i++) {
                    v0[i] = SiteMeasures.value(results, b, measures.get(i), old);
                    v1[i] = SiteMeasures.value(results, s.index(), measures.get(i), site);
                }
                if (!(v0[0] > 0) && !(v1[0] > 0)) {
                    continue; // out-of-region sites that received nobody in either scenario
                }
                rows.add(new Row(site, v0, v1));
            }
            rows.sort((x, y) -> Double.compare(Math.abs(y.after()[0] - y.before()[0]),
                    Math.abs(x.after()[0] - x.before()[0])));
            for (Row r : rows) {
                h.append("<tr data-site=\"").append(HtmlReport.esc(r.site().id())).append("\"><th scope=\"row\">")
                        .append(HtmlReport.esc(r.site().name())).append(r.site().open() ? "" : " (closed)")
                        .append("</th>");
                for (int i = 0; i < measures.size(); i++) {
                    MetricCatalog.Metric m = measures.get(i).metric();
                    double v0 = r.before()[i];
                    double v1 = r.after()[i];
                    h.append("<td data-measure=\"").append(measures.get(i).column()).append("\">")
                            .append(shown(m, v0)).append("</td><td>").append(shown(m, v1)).append("</td><td>")
                            .append(Double.isFinite(v0) && Double.isFinite(v1) ? signed(m, v1 - v0) : "&ndash;")
                            .append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table></div>\n<p class=\"note\">Means over replications of the per-site series (no ")
                    .append("interval; site_summary.csv has the intervals of admissions). Diverts away: patients ")
                    .append("this site's full unit sent elsewhere. Door to needle: the median of each replication ")
                    .append("among those thrombolysed there, averaged over the replications that thrombolysed anyone ")
                    .append("there. Deaths: expected deaths of the patients first admitted there (a transferred ")
                    .append("patient counts at the first site). A dash: no value (closed, or nobody treated).</p>\n");
        }
    }

    private static String shown(MetricCatalog.Metric m, double v) {
        return Double.isFinite(v) ? m.display(v) : "&ndash;";
    }

    private static String signed(MetricCatalog.Metric m, double v) {
        String s = m.display(v);
        return v > 0 && !s.equals(m.display(0)) ? "+" + s : s;
    }

}
