package org.acuteflow.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Network;
import org.acuteflow.network.Site;

/**
 * report.html: one self-contained page (inline CSS, charts as base64 PNG data URIs, no external resource) that
 * a planner can open from disk. Every number comes from the same {@link Statistics#interval95} values written
 * to summary.csv and differences.csv, shown through {@link MetricCatalog.Metric#display}; each value cell carries
 * the CSV text in {@code data-*} attributes so the agreement can be checked by machine.
 *
 * <p>The page carries no time stamp of its own: only the wall time in {@link RunInfo}, so equal results and
 * equal run information give an identical page. Stateless and thread-safe.
 */
final class HtmlReport {
    /** The id of the element the page's own check script fills in (broken images, script errors). */
    static final String CHECK_ID = "render-check";

    private HtmlReport() {
    }

    static String render(ExperimentResults results, RunInfo info, List<Charts.Chart> charts,
                         List<Charts.Missing> missingCharts) {
        Experiment e = results.experiment();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(e.name())).append(" - acuteflow results</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n")
                .append("<script>\n").append(CHECK_SCRIPT).append("</script>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(e.name())).append("</h1>\n");
        h.append("<nav><a href=\"#question\">Question</a> <a href=\"#headline\">Headline results</a> ");
        if (results.scenarios() > 1) {
            h.append("<a href=\"#differences\">Differences</a> ");
        }
        h.append("<a href=\"#sites\">Sites</a> <a href=\"#charts\">Charts</a> <a href=\"#parameters\">Parameters</a> ")
                .append("<a href=\"#run\">Run</a></nav>\n");
        question(h, results);
        headline(h, results);
        PsaSection.append(h, results);
        if (results.scenarios() > 1) {
            differences(h, results);
            sensitivity(h, results);
        }
        sites(h, results);
        charts(h, charts, missingCharts);
        parameters(h, e);
        run(h, e, results, info);
        h.append("<p id=\"").append(CHECK_ID).append("\" class=\"check\" hidden></p>\n</body>\n</html>\n");
        return h.toString();
    }

    // ---------------------------------------------------------------- sections

