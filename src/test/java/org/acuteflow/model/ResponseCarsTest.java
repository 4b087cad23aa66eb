package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/** Rapid-response cars against hand-computed arrivals and the Erlang loss formula. */
class ResponseCarsTest {
    private static final double MINUTES_PER_YEAR = 365 * 1440.0;

    /**
     * One zone; station A0 holds 40 ambulances 10 minutes from it, station A1 none, 4 minutes from it; one car at
     * each station. No mobilisation, travel factor 1, every call Category A and not conveyed, and with 40
     * ambulances for ~2 Erlangs of ambulance work one is always free at A0. The car of A0 is never sent (10
     * minutes is not nearer than the ambulance); the car of A1 is, whenever it is at its station: it reaches the
     * scene at 4 minutes, waits for the ambulance (10), clears 10 minutes later and drives 4 minutes home, busy
     * exactly 24 minutes. Calls are Poisson, the car is not queued for, so it is an M/D/1/1 loss system: a call
     * finds it free with probability 1 - B(1, a) = 1 / (1 + a), a = lambda x 24 (Erlang B, insensitive to the
     * service distribution). With a = 1: half the calls are reached first by the car, at 4 minutes (within 8),
     * the other half by the ambulance at 10; the ambulance is there at 10 for all; mean busy cars a / (1 + a) of
     * 2 cars.
     */
    @Test
    void aNearerCarArrivesFirstWhenFreeAsInAnErlangLossSystem() {
        double a = 1.0;
        double lambdaPerMinute = a / 24;
        ReplicationResult r = run(model(lambdaPerMinute, 1.0, 1), 17, 0, 240, 10);
        var m = r.metrics();
        double free = 1 / (1 + a);
        assertEquals(free, m.get("response_car_first_share"), 0.03);
        assertEquals(m.get("response_car_first_share"), m.get("ambulance_share_within_8min"), 1e-12);
        assertEquals(0.0, m.get("ambulance_share_within_8min_by_ambulance"));
        // The patient's clock is the ambulance's: 10 minutes, car or not.
        assertEquals(10.0, m.get("ambulance_response_minutes_mean_category_a"), 1e-9);
        assertEquals(a / (1 + a) / 2, m.get("response_car_utilisation"), 0.03);
    }

    /**
     * Cars do not disturb the ambulances: with and without them (same seed, same patients) every ambulance
     * arrives at the same time and the fleet is as busy, while the first-arrival share rises. Here the ambulance
     * is 10 minutes from a busy zone whose calls need it for ~50 minutes: 3 ambulances make it queue.
     */
    @Test
    void carsLeaveTheAmbulancesAsTheyWere() {
        ReplicationResult without = run(model(1.0 / 24, 1.0, 0, 4, 3), 23, 0, 120, 5);
        ReplicationResult with = run(model(1.0 / 24, 1.0, 1, 4, 3), 23, 0, 120, 5);
        for (String m : List.of("ambulance_response_minutes_mean_category_a", "ambulance_wait_minutes_mean",
                "ambulance_utilisation", "ambulance_share_within_8min_by_ambulance")) {
            assertEquals(without.metrics().get(m), with.metrics().get(m), 1e-12, m);
        }
        assertTrue(without.metrics().get("ambulance_wait_minutes_mean") > 1, "the ambulances queue");
        assertTrue(with.metrics().get("ambulance_share_within_8min")
                > without.metrics().get("ambulance_share_within_8min") + 0.2);
    }

    /** Without cars, or for calls that are not Category A, no car goes and the two 8-minute shares agree. */
    @Test
    void noCarsOrNoCategoryAMeansAmbulancesOnly() {
        ReplicationResult none = run(model(1.0 / 24, 1.0, 0), 17, 0, 60, 5);
        assertEquals(0.0, none.metrics().get("response_car_first_share"));
        assertTrue(Double.isNaN(none.metrics().get("response_car_utilisation")));
        assertEquals(none.metrics().get("ambulance_share_within_8min"),
                none.metrics().get("ambulance_share_within_8min_by_ambulance"), 1e-12);
        ReplicationResult notA = run(model(1.0 / 24, 0.0, 1), 17, 0, 60, 5);
        assertEquals(0.0, notA.metrics().get("response_car_utilisation"));
        assertTrue(Double.isNaN(notA.metrics().get("response_car_first_share")));
    }

    /**
     * A car no nearer than the ambulance stays at its station: with both cars' stations 10 minutes away (as far as
     * the ambulances'), none is ever sent.
     */
    @Test
    void aCarNoNearerThanTheAmbulanceIsNotSent() {
        ReplicationResult r = run(model(1.0 / 24, 1.0, 1, 10), 17, 0, 60, 5);
        assertEquals(0.0, r.metrics().get("response_car_first_share"));
        assertEquals(0.0, r.metrics().get("response_car_utilisation"));
    }

    private static FlowModel model(double lambdaPerMinute, double categoryAShare, int carsPerStation) {
        return model(lambdaPerMinute, categoryAShare, carsPerStation, 4);
    }

    private static FlowModel model(double lambdaPerMinute, double categoryAShare, int carsPerStation,
                                   double carStationMinutes) {
        return model(lambdaPerMinute, categoryAShare, carsPerStation, carStationMinutes, 40);
    }

    private static FlowModel model(double lambdaPerMinute, double categoryAShare, int carsPerStation,
                                   double carStationMinutes, int ambulances) {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        ObjectNode other = demandClass(tree, "other_incident");
        other.put("per_year", lambdaPerMinute * MINUTES_PER_YEAR);
        other.put("conveyed_share", 0.0);
        other.put("category_a_share", categoryAShare);
        other.put("self_present_share", 0.0);
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
        other.put("profile", "flat");
        ObjectNode ems = (ObjectNode) tree.get("ems");
        ems.put("mobilisation_minutes", 0.0);
        ems.put("response_travel_factor", 1.0);
        ems.put("response_cars_per_station", carsPerStation);
        ems.put("response_car_clear_minutes", 10.0);
        ((ObjectNode) ems.get("on_scene_minutes")).putObject("other_incident").put("type", "exponential")
                .put("mean", 30.0);
        ArrayTravelTimes travel = new ArrayTravelTimes(new double[][] {{5}},
                new double[][] {{10}, {carStationMinutes}}, new double[][] {{0}}, new double[][] {{10, 4}});
        Network net = network(List.of(zone(0, 1000)), List.of(site(0, services(Service.TYPE1_AE))),
                List.of(station(0, ambulances), station(1, 0)), travel, hasuProtocol(45));
        return new FlowModel(net, parameters(tree), TEST_OUTCOME);
    }
}
