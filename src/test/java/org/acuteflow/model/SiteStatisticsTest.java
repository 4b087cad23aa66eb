package org.acuteflow.model;

import static org.acuteflow.model.TestModels.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.acuteflow.experiment.ReplicationResult;
import org.junit.jupiter.api.Test;

/** The per-site series add up to the region-wide metrics they split, and mark sites without a value. */
class SiteStatisticsTest {
    private static double sum(double[] v) {
        return Arrays.stream(v).sum();
    }

    @Test
    void perSiteSeriesSumToTheRegionWideMetrics() {
        for (boolean concentrated : new boolean[] {false, true}) {
            ReplicationResult r = run(FlowModelTest.smallModel(concentrated, 0.02), 7, 0, 60, 7);
            var m = r.metrics();
            var s = r.series();
            // Deaths: every counted patient with an outcome was admitted somewhere or died before; the per-site
            // sums hold those first admitted, so they cannot exceed the total and hold nearly all of it.
            double siteDeaths = sum(s.get("site_expected_deaths"));
            assertTrue(siteDeaths <= m.get("deaths_total") + 1e-6, concentrated + ": " + siteDeaths);
            assertTrue(siteDeaths > 0.8 * m.get("deaths_total"), concentrated + ": " + siteDeaths);
            assertTrue(sum(s.get("site_expected_stroke_deaths")) <= m.get("stroke_deaths_90d") + 1e-6);
            assertEquals(m.get("diverts_per_year"), sum(s.get("site_diverts_from")), 1e-6);
            assertEquals(m.get("ed_occupancy_mean"), sum(s.get("site_ed_occupancy_mean")), 1e-6);
            assertEquals(m.get("stroke_unit_occupancy_mean"), sum(s.get("site_stroke_unit_occupancy_mean")), 1e-6);
            double[] dtn = s.get("site_door_to_needle_minutes_median");
            double[] strokes = s.get("site_stroke_admissions");
            for (int i = 0; i < dtn.length; i++) {
                // A median only where strokes were admitted; NaN marks a site that thrombolysed nobody.
                assertTrue(Double.isNaN(dtn[i]) || strokes[i] > 0, concentrated + " site " + i);
            }
            assertTrue(Arrays.stream(dtn).anyMatch(Double::isFinite), concentrated + ": no site thrombolysed");
        }
    }
}
