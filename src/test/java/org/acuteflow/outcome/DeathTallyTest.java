package org.acuteflow.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.demand.Condition;
import org.acuteflow.experiment.ReplicationResult;
import org.junit.jupiter.api.Test;

class DeathTallyTest {

    @Test
    void mimicsNeverAddStrokeDeaths() {
        DeathTally tally = new DeathTally();
        for (int i = 0; i < 100; i++) {
            tally.record(Condition.STROKE_MIMIC, 1.0, true, i % 2 == 0, i % 24);
        }
        tally.record(Condition.STROKE_ISCHAEMIC, 0.25, false, false, 10);
        ReplicationResult r = new ReplicationResult();
        tally.writeTo(r::metric, 1);
        Map<String, Double> m = r.metrics();
        assertEquals(0.25, m.get("stroke_deaths_90d"), 1e-12);
        assertEquals(0.0, m.get("stroke_deaths_90d_sampled"));
        assertEquals(0.25, m.get("stroke_mortality_90d"), 1e-12);
        assertEquals(100.0, m.get("mimic_deaths_30d"), 1e-12);
        assertEquals(100.0, m.get("mimic_deaths_30d_sampled"));
        assertEquals(100.25, m.get("deaths_total"), 1e-12);
        assertEquals(1, tally.patients(DeathTally.Group.STROKE));
    }

    @Test
    void slicesPartitionEachGroupAndTotalsAddUp() {
        DeathTally tally = new DeathTally();
        Condition[] conditions = Condition.BUILT_IN.toArray(new Condition[0]);
        for (int i = 0; i < 1000; i++) {
            Condition c = conditions[i % conditions.length];
            double p = (i % 97) / 100.0;
            tally.record(c, p, i % 3 == 0, i % 7 >= 5, (i * 5) % 24);
        }
        ReplicationResult r = new ReplicationResult();
        tally.writeTo(r::metric, 2.0);
        Map<String, Double> m = r.metrics();
        double totalOfGroups = 0;
        double sampledOfGroups = 0;
        for (DeathTally.Group g : DeathTally.Group.values()) {
            String n = g.deathsMetric();
            assertEquals(tally.expectedDeaths(g) / 2.0, m.get(n), 1e-9);
            assertEquals(m.get(n), m.get(n + "_weekday") + m.get(n + "_weekend"), 1e-9, n);
            assertEquals(m.get(n), m.get(n + "_hours_00_08") + m.get(n + "_hours_08_18") + m.get(n + "_hours_18_24"),
                    1e-9, n);
            assertEquals(tally.expectedDeaths(g) / tally.patients(g), m.get(g.mortalityMetric()), 1e-12);
            totalOfGroups += m.get(n);
            sampledOfGroups += m.get(n + "_sampled");
        }
        assertEquals(totalOfGroups, m.get("deaths_total"), 1e-9);
        assertEquals(sampledOfGroups, m.get("deaths_total_sampled"), 1e-9);
        assertEquals(m.get("deaths_total"), m.get("deaths_total_weekday") + m.get("deaths_total_weekend"), 1e-9);
        assertEquals(tally.sampledDeathsTotal() / 2.0, m.get("deaths_total_sampled"), 1e-12);
    }

    @Test
    void writesExactlyTheDocumentedMetricNames() {
        ReplicationResult r = new ReplicationResult();
        new DeathTally().writeTo(r::metric, 1);
        Set<String> expected = new LinkedHashSet<>();
        for (String n : List.of("stroke_deaths_90d", "trauma_deaths", "emergency_deaths_30d", "mimic_deaths_30d",
                "deaths_total")) {
            for (String suffix : List.of("", "_sampled", "_weekday", "_weekend", "_hours_00_08", "_hours_08_18",
                    "_hours_18_24")) {
                expected.add(n + suffix);
            }
        }
        expected.addAll(List.of("stroke_mortality_90d", "trauma_mortality", "emergency_mortality_30d",
                "mimic_mortality_30d"));
        assertEquals(expected, r.metrics().keySet());
        assertTrue(Double.isNaN(r.metrics().get("stroke_mortality_90d")), "no patients: mortality undefined");
        assertEquals(0.0, r.metrics().get("deaths_total"));
    }

    @Test
    void clockTimeGivesWeekendAndHourBand() {
        DeathTally tally = new DeathTally();
        double saturday1030 = 5 * 1440 + 10.5 * 60;
        double sunday2359 = 6 * 1440 + 23 * 60 + 59.5;
        double mondayWeek2Midnight = 14 * 1440;
        double friday0759 = 4 * 1440 + 7 * 60 + 59;
        tally.record(Condition.MAJOR_TRAUMA, 0.1, false, saturday1030);
        tally.record(Condition.MAJOR_TRAUMA, 0.2, false, sunday2359);
        tally.record(Condition.MAJOR_TRAUMA, 0.4, false, mondayWeek2Midnight);
        tally.record(Condition.MAJOR_TRAUMA, 0.8, true, friday0759);
        DeathTally.Group t = DeathTally.Group.TRAUMA;
        assertEquals(0.3, tally.expectedDeaths(t, DeathTally.Slice.WEEKEND), 1e-12);
        assertEquals(1.2, tally.expectedDeaths(t, DeathTally.Slice.WEEKDAY), 1e-12);
        assertEquals(1.2, tally.expectedDeaths(t, DeathTally.Slice.HOURS_00_08), 1e-12);
        assertEquals(0.1, tally.expectedDeaths(t, DeathTally.Slice.HOURS_08_18), 1e-12);
        assertEquals(0.2, tally.expectedDeaths(t, DeathTally.Slice.HOURS_18_24), 1e-12);
        assertEquals(1, tally.sampledDeaths(t));
    }

    @Test
    void rejectsImpossibleInputs() {
        DeathTally tally = new DeathTally();
        assertThrows(IllegalArgumentException.class, () -> tally.record(Condition.MAJOR_TRAUMA, 1.1, true, false, 3));
        assertThrows(IllegalArgumentException.class, () -> tally.record(Condition.MAJOR_TRAUMA, 0.1, true, false, 24));
        assertThrows(IllegalArgumentException.class, () -> tally.writeTo(new ReplicationResult()::metric, 0));
    }
}
