package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;

/**
 * The tabular outputs of a run. Rows are ordered by scenario (experiment order), then metric (first-seen order),
 * then replication, so equal results give byte-identical files.
 */
public final class CsvOutputs {
    private CsvOutputs() {
    }

    /** One row per scenario x replication x metric. */
    public static void writeReplications(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,replication,metric,value\n");
        List<String> metrics = results.metricNames();
        Experiment e = results.experiment();
        for (int s = 0; s < results.scenarios(); s++) {
            String name = Numbers.csv(e.scenarios().get(s).name());
            for (String m : metrics) {
                double[] v = results.values(s, m);
                for (int r = 0; r < v.length; r++) {
                    sb.append(name).append(',').append(r).append(',').append(m).append(',')
                            .append(Numbers.format(v[r])).append('\n');
                }
            }
        }
        Files2.writeString(file, sb.toString());
    }

    /** Mean and Student-t 95% interval per scenario and metric; interval cells empty with one replication. */
    public static void writeSummary(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,metric,mean,ci95_low,ci95_high,replications\n");
        List<String> metrics = results.metricNames();
        Experiment e = results.experiment();
        for (int s = 0; s < results.scenarios(); s++) {
            String name = Numbers.csv(e.scenarios().get(s).name());
            for (String m : metrics) {
                Statistics.Interval ci = Statistics.interval95(results.values(s, m));
                sb.append(name).append(',').append(m).append(',').append(Numbers.format(ci.mean())).append(',')
                        .append(Numbers.format(ci.low())).append(',').append(Numbers.format(ci.high())).append(',')
                        .append(ci.n()).append('\n');
            }
        }
        Files2.writeString(file, sb.toString());
    }

    /** Each scenario minus the baseline, paired by replication (common random numbers). */
    public static void writeDifferences(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("scenario,baseline,metric,mean_difference,ci95_low,ci95_high,replications\n");
        Experiment e = results.experiment();
        int b = e.baselineIndex();
        String baseName = Numbers.csv(e.baseline());
        for (int s = 0; s < results.scenarios(); s++) {
            if (s == b) {
                continue;
            }
            String name = Numbers.csv(e.scenarios().get(s).name());
            for (String m : results.metricNames()) {
                double[] d = Statistics.pairedDifferences(results.values(s, m), results.values(b, m));
                Statistics.Interval ci = Statistics.interval95(d);
                sb.append(name).append(',').append(baseName).append(',').append(m).append(',')
                        .append(Numbers.format(ci.mean())).append(',').append(Numbers.format(ci.low())).append(',')
                        .append(Numbers.format(ci.high())).append(',').append(ci.n()).append('\n');
            }
        }
        Files2.writeString(file, sb.toString());
    }
}
