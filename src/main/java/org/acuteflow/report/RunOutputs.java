package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import org.acuteflow.experiment.ExperimentResults;

/** Writes every output of a finished run into its (still hidden) working folder. */
public final class RunOutputs {
    private RunOutputs() {
    }

    public static void write(ExperimentResults results, Path dir) throws IOException {
        CsvOutputs.writeReplications(results, dir.resolve("replications.csv"));
        CsvOutputs.writeSummary(results, dir.resolve("summary.csv"));
        if (results.experiment().wants("differences") && results.scenarios() > 1) {
            CsvOutputs.writeDifferences(results, dir.resolve("differences.csv"));
        }
    }
}
