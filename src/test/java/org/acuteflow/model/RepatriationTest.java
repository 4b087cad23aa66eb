package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.acuteflow.testing.Queues.erlangCMeanWait;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/**
 * Repatriation from a HASU to the home stroke unit on another site: strokes only, all recognised and conveyed to
 * the HASU at S0 (no stroke unit there), every stroke moving on to the one stroke unit, at S1.
 */
class RepatriationTest {
    private static final double MINUTES_PER_YEAR = 365 * 1440.0;

    private static ObjectNode strokesOnly(double perYear) {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stroke").put("per_year", perYear).put("self_present_share", 0.0);
        // Flat in time: Poisson admissions.
        ObjectNode flat = ((ObjectNode) tree.get("demand").get("profiles")).putObject("flat");
        var hourOfDay = flat.putArray("hour_of_day");
        for (int i = 0; i < 24; i++) {
            hourOfDay.add(1.0);
        }
        var dayOfWeek = flat.putArray("day_of_week");
        for (int i = 0; i < 7; i++) {
            dayOfWeek.add(1.0);
        }
        demandClass(tree, "stroke").put("profile", "flat");
        ObjectNode mix = (ObjectNode) tree.get("demand").get("stroke");
        mix.put("mimic_share", 0.0);
        mix.put("recognition_probability", 1.0);
        ObjectNode hospital = (ObjectNode) tree.get("hospital").get("stroke");
        hospital.put("stroke_unit_after_hasu_share", 1.0);
        hospital.put("hasu_repatriation", true);
        return tree;
    }

    private static Network hasuAndStrokeUnit(int strokeUnitBeds, TravelTimes travel) {
        return network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU)),
                        site(1, services(Service.TYPE1_AE, Service.STROKE_UNIT),
                                Map.of(Service.STROKE_UNIT, strokeUnitBeds), Map.of())),
                List.of(station(0, 40)), travel, hasuProtocol(45));
    }

    /**
     * The home stroke unit is an M/M/c queue whose customers wait in their HASU beds: HASU departures of an
     * M/G/inf HASU with Poisson admissions are Poisson (rate 1,460 a year), no travel, an ample fleet, so a bed at
     * S1 is held for exactly the exponential stroke-unit stay (mean 1 day): load a = 4 Erlangs on c = 5 beds. The
     * mean repatriation wait must be Erlang C's (C(5, 4) x 1,440 min = 13.3 h) within 10% over 150 simulated years
     * (at this load the waits are strongly correlated: over 20 years the estimate's standard error is ~9%);
     * the stroke unit's occupancy a, and by Little's law the HASU's the admission rate times the HASU stay plus the
     * wait. Every stroke is repatriated.
     */
    @Test
    void repatriationWaitsForAHomeStrokeUnitBedAsInMMc() {
        double perYear = 1460;
        ObjectNode tree = strokesOnly(perYear);
        ObjectNode hospital = (ObjectNode) tree.get("hospital").get("stroke");
        hospital.putObject("hasu_stay_minutes").put("type", "exponential").put("mean", 2880.0);
        hospital.putObject("stroke_unit_stay_minutes").put("type", "exponential").put("mean", 1440.0);
        Network net = hasuAndStrokeUnit(5, ArrayTravelTimes.zero(1, 2, 1));
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 31, 0, 150 * 365, 30);
        double lambda = perYear / MINUTES_PER_YEAR;
        double expectedWait = erlangCMeanWait(lambda, 1 / 1440.0, 5);
        assertEquals(797.9, expectedWait, 0.5);
        double waitMinutes = 60 * r.metrics().get("repatriation_wait_hours_mean");
        assertEquals(expectedWait, waitMinutes, 0.10 * expectedWait);
        assertEquals(r.metrics().get("strokes_per_year"), r.metrics().get("stroke_repatriations_per_year"),
                0.01 * perYear);
        double rate = r.metrics().get("strokes_per_year") / MINUTES_PER_YEAR;
        assertEquals(4.0, r.metrics().get("stroke_unit_occupancy_mean"), 0.05 * 4);
        double hasu = rate * (2880 + waitMinutes);
        assertEquals(hasu, r.metrics().get("hasu_occupancy_mean"), 0.03 * hasu);
        // No stroke steps down on the HASU's own site.
        assertTrue(Double.isNaN(r.metrics().get("hasu_step_down_wait_hours_mean")));
    }

    /**
     * A planned transfer is timed at normal road speed: ample stroke-unit beds, nearest-free dispatch with 40
     * vehicles at one station 7 base minutes from the HASU, normal driving twice as slow as base: every
     * repatriation waits in its HASU bed exactly the ambulance's 14-minute drive. Without the fleet it leaves at
     * once; without repatriation no stroke is moved (S0 has no stroke unit: it is discharged).
     */
    @Test
    void aRepatriationWaitsForTheAmbulancesDriveAtNormalSpeed() {
        ObjectNode tree = strokesOnly(300);
        ((ObjectNode) tree.get("ems")).put("dispatch", "nearest-free");
        ArrayTravelTimes travel = new ArrayTravelTimes(new double[][] {{5, 5}}, new double[][] {{3}},
                new double[][] {{0, 10}, {10, 0}}, new double[][] {{7}, {7}});
        for (int h = 0; h < 168; h++) {
            travel.withFactor(h, TravelTimes.Mode.NORMAL, 2);
        }
        Network net = hasuAndStrokeUnit(1000, travel);
        ReplicationResult fleet = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 8, 0, 365, 40);
        assertTrue(fleet.metrics().get("stroke_repatriations_per_year") > 200, fleet.metrics().toString());
        assertEquals(14.0 / 60, fleet.metrics().get("repatriation_wait_hours_mean"), 1e-9);
        ((ObjectNode) tree.get("ems")).put("transfers_use_fleet", false);
        ReplicationResult outside = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 8, 0, 365, 40);
        assertEquals(0.0, outside.metrics().get("repatriation_wait_hours_mean"), 1e-12);
        assertEquals(fleet.metrics().get("stroke_repatriations_per_year"),
                outside.metrics().get("stroke_repatriations_per_year"));
        assertTrue(fleet.metrics().get("ambulance_utilisation") > outside.metrics().get("ambulance_utilisation"));
        ((ObjectNode) tree.get("hospital").get("stroke")).put("hasu_repatriation", false);
        ReplicationResult none = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 8, 0, 365, 40);
        assertEquals(0.0, none.metrics().get("stroke_repatriations_per_year"));
        assertEquals(0.0, none.metrics().get("stroke_unit_occupancy_mean"));
    }
}
