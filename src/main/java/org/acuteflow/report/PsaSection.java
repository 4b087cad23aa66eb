package org.acuteflow.report;

import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;

/**
 * The report's section on uncertainty (output {@code psa}): for each PSA metric and scenario, the difference
 * against the baseline with its Monte-Carlo 95% interval (replications only, as in differences.csv) beside its
 * 95% uncertainty interval from probabilistic sensitivity analysis (coefficients and Monte-Carlo, as in
 * psa_differences.csv). The numbers are those of the two CSV files, rounded as the headline table rounds them.
 */
final class PsaSection {
    private PsaSection() {
    }

    private static final List<String[]> LABELS = List.of(
            new String[] {Metrics.DEATHS_TOTAL.name(), "Deaths averted per year (all modelled conditions)", "-1"},
            new String[] {Metrics.STROKE_DEATHS_90D.name(), "Stroke deaths within 90 days averted per year", "-1"},
            new String[] {Metrics.STROKE_INDEPENDENT_90D.name(), "Extra strokes independent (mRS 0-2) at 90 days per year", "1"},
            new String[] {Metrics.STROKE_MRS_0_2_SHARE_90D.name(), "Change in share of strokes independent at 90 days (points)", "100"},
            new String[] {Metrics.STROKE_MRS_MEAN_90D.name(), "Change in mean mRS at 90 days", "1"},
            new String[] {Metrics.STROKE_UTILITY_MEAN_90D.name(), "Change in mean utility at 90 days", "1"},
            new String[] {Metrics.QALYS_TOTAL.name(), "Extra QALYs per year of strokes (first year)", "1"},
            new String[] {Metrics.TRAUMA_DEATHS.name(), "Major trauma deaths averted per year", "-1"},
            new String[] {Metrics.EMERGENCY_DEATHS_30D.name(), "Other emergency deaths averted per year", "-1"});

    static void append(StringBuilder h, ExperimentResults results) {
        if (results.scenarios() < 2 || PsaOutputs.metrics(results).isEmpty()) {
            return;
        }
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        List<PsaOutputs.Row> psa = PsaOutputs.differences(results);
        h.append("<section id=\"uncertainty\">\n<h2>Headline with its uncertainty</h2>\n")
                .append("<p>Each scenario against ").append(HtmlReport.esc(e.baseline()))
                .append(". <em>Monte-Carlo 95% interval</em>: replications only, outcome coefficients fixed at their ")
                .append("central values (differences.csv). <em>95% uncertainty interval</em>: every uncertain outcome ")
                .append("coefficient drawn from its distribution and re-evaluated on the same simulated journeys, ")
                .append("combined with the Monte-Carlo error (psa_differences.csv, ")
                .append(psa.isEmpty() ? 0 : psa.get(0).draws()).append(" draws). The second is the one to decide ")
                .append("with.</p>\n<table class=\"psa\">\n<tr><th>measure</th><th>scenario</th><th>central</th>")
                .append("<th>Monte-Carlo 95% interval</th><th>PSA mean</th><th>95% uncertainty interval</th></tr>\n");
        for (String[] label : LABELS) {
            double sign = Double.parseDouble(label[2]);
            for (ScenarioSpec s : e.scenarios()) {
                if (s.index() == b) {
                    continue;
                }
                PsaOutputs.Row row = psa.stream().filter(r -> r.scenario().equals(s.name()) && r.metric().equals(label[0]))
                        .findFirst().orElse(null);
                if (row == null) {
                    continue;
                }
                Statistics.Interval ci = Statistics.interval95(Statistics.pairedDifferences(
                        results.values(s.index(), label[0]), results.values(b, label[0])));
                h.append("<tr data-metric=\"").append(label[0]).append("\"><td>").append(HtmlReport.esc(label[1]))
                        .append("</td><td>").append(HtmlReport.esc(s.name())).append("</td><td>")
                        .append(fmt(sign * ci.mean())).append("</td><td>").append(range(sign, ci.low(), ci.high()))
                        .append("</td><td>").append(fmt(sign * row.mean())).append("</td><td>")
                        .append(range(sign, row.low(), row.high())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n</section>\n");
    }

    private static String range(double sign, double low, double high) {
        double a = sign * low;
        double b = sign * high;
        return fmt(Math.min(a, b)) + " to " + fmt(Math.max(a, b));
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double abs = Math.abs(v);
        String s = abs >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : abs >= 1 ? String.format(java.util.Locale.ROOT, "%.1f", v)
                : String.format(java.util.Locale.ROOT, "%.3f", v);
        return s.matches("-0(\\.0+)?") ? s.substring(1) : s;
    }
}
