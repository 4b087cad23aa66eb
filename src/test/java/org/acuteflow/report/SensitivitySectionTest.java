package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ReplicationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivitySectionTest {
    @TempDir
    Path dir;

    /** The fixture's results plus one sensitivity variant whose deaths are the fixture's deaths doubled. */
    private static ExperimentResults withVariant() {
        ExperimentResults base = ReportFixture.full();
        Experiment e = base.experiment();
        ReplicationResult[][] rr = new ReplicationResult[base.scenarios()][base.replications()];
        List<org.acuteflow.experiment.ScenarioModel> models = new ArrayList<>();
        for (int s = 0; s < base.scenarios(); s++) {
            models.add(base.model(s));
            for (int r = 0; r < base.replications(); r++) {
                ReplicationResult copy = new ReplicationResult();
                base.get(s, r).metrics().forEach(copy::metric);
                base.get(s, r).series().forEach(copy::series);
                copy.metric("sensitivity.stroke.organised_care_odds_ratio.low.deaths_total",
                        2 * base.get(s, r).metrics().get("deaths_total"));
                rr[s][r] = copy;
            }
        }
        return new ExperimentResults(e, rr, models);
    }

    @Test
    void theTableShowsDeathsAvertedUnderEachVariant() throws IOException {
        RunOutputs.write(withVariant(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"sensitivity\""));
        assertTrue(html.contains("<code>stroke.organised_care_odds_ratio</code></td><td>low</td>"), html);
        // Fixture deaths: current 100/110/120, concentrated 90/99/111: averted 10 on average, doubled 20.
        assertTrue(html.contains("data-variant=\"default\">10.0"), html);
        assertTrue(html.contains("data-variant=\"stroke.organised_care_odds_ratio.low\">20.0"), html);
    }

    @Test
    void noSectionWithoutVariants() throws IOException {
        RunOutputs.write(ReportFixture.full(), dir);
        assertFalse(Files.readString(dir.resolve("report.html")).contains("id=\"sensitivity\""));
    }
}
