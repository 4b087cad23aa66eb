package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.acuteflow.testing.Queues.erlangC;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/** The fleet and the beds against analytical queueing results. */
class QueueingTest {
    private static final double MINUTES_PER_YEAR = 365 * 1440.0;

    private static void flatProfile(ObjectNode tree, String cls) {
        ObjectNode profiles = (ObjectNode) tree.get("demand").get("profiles");
        ObjectNode flat = profiles.putObject("flat");
        var hod = flat.putArray("hour_of_day");
        for (int i = 0; i < 24; i++) {
            hod.add(1.0);
        }
        var dow = flat.putArray("day_of_week");
        for (int i = 0; i < 7; i++) {
            dow.add(1.0);
        }
        demandClass(tree, cls).put("profile", "flat");
    }


    /**
     * M/M/3 ambulance fleet: one zone, travel, mobilisation and handover zero, calls not conveyed, on-scene
     * time exponential (mean 30 min), load 2.4 Erlangs. The mean wait for a free ambulance must match Erlang C
     * (32.4 min) within 10% over two simulated years (seed 2024; the estimate's standard error is ~3%).
     */
    @Test
    void meanWaitForAmbulanceMatchesErlangCWithinTolerance() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        double lambdaPerMinute = 0.08;
        double meanService = 30;
        int c = 3;
        ObjectNode other = demandClass(tree, "other_incident");
        other.put("per_year", lambdaPerMinute * MINUTES_PER_YEAR);
        other.put("conveyed_share", 0.0);
        other.put("category_a_share", 1.0);
        flatProfile(tree, "other_incident");
        ObjectNode ems = (ObjectNode) tree.get("ems");
        ems.put("mobilisation_minutes", 0.0);
        ((ObjectNode) ems.get("on_scene_minutes")).putObject("other_incident").put("type", "exponential")
                .put("mean", meanService);
        Network net = network(List.of(zone(0, 1000)), List.of(site(0, services(Service.TYPE1_AE))),
                List.of(station(0, c)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        FlowModel model = new FlowModel(net, parameters(tree), TEST_OUTCOME);
        ReplicationResult r = run(model, 2024, 0, 730, 10);
        double a = lambdaPerMinute * meanService;
        double expectedWait = erlangC(c, a) / (c / meanService - lambdaPerMinute);
        assertEquals(32.36, expectedWait, 0.01);
        assertEquals(expectedWait, r.metrics().get("ambulance_wait_minutes_mean"), 0.10 * expectedWait);
        // Response = wait here (no travel, no mobilisation).
        assertEquals(r.metrics().get("ambulance_wait_minutes_mean"),
                r.metrics().get("ambulance_response_minutes_mean"), 1e-9);
        // Utilisation = a / c.
        assertEquals(a / c, r.metrics().get("ambulance_utilisation"), 0.03);
    }

    /**
     * M/G/inf HASU: one site with unlimited HASU beds, strokes only (no mimics, all recognised, none
     * self-presenting, none moving to a stroke unit), HASU stay lognormal with median 72 h and sigma 0.4 (mean
     * 4,680 min). Mean occupancy = arrival rate x mean stay = 5,000/yr x 4,680 min = 44.5 beds, within 6%
     * over one year after a 30-day warm-up (seed 11; standard error ~2%).
     */
    @Test
    void hasuOccupancyMatchesMGInfinity() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        ObjectNode stroke = demandClass(tree, "stroke");
        stroke.put("per_year", 5000.0);
        stroke.put("self_present_share", 0.0);
        flatProfile(tree, "stroke");
        ObjectNode mix = (ObjectNode) tree.get("demand").get("stroke");
        mix.put("mimic_share", 0.0);
        mix.put("recognition_probability", 1.0);
        ObjectNode hospital = (ObjectNode) tree.get("hospital").get("stroke");
        hospital.put("stroke_unit_after_hasu_share", 0.0);
        hospital.putObject("hasu_stay_minutes").put("type", "lognormal").put("median", 4320.0).put("sigma", 0.4);
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT, Service.THROMBOLYSIS))),
                List.of(station(0, 30)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        FlowModel model = new FlowModel(net, parameters(tree), TEST_OUTCOME);
        ReplicationResult r = run(model, 11, 0, 365, 30);
        double expected = 5000 / MINUTES_PER_YEAR * 4320 * Math.exp(0.4 * 0.4 / 2);
        assertEquals(44.5, expected, 0.1);
        assertEquals(expected, r.metrics().get("hasu_occupancy_mean"), 0.06 * expected);
        assertEquals(r.metrics().get("hasu_occupancy_mean"), r.series().get("site_hasu_occupancy_mean")[0], 1e-9);
        double[] byHour = r.series().get("hasu_occupancy_by_hour_of_week");
        double mean = java.util.Arrays.stream(byHour).average().orElseThrow();
        assertEquals(r.metrics().get("hasu_occupancy_mean"), mean, 0.01 * expected);
        assertEquals(0.0, r.metrics().get("diverts_per_year"));
        assertEquals(1.0, r.metrics().get("stroke_unit_care_share"));
    }

    @Test
    void fullHasuDivertsToTheNextNearest() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        ObjectNode stroke = demandClass(tree, "stroke");
        stroke.put("per_year", 2000.0);
        stroke.put("self_present_share", 0.0);
        ObjectNode mix = (ObjectNode) tree.get("demand").get("stroke");
        mix.put("mimic_share", 0.0);
        mix.put("recognition_probability", 1.0);
        double[][] zoneSite = {{5, 10}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, new double[][] {{3}}, new double[2][2],
                new double[][] {{3}, {3}});
        // The nearest HASU has no bed at all: every suspected stroke goes on to the second.
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU), Map.of(Service.HASU, 0), Map.of()),
                        site(1, services(Service.TYPE1_AE, Service.HASU))),
                List.of(station(0, 20)), travel, hasuProtocol(45));
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 5, 0, 180, 0);
        assertEquals(r.metrics().get("strokes_per_year"), r.metrics().get("diverts_per_year"), 1e-9);
        // Every divert is away from the bedless nearest HASU, none from the second.
        assertEquals(r.metrics().get("diverts_per_year"), r.series().get("site_diverts_from")[0], 1e-9);
        assertEquals(0.0, r.series().get("site_diverts_from")[1]);
        assertEquals(0.0, r.metrics().get("site_admissions_per_year.S0"));
        assertEquals(10.0, r.metrics().get("stroke_travel_minutes_mean"), 1e-9);
        assertEquals(0.0, r.metrics().get("stroke_share_within_45min") - 1.0, 1e-12);
    }

    /**
     * Transfers call a fleet vehicle: major trauma only, conveyed to the trauma unit S0 (5 min; the MTC S1 is 60
     * min away, over the 45-minute threshold) and transferred to S1. With 40 vehicles at one station for ~1,600
     * patients a year a vehicle is always free at the station, so under nearest-free dispatch every transfer waits
     * exactly the blue-light drive from the station to S0, 7 min. With transfers outside the fleet it waits 0; the
     * handover mean is the same either way (the same draws, twice for transferred patients).
     */
    @Test
    void aTransferWaitsForTheFleetVehiclesDriveFromItsStation() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "major_trauma").put("per_year", 1600.0).put("self_present_share", 0.0);
        ((ObjectNode) tree.get("ems")).put("dispatch", "nearest-free");
        double[][] zoneSite = {{5, 60}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, new double[][] {{3}}, new double[][] {{0, 10}, {10, 0}},
                new double[][] {{7}, {4}});
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.TRAUMA_UNIT)),
                        site(1, services(Service.TYPE1_AE, Service.MTC))),
                List.of(station(0, 40)), travel, hasuProtocol(45));
        ReplicationResult fleet = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 7, 0, 120, 5);
        assertTrue(fleet.metrics().get("trauma_transfers_per_year") > 500, fleet.metrics().toString());
        assertEquals(7.0, fleet.metrics().get("transfer_wait_minutes_mean"), 1e-9);
        // Nearest-vehicle: a vehicle that conveyed a patient to S0 and is in the first half of its way home counts
        // as at S0 (0 min), nearer than the station, so some transfers wait less.
        ((ObjectNode) tree.get("ems")).put("dispatch", "nearest-vehicle");
        ReplicationResult nearest = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 7, 0, 120, 5);
        assertTrue(nearest.metrics().get("transfer_wait_minutes_mean") < 7.0 - 1e-9);
        assertTrue(nearest.metrics().get("transfer_wait_minutes_mean") >= 0);
        ((ObjectNode) tree.get("ems")).put("dispatch", "nearest-free");
        ((ObjectNode) tree.get("ems")).put("transfers_use_fleet", false);
        ReplicationResult outside = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 7, 0, 120, 5);
        assertEquals(0.0, outside.metrics().get("transfer_wait_minutes_mean"), 1e-12);
        assertEquals(fleet.metrics().get("trauma_transfers_per_year"), outside.metrics().get("trauma_transfers_per_year"));
        assertEquals(fleet.metrics().get("ambulance_handover_minutes_mean"),
                outside.metrics().get("ambulance_handover_minutes_mean"), 1e-9);
        // The fleet also carries the transfers: 7 min to S0 and the 10-minute transfer leg and handover at S1.
        assertTrue(fleet.metrics().get("ambulance_utilisation") > outside.metrics().get("ambulance_utilisation"));
    }

    /**
     * Crowding lengthens handovers by the occupancy arrivals find. One site, no travel, an ample fleet, flat
     * medical emergencies (Poisson arrivals at the door, which see the time-average occupancy L); crowding with
     * onset 0, slope 1 and 10 cubicles multiplies a handover by 1 + n / 10 for n patients in the department, so
     * the mean handover is the uncrowded mean (same patients, crowding off) times 1 + L / 10.
     */
    @Test
    void crowdedHandoversGrowWithTheOccupancyArrivalsFind() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "medical_emergency").put("per_year", 20000.0);
        flatProfile(tree, "medical_emergency");
        ObjectNode crowding = (ObjectNode) tree.get("hospital").get("ed_crowding");
        crowding.put("enabled", false);
        Network net = network(List.of(zone(0, 1000)), List.of(site(0, services(Service.TYPE1_AE))),
                List.of(station(0, 60)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        ReplicationResult off = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 12, 0, 200, 10);
        crowding.put("enabled", true).put("onset_occupancy", 0.0).put("slope", 1.0).put("max_multiplier", 100.0)
                .put("min_cubicles", 10);
        ReplicationResult on = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 12, 0, 200, 10);
        double occupancy = on.metrics().get("ed_occupancy_mean");
        // The department's load is below 10 x 0.85, so it has the minimum 10 cubicles.
        assertTrue(occupancy > 2 && occupancy < 8.5, "occupancy " + occupancy);
        assertEquals(off.metrics().get("ed_occupancy_mean"), occupancy, 1e-9);
        double expected = off.metrics().get("ambulance_handover_minutes_mean") * (1 + occupancy / 10);
        assertEquals(expected, on.metrics().get("ambulance_handover_minutes_mean"), 0.03 * expected);
        // One site: its series is the overall mean.
        assertEquals(on.metrics().get("ambulance_handover_minutes_mean"), on.series().get("site_handover_minutes_mean")[0],
                1e-9);
        assertTrue(on.metrics().get("ambulance_handover_minutes_mean") > 1.2 * off.metrics().get(
                "ambulance_handover_minutes_mean"));
    }

    /**
     * HASU to stroke-unit step-down waits in the HASU bed: strokes only, all recognised and conveyed to one site
     * with unlimited HASU beds and 18 stroke-unit beds (load 15 beds: 400 strokes a year staying a mean 19,830
     * min), every stroke stepping down. By Little's law the mean HASU occupancy is the admission rate times the
     * mean time in the HASU bed, the HASU stay (mean 4,320 e^0.08 = 4,680 min) plus the step-down wait; when the
     * stroke leaves instead of waiting, the wait is not there.
     */
    @Test
    void aBlockedStepDownKeepsItsHasuBedByLittlesLaw() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        ObjectNode stroke = demandClass(tree, "stroke");
        stroke.put("per_year", 400.0).put("self_present_share", 0.0);
        flatProfile(tree, "stroke");
        ObjectNode mix = (ObjectNode) tree.get("demand").get("stroke");
        mix.put("mimic_share", 0.0);
        mix.put("recognition_probability", 1.0);
        ObjectNode hospital = (ObjectNode) tree.get("hospital").get("stroke");
        hospital.put("stroke_unit_after_hasu_share", 1.0);
        hospital.put("stroke_unit_bed_queue", true);
        hospital.put("hasu_step_down_waits", true);
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT),
                        Map.of(Service.STROKE_UNIT, 18), Map.of())),
                List.of(station(0, 10)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 21, 0, 5 * 365, 60);
        double rate = r.metrics().get("strokes_per_year") / MINUTES_PER_YEAR;
        double waitMinutes = 60 * r.metrics().get("hasu_step_down_wait_hours_mean");
        assertTrue(waitMinutes > 60, "step-down wait " + waitMinutes);
        double expected = rate * (4320 * Math.exp(0.08) + waitMinutes);
        assertEquals(expected, r.metrics().get("hasu_occupancy_mean"), 0.04 * expected);
        hospital.put("hasu_step_down_waits", false);
        ReplicationResult leave = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 21, 0, 5 * 365, 60);
        double noWait = rate * 4320 * Math.exp(0.08);
        assertEquals(noWait, leave.metrics().get("hasu_occupancy_mean"), 0.04 * noWait);
        assertEquals(0.0, leave.metrics().get("hasu_step_down_wait_hours_mean"), 1e-12);
    }
}
