package org.acuteflow.demand;

import static org.junit.jupiter.api.Assertions.*;

import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.SourceMap;
import org.junit.jupiter.api.Test;

/** The shipped profiles reproduce the published patterns they are built from. */
class DefaultProfilesTest {
    private static DemandParameters defaults() {
        var d = ExperimentLoader.defaults();
        SourceMap s = new SourceMap("test");
        s.putAll(d.sources(), "parameters");
        return DemandParameters.from(d.tree().get("demand"), s);
    }

    private static double share(WeeklyProfile p, int fromHour, int toHour, boolean weekdaysOnly) {
        double sum = 0;
        for (int h = 0; h < 168; h++) {
            int hod = h % 24;
            if (hod >= fromHour && hod < toHour && (!weekdaysOnly || h < 120)) {
                sum += p.share(h);
            }
        }
        return sum;
    }

    @Test
    void strokeOnsetMatchesElliottBandsAndWelshWeekend() {
        WeeklyProfile p = defaults().profileOf(DemandClass.STROKE);
        // Elliott 1998: 00-06 is 29% below uniform (share 0.25 x 0.71), 06-12 is 49% above (0.25 x 1.49).
        assertEquals(0.25 * 0.71, share(p, 0, 6, false), 1e-9);
        assertEquals(0.25 * 1.49, share(p, 6, 12, false), 1e-9);
        // Welsh linkage 2015: a weekend day has 21% fewer stroke admissions than a weekday.
        double monday = share(p, 0, 24, true) / 5;
        double weekend = (1 - share(p, 0, 24, true)) / 2;
        assertEquals(0.79, weekend / monday, 1e-9);
    }

    @Test
    void emergencyAdmissionsAre237PercentAtWeekends() {
        WeeklyProfile p = defaults().profileOf(DemandClass.MEDICAL_EMERGENCY);
        assertEquals(0.237, 1 - share(p, 0, 24, true), 5e-4);
    }
}