    private static void question(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        h.append("<section id=\"question\">\n<h2>The question and the scenarios</h2>\n");
        h.append(paragraphs(e.description() == null || e.description().isBlank()
                ? "(The experiment file gives no description.)" : e.description()));
        h.append("<table class=\"scenarios\">\n<thead><tr><th>scenario</th><th>description</th>")
                .append("<th>network configuration</th><th>network</th></tr></thead>\n<tbody>\n");
        for (ScenarioSpec s : e.scenarios()) {
            h.append("<tr><th scope=\"row\">").append(esc(s.name()));
            if (s.name().equals(e.baseline())) {
                h.append(" <span class=\"tag\">baseline</span>");
            }
            h.append("</th><td>").append(esc(blankAs(s.description(), "(none)"))).append("</td><td>")
                    .append(esc(s.configuration())).append("</td><td>");
            Network net = results.model(s.index()).network();
            if (net == null) {
                h.append("n/a (the model gives no network)");
            } else {
                long open = net.sites().stream().filter(Site::open).count();
                h.append(esc(net.name())).append(": ").append(net.zones().size()).append(" zones, ").append(open)
                        .append(" of ").append(net.sites().size()).append(" sites open, ")
                        .append(net.stations().size()).append(" stations, ").append(net.totalVehicles())
                        .append(" ambulances");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        ScenarioChanges.section(h, results);
        h.append("</section>\n");
    }

    private static void headline(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        List<String> reported = results.metricNames();
        h.append("<section id=\"headline\">\n<h2>Headline results</h2>\n");
        if (results.scenarios() > 1) {
            averted(h, results);
        }
        h.append("<p>Mean per scenario over ").append(results.replications())
                .append(results.replications() == 1 ? " replication" : " replications")
                .append(", with the two-sided 95% Student-t interval across replications. Values are those of ")
                .append("summary.csv rounded for reading (").append(ROUNDING).append(").</p>\n");
        h.append("<table class=\"numbers\" id=\"headline-table\">\n<thead><tr><th>measure</th><th>unit</th>");
        for (ScenarioSpec s : e.scenarios()) {
            h.append("<th>").append(esc(s.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        List<String> absent = new ArrayList<>();
        for (MetricCatalog.Metric m : MetricCatalog.HEADLINE) {
            if (!reported.contains(m.name())) {
                absent.add(m.name());
                continue;
            }
            h.append("<tr><th scope=\"row\">").append(esc(m.label())).append(" <code>").append(esc(m.name()))
                    .append("</code></th><td>").append(esc(m.unit())).append("</td>");
            for (ScenarioSpec s : e.scenarios()) {
                Statistics.Interval ci = Statistics.interval95(results.values(s.index(), m.name()));
                valueCell(h, m, s.name(), "summary", ci, results.replications());
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (!absent.isEmpty()) {
            h.append("<p class=\"note\">Not reported by this model, so not shown: ");
            codeList(h, absent);
            h.append(".</p>\n");
        }
        h.append("</section>\n");
    }

    /** The headline of headlines: deaths averted per year against the baseline, per scenario. */
    private static void averted(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        h.append("<div class=\"averted\">\n<h3>Deaths averted per year against the baseline (")
                .append(esc(e.baseline())).append(")</h3>\n<ul>\n");
        for (ScenarioSpec s : e.scenarios()) {
            if (s.index() == b) {
                continue;
            }
            Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(
                    results.values(s.index(), MetricCatalog.DEATHS), results.values(b, MetricCatalog.DEATHS)));
            h.append("<li><strong>").append(esc(s.name())).append("</strong>: ");
            if (d.n() == 0) {
                h.append("n/a (the model reported no deaths_total)");
            } else {
                // averted = baseline - scenario: the negated paired difference, interval bounds swapped.
                double averted = -d.mean();
                MetricCatalog.Metric deaths = MetricCatalog.find(MetricCatalog.DEATHS);
                h.append("<span class=\"big\" data-scenario=\"").append(esc(s.name()))
                        .append("\" data-metric=\"deaths_total\" data-stat=\"averted\" data-value=\"")
                        .append(Numbers.format(averted)).append("\">").append(deaths.display(Math.abs(averted)))
                        .append("</span> ").append(averted >= 0 ? "deaths averted" : "more deaths").append(" per year");
                if (d.hasInterval()) {
                    // The interval is worded like the headline: of deaths averted when the scenario averts deaths,
                    // of extra deaths when it adds them, so its bounds read with the same sign as the number.
                    double low = averted >= 0 ? -d.high() : d.low();
                    double high = averted >= 0 ? -d.low() : d.high();
                    h.append(" (95% interval ").append(deaths.display(low)).append(" to ").append(deaths.display(high))
                            .append(averted >= 0 ? " deaths averted, " : " more deaths, ").append(d.n())
                            .append(" paired replications)");
                    if (-d.high() <= 0 && -d.low() >= 0) {
                        h.append(": the interval includes zero, so the difference is not distinguishable from chance");
                    }
                } else {
                    h.append(" (no interval (1 replication))");
                }
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n</div>\n");
    }

    /**
     * One-at-a-time sensitivity of the headline (deaths averted per year) to the most uncertain outcome
     * coefficients, when the run asked for output "sensitivity": each low/high value re-evaluates the same
     * simulated journeys, so the rows are paired with the headline.
     */
    private static void sensitivity(StringBuilder h, ExperimentResults results) {
        String prefix = "sensitivity.";
        String suffix = ".deaths_total";
        List<String> variants = new java.util.ArrayList<>();
        for (String m : results.metricNames()) {
            if (m.startsWith(prefix) && m.endsWith(suffix)) {
                variants.add(m.substring(prefix.length(), m.length() - suffix.length()));
            }
        }
        if (variants.isEmpty()) {
            return;
        }
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        h.append("<section id=\"sensitivity\">\n<h2>Sensitivity of deaths averted to outcome coefficients</h2>\n")
                .append("<p>Deaths averted per year (baseline ").append(esc(e.baseline()))
                .append(" minus scenario) with one outcome coefficient at a time at the 2.5th (low) or 97.5th (high) ")
                .append("percentile of its distribution (docs/outcome-model.md lists them with their sources). The simulated ")
                .append("journeys are the same in every row; only the outcome model changes.</p>\n")
                .append("<table class=\"sensitivity\">\n<tr><th>coefficient</th><th>value</th>");
        for (ScenarioSpec s : e.scenarios()) {
            if (s.index() != b) {
                h.append("<th>").append(esc(s.name())).append("</th>");
            }
        }
        h.append("</tr>\n");
        h.append("<tr><td>(as run)</td><td>default</td>");
        sensitivityCells(h, results, MetricCatalog.DEATHS, "default");
        h.append("</tr>\n");
        for (String v : variants) {
            int cut = v.lastIndexOf('.');
            h.append("<tr><td><code>").append(esc(v.substring(0, cut))).append("</code></td><td>")
                    .append(esc(v.substring(cut + 1))).append("</td>");
            sensitivityCells(h, results, prefix + v + suffix, v);
            h.append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void sensitivityCells(StringBuilder h, ExperimentResults results, String metric, String variant) {
        int b = results.experiment().baselineIndex();
        MetricCatalog.Metric deaths = MetricCatalog.find(MetricCatalog.DEATHS);
        for (ScenarioSpec s : results.experiment().scenarios()) {
            if (s.index() == b) {
                continue;
            }
            Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(
                    results.values(s.index(), metric), results.values(b, metric)));
            h.append("<td data-scenario=\"").append(esc(s.name())).append("\" data-variant=\"").append(esc(variant))
                    .append("\">");
            if (d.n() == 0) {
                h.append("n/a");
            } else {
                h.append(deaths.display(-d.mean()));
                if (d.hasInterval()) {
                    h.append(" (").append(deaths.display(-d.high())).append(" to ").append(deaths.display(-d.low()))
                            .append(")");
                }
            }
            h.append("</td>");
        }
    }

    private static void differences(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        List<String> reported = results.metricNames();
        h.append("<section id=\"differences\">\n<h2>Differences against the baseline</h2>\n")
                .append("<p>Scenario minus baseline (").append(esc(e.baseline()))
                .append("), paired by replication: replication r of every scenario sees the same patients (common ")
                .append("random numbers), so the interval is that of the paired differences and is narrower than ")
                .append("comparing the two intervals above. Negative deaths mean deaths averted. Values are those of ")
                .append("differences.csv, rounded as above.</p>\n");
        h.append("<table class=\"numbers\" id=\"differences-table\">\n<thead><tr><th>measure</th><th>unit</th>");
        for (ScenarioSpec s : e.scenarios()) {
            if (s.index() != b) {
                h.append("<th>").append(esc(s.name())).append(" &minus; ").append(esc(e.baseline())).append("</th>");
            }
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (MetricCatalog.Metric m : MetricCatalog.HEADLINE) {
            if (!reported.contains(m.name())) {
                continue;
            }
            // A difference of two percentages is in percentage points, not per cent of the baseline.
            String unit = "%".equals(m.unit()) ? "percentage points" : m.unit();
            h.append("<tr><th scope=\"row\">").append(esc(m.label())).append(" <code>").append(esc(m.name()))
                    .append("</code></th><td>").append(esc(unit)).append("</td>");
            for (ScenarioSpec s : e.scenarios()) {
                if (s.index() == b) {
                    continue;
                }
                Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(
                        results.values(s.index(), m.name()), results.values(b, m.name())));
                valueCell(h, m, s.name(), "difference", d, results.replications());
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    /** A value cell: the rounded mean, then its interval or why there is none. */
    private static void valueCell(StringBuilder h, MetricCatalog.Metric m, String scenario, String stat,
                                  Statistics.Interval ci, int replications) {
        String mean = Numbers.format(ci.mean());
        String low = Numbers.format(ci.low());
        String high = Numbers.format(ci.high());
        h.append("<td data-scenario=\"").append(esc(scenario)).append("\" data-metric=\"").append(esc(m.name()))
                .append("\" data-stat=\"").append(stat).append("\" data-mean=\"").append(mean)
                .append("\" data-low=\"").append(low).append("\" data-high=\"").append(high).append("\" data-n=\"")
                .append(ci.n()).append("\">");
        if (ci.n() == 0) {
            h.append("<span class=\"na\">n/a (not reported for this scenario)</span></td>");
            return;
        }
        h.append("<span class=\"mean\">").append(m.display(mean)).append("</span>");
        if (ci.hasInterval()) {
            // Counts, times and shares cannot be negative: a t-interval reaching below zero is shown from zero.
            String shownLow = "summary".equals(stat) && ci.low() < 0 ? "0" : low;
            h.append("<br><span class=\"ci\">95% CI <span class=\"low\">").append(m.display(shownLow))
                    .append("</span> to <span class=\"high\">").append(m.display(high)).append("</span></span>");
        } else {
            h.append("<br><span class=\"ci\">no interval (").append(ci.n())
                    .append(ci.n() == 1 ? " replication" : " replications").append(")</span>");
        }
        if (ci.n() < replications) {
            h.append("<br><span class=\"note\">reported by ").append(ci.n()).append(" of ").append(replications)
                    .append(" replications</span>");
        }
        h.append("</td>");
    }

    private static void sites(StringBuilder h, ExperimentResults results) {
        Experiment e = results.experiment();
        h.append("<section id=\"sites\">\n<h2>Sites</h2>\n");
        Map<String, Site> sites = new LinkedHashMap<>();
        for (int s = 0; s < results.scenarios(); s++) {
            Network net = results.model(s).network();
            if (net != null) {
                net.sites().forEach(site -> sites.putIfAbsent(site.id(), site));
            }
        }
        if (sites.isEmpty()) {
            h.append("<p class=\"note\">n/a: the model gives no network, so there are no per-site results.</p>\n")
                    .append("</section>\n");
            return;
        }
        h.append("<p>Admissions per year (all conditions, and stroke) per site and scenario, means with 95% ")
                .append("intervals where the model reports them per replication; also in site_summary.csv. A dash: ")
                .append("the site is closed or absent in that scenario.</p>\n");
        h.append("<table class=\"numbers\" id=\"sites-table\">\n<thead><tr><th>site</th>");
        for (ScenarioSpec s : e.scenarios()) {
            h.append("<th>").append(esc(s.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        MetricCatalog.Metric adm = new MetricCatalog.Metric("site_admissions_per_year", "admissions", "per year", 1,
                1, false);
        MetricCatalog.Metric strokeAdm = new MetricCatalog.Metric("site_stroke_admissions_per_year",
                "stroke admissions", "per year", 1, 1, false);
        for (Site site : sites.values()) {
            h.append("<tr><th scope=\"row\">").append(esc(site.id())).append("<br><span class=\"note\">")
                    .append(esc(site.name())).append("</span></th>");
            for (ScenarioSpec s : e.scenarios()) {
                Network net = results.model(s.index()).network();
                Site here = null;
                if (net != null) {
                    for (Site x : net.sites()) {
                        if (x.id().equals(site.id())) {
                            here = x;
                        }
                    }
                }
                h.append("<td>");
                if (here == null || !here.open()) {
                    h.append("&ndash;");
                } else {
                    StringBuilder services = new StringBuilder();
                    GeoJson.services(here).forEach(sv -> services.append(services.length() == 0 ? "" : ", ")
                            .append(sv.asText()));
                    h.append("<span class=\"note\">").append(esc(services.toString())).append("</span><br>");
                    siteValue(h, results, s.index(), adm, Metrics.SITE_ADMISSIONS_PER_YEAR.of(site.id()), Metrics.SERIES_SITE_ADMISSIONS.name(),
                            here.index());
                    h.append("<br>");
                    siteValue(h, results, s.index(), strokeAdm, Metrics.SITE_STROKE_ADMISSIONS_PER_YEAR.of(site.id()),
                            Metrics.SERIES_SITE_STROKE_ADMISSIONS.name(), here.index());
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        ScenarioChanges.siteChanges(h, results);
        h.append("</section>\n");
    }

    private static void siteValue(StringBuilder h, ExperimentResults results, int s, MetricCatalog.Metric m,
                                  String metric, String series, int index) {
        Statistics.Interval ci = Statistics.interval95(results.values(s, metric));
        h.append(esc(m.label())).append(": ");
        if (ci.n() > 0) {
            h.append(m.display(ci.mean()));
            if (ci.hasInterval()) {
                // Admissions cannot be negative: a t-interval reaching below zero is shown from zero.
                h.append(" (").append(m.display(Math.max(0, ci.low()))).append(" to ").append(m.display(ci.high()))
                        .append(")");
            }
            return;
        }
        double[] v = results.seriesMean(s, series);
        if (v != null && index < v.length && Double.isFinite(v[index])) {
            h.append(m.display(v[index])).append(" (no interval: series mean)");
        } else {
            h.append("n/a (not reported)");
        }
    }

    private static void charts(StringBuilder h, List<Charts.Chart> charts, List<Charts.Missing> missing) {
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            h.append("<p class=\"note\">No chart could be drawn from these results.</p>\n");
        }
        Base64.Encoder b64 = Base64.getEncoder();
        for (Charts.Chart c : charts) {
            h.append("<figure><img src=\"data:image/png;base64,").append(b64.encodeToString(c.png()))
                    .append("\" width=\"").append(c.width()).append("\" height=\"").append(c.height())
                    .append("\" alt=\"").append(esc(c.title())).append("\" data-file=\"charts/").append(esc(c.file()))
                    .append("\"><figcaption>").append(esc(c.caption())).append("</figcaption></figure>\n");
        }
        if (!missing.isEmpty()) {
            h.append("<p class=\"note\">Not drawn:</p>\n<ul class=\"note\">\n");
            for (Charts.Missing m : missing) {
                h.append("<li>").append(esc(m.title())).append(": n/a, ").append(esc(m.reason())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void parameters(StringBuilder h, Experiment e) {
        h.append("<section id=\"parameters\">\n<h2>Parameters used</h2>\n")
                .append("<p>Every model parameter in force, per scenario, after merging the built-in defaults, the ")
                .append("experiment's parameter files, its parameters and the scenario's overrides, in that order. ")
                .append("Beneath each value is the file and line where it was set. The sources and justification of ")
                .append("each value (papers, audits, data sets) are written as comments beside it in that file (the ")
                .append("built-in defaults are the model's defaults/*.yaml files; see also the model documentation); ")
                .append("comments are not part of the parameter tree, so they are not repeated here. Values that ")
                .append("differ from the first scenario are highlighted.</p>\n");
        // Rows in the order of the first scenario's tree, then any path only later scenarios have.
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (ScenarioSpec s : e.scenarios()) {
            Map<String, JsonNode> f = new LinkedHashMap<>();
            flatten(s.parameters(), "", f);
            flat.add(f);
            f.keySet().forEach(p -> paths.putIfAbsent(p, Boolean.TRUE));
        }
        if (paths.isEmpty()) {
            h.append("<p class=\"note\">No parameters (the parameter tree is empty).</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"params\">\n<thead><tr><th>parameter</th>");
        for (ScenarioSpec s : e.scenarios()) {
            h.append("<th>").append(esc(s.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (String path : paths.keySet()) {
            h.append("<tr><th scope=\"row\"><code>").append(esc(path)).append("</code></th>");
            JsonNode first = flat.get(0).get(path);
            for (ScenarioSpec s : e.scenarios()) {
                JsonNode v = flat.get(s.index()).get(path);
                boolean differs = v == null ? first != null : !v.equals(first);
                h.append(differs ? "<td class=\"differs\">" : "<td>");
                if (v == null) {
                    h.append("&ndash;");
                } else {
                    h.append("<code>").append(esc(v.isTextual() ? v.asText() : v.toString())).append("</code>");
                    String where = where(s, path);
                    if (where != null) {
                        h.append("<br><span class=\"src\">").append(esc(where)).append("</span>");
                    }
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    /**
     * Leaves of the tree as path to value. An array of scalars is one leaf (a profile of 168 values reads better
     * as one list than as 168 rows); arrays of objects are descended with [i].
     */
    static void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else if (node.isArray() && containsContainer(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static boolean containsContainer(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** "file:line" of a parameter, by file name only, so the page does not depend on where the files lie. */
    private static String where(ScenarioSpec s, String path) {
        if (s.sources() == null) {
            return null;
        }
        InputProblem p = s.sources().locate("parameters." + path);
        if (p == null || p.file() == null) {
            return null;
        }
        String file = p.file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        file = file.substring(slash + 1);
        return p.line() > 0 ? file + ":" + p.line() : file;
    }

    private static void run(StringBuilder h, Experiment e, ExperimentResults results, RunInfo info) {
        RunControl run = e.run();
        h.append("<section id=\"run\">\n<h2>Run</h2>\n<dl class=\"meta\">\n");
        meta(h, "acuteflow version", Manifest.version());
        String commit = Manifest.gitCommit(e.file());
        meta(h, "git commit of the experiment's folder", commit == null ? "n/a (not in a git checkout)" : commit);
        meta(h, "experiment file", e.file().getFileName() + " (SHA-256 " + e.sha256() + ")");
        meta(h, "network folder", e.networkDir() == null ? "n/a" : String.valueOf(e.networkDir().getFileName()));
        meta(h, "base seed", Long.toString(run.seed()));
        meta(h, "replications per scenario", Integer.toString(results.replications()));
        meta(h, "simulated days (after warm-up)", Numbers.format(run.days()));
        meta(h, "warm-up days (discarded)", Numbers.format(run.warmupDays()));
        meta(h, "wall time", Double.isFinite(info.wallSeconds())
                ? Numbers.fixed(info.wallSeconds(), 1) + " s (simulation; manifest.json has the total)"
                : "n/a (not timed here; see manifest.json)");
        h.append("</dl>\n<p>The folder holds summary.csv, replications.csv, differences.csv, site_summary.csv, ")
                .append("charts/, zones.geojson and sites.geojson as asked for by the experiment, and manifest.json ")
                .append("with the full provenance. Counts are per year of simulated time (365-day years).</p>\n")
                .append("</section>\n");
    }

    private static void meta(StringBuilder h, String key, String value) {
        h.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    // ---------------------------------------------------------------- text helpers

    static final String ROUNDING = "percentages are the CSV share times 100; all values rounded half-even to the "
            + "decimals shown";

    private static void codeList(StringBuilder h, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            h.append(i == 0 ? "" : ", ").append("<code>").append(esc(names.get(i))).append("</code>");
        }
    }

    private static String paragraphs(String text) {
        StringBuilder sb = new StringBuilder();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            sb.append("<p>").append(esc(p.strip())).append("</p>\n");
        }
        return sb.toString();
    }

    private static String blankAs(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
            h1 { margin-bottom: 0.2rem; }
            h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2.2rem; }
            nav a { margin-right: 0.8rem; }
            table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
            th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
            thead th { background: #eef3f8; }
            table.numbers td { text-align: right; white-space: nowrap; }
            div.wide { overflow-x: auto; max-width: 100%; }
            table.site-changes th[colspan] { text-align: center; }
            .mean { font-weight: 600; }
            .ci, .note, .src { color: #555; font-size: 0.85em; }
            .na { color: #777; font-style: italic; }
            .tag { background: #0072B2; color: #fff; border-radius: 3px; padding: 0 0.3rem; font-size: 0.75em; }
            .averted { background: #f2f8f2; border-left: 4px solid #009E73; padding: 0.4rem 1rem; margin: 1rem 0; }
            .averted .big { font-size: 1.4em; font-weight: 700; }
            figure { margin: 1.2rem 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: 0.88rem; color: #444; max-width: 900px; }
            table.params { font-size: 0.82rem; }
            table.params td code { word-break: break-all; }
            td.differs { background: #fff4d6; }
            dl.changes dt { font-weight: 600; margin-top: 0.4rem; }
            dl.changes dd.warning { color: #a4000f; font-weight: 600; }
            dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
            dl.meta dt { font-weight: 600; }
            dl.meta dd { margin: 0; word-break: break-all; }
            """;

    /**
     * The page checks itself: once loaded it writes into #render-check how many images failed to decode and any
     * script error, so an automated headless render can verify the page (it reads the element from the DOM).
     */
    private static final String CHECK_SCRIPT = """
            (function () {
              var errors = [];
              window.onerror = function (message) { errors.push(String(message)); };
              window.addEventListener('load', function () {
                var broken = 0;
                var images = document.images;
                for (var i = 0; i < images.length; i++) {
                  if (!images[i].complete || images[i].naturalWidth === 0) { broken++; }
                }
                var out = document.getElementById('%s');
                out.textContent = 'images=' + images.length + ';broken=' + broken + ';errors=' + errors.length
                    + (errors.length ? ';' + errors.join(' | ') : '');
              });
            })();
            """.formatted(CHECK_ID);
}
