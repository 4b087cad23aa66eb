package org.acuteflow.cli;

import java.io.PrintWriter;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.report.MetricCatalog;

/**
 * The few headline differences printed when a run ends, so that a log shows the answer without opening the
 * results folder: each scenario against the baseline, paired mean difference and its 95% interval.
 */
final class HeadlineSummary {
    /** The metrics printed, in order: the first rows of the report's headline table. */
    static final List<String> METRICS = List.of(Metrics.DEATHS_TOTAL.name(), Metrics.STROKE_DEATHS_90D.name(), Metrics.STROKE_MORTALITY_90D.name(),
            Metrics.TRAUMA_DEATHS.name());

    private HeadlineSummary() {
    }

    static void print(PrintWriter out, ExperimentResults results) {
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        if (e.scenarios().size() < 2) {
            return;
        }
        out.println("headline differences against " + e.baseline() + " (scenario minus baseline, paired, 95% interval):");
        for (ScenarioSpec s : e.scenarios()) {
            if (s.index() == b) {
                continue;
            }
            StringBuilder line = new StringBuilder("  ").append(s.name()).append(':');
            String separator = " ";
            for (String name : METRICS) {
                MetricCatalog.Metric m = MetricCatalog.find(name);
                if (m == null || !results.metricNames().contains(name)) {
                    continue;
                }
                Statistics.Interval d = Statistics.interval95(Statistics.pairedDifferences(
                        results.values(s.index(), name), results.values(b, name)));
                if (d.n() == 0) {
                    continue;
                }
                line.append(separator).append(m.label()).append(' ').append(m.display(d.mean()));
                if (d.hasInterval()) {
                    line.append(" (").append(m.display(d.low())).append(" to ").append(m.display(d.high())).append(')');
                }
                line.append(' ').append(m.unit());
                separator = "; ";
            }
            out.println(line);
        }
        out.flush();
    }
}
