package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.acuteflow.testing.Queues.erlangC;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/**
 * The emergency bed pool in the whole model against Erlang C, and the divert rule: one site, medical emergencies
 * only, all self-presenting, flat weekly profile (Poisson admissions), decision to admit at the door, exponential
 * stays: the pool is an M/M/c queue and the wait from the decision to admit to a bed is Erlang C's.
 */
class EmergencyBedsQueueingTest {
    private static final double MINUTES_PER_YEAR = 365 * 1440.0;

    private static ObjectNode singleSiteAdmissions(double perMinute, double meanStay, double designOccupancy) {
        ObjectNode tree = defaults();
        onlyClasses(tree);
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
        ObjectNode medical = demandClass(tree, "medical_emergency");
        medical.put("per_year", perMinute * MINUTES_PER_YEAR);
        medical.put("self_present_share", 1.0);
        medical.put("profile", "flat");
        ObjectNode hospital = (ObjectNode) tree.get("hospital");
        hospital.putObject("ed_stay_minutes").put("type", "fixed").put("value", 0.0);
        ObjectNode beds = (ObjectNode) hospital.get("emergency_beds");
        beds.putObject("length_of_stay_minutes").put("type", "exponential").put("mean", meanStay);
        beds.put("design_occupancy", designOccupancy);
        beds.put("min_beds", 1);
        return tree;
    }

    /**
     * 16 admissions a day staying 1 day on average (load 16 beds) at a design occupancy of 0.8: 20 beds. Erlang C:
     * P(wait) = 0.2561, mean wait = 0.2561 / (20/1440 - 16/1440) = 92.2 min; within 10% as the mean of ten replications of 20
     * simulated years (seed 2016; one replication's estimate varies by ~15%, the mean's by ~5%).
     */
    @Test
    void boardingWaitMatchesErlangC() {
        double lambda = 16.0 / 1440;
        double stay = 1440;
        ObjectNode tree = singleSiteAdmissions(lambda, stay, 0.8);
        Network net = network(List.of(zone(0, 1000)), List.of(site(0, services(Service.TYPE1_AE))),
                List.of(station(0, 1)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        FlowModel model = new FlowModel(net, parameters(tree), TEST_OUTCOME);
        assertEquals(20, model.emergencyBeds()[0]);
        // Waits in a queue at 80% load are strongly autocorrelated: ten replications of 20 years each.
        int replications = 10;
        double waitHours = 0;
        double occupancy = 0;
        double over4h = 0;
        double admissions = 0;
        for (int k = 0; k < replications; k++) {
            ReplicationResult r = run(model, 2016, k, 20 * 365, 30);
            waitHours += r.metrics().get("emergency_boarding_hours_mean") / replications;
            occupancy += r.metrics().get("emergency_bed_occupancy_share") / replications;
            over4h += r.metrics().get("emergency_boarded_over_4h_share") / replications;
            admissions += r.metrics().get("emergency_bed_admissions_per_year") / replications;
        }
        int c = 20;
        double a = lambda * stay;
        double wait = erlangC(c, a) / (c / stay - lambda);
        assertEquals(92.2, wait, 0.1);
        assertEquals(wait, waitHours * 60, 0.10 * wait);
        // Occupancy a / c = 0.8.
        assertEquals(0.8, occupancy, 0.01);
        // The 4-hour tail: P(W > 240) = C exp(-(c mu - lambda) 240).
        double tail = erlangC(c, a) * Math.exp(-(c / stay - lambda) * 240);
        assertEquals(tail, over4h, 0.15 * tail);
        // Every admission took a bed: the admissions per year are the arrival rate.
        assertEquals(lambda * MINUTES_PER_YEAR, admissions, 0.01 * lambda * MINUTES_PER_YEAR);
    }

    @Test
    void withThePoolOffNobodyBoards() {
        ObjectNode tree = singleSiteAdmissions(16.0 / 1440, 1440, 0.8);
        ((ObjectNode) tree.get("hospital").get("emergency_beds")).put("enabled", false);
        Network net = network(List.of(zone(0, 1000)), List.of(site(0, services(Service.TYPE1_AE))),
                List.of(station(0, 1)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 2016, 0, 60, 10);
        assertEquals(0, r.metrics().get("emergency_bed_admissions_per_year"));
        assertTrue(Double.isNaN(r.metrics().get("emergency_boarding_hours_mean")));
    }

    /**
     * Diverts: two A&Es, conveyed medical emergencies (not Category A) all nearest to site 0. At a divert level no
     * department reaches, nobody is diverted; at a level every occupied department reaches (0.1 patients per
     * cubicle), a patient whose nearest department is that busy goes to site 1 when it is below the level and
     * within the extra minutes, so diverts happen and site 1 receives admissions.
     */
    @Test
    void divertsFollowTheRule() {
        ObjectNode tree = singleSiteAdmissions(16.0 / 1440, 1440, 0.8);
        ObjectNode medical = demandClass(tree, "medical_emergency");
        medical.put("self_present_share", 0.0);
        medical.put("category_a_share", 0.0);
        ObjectNode divert = (ObjectNode) tree.get("hospital").get("ed_divert");
        divert.put("enabled", true);
        divert.put("max_extra_minutes", 30.0);
        ((ObjectNode) tree.get("hospital")).putObject("ed_stay_minutes").put("type", "fixed").put("value", 180.0);
        ArrayTravelTimes travel = ArrayTravelTimes.zero(1, 2, 1);
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE)), site(1, services(Service.TYPE1_AE))),
                List.of(station(0, 50)), travel, hasuProtocol(45));
        divert.put("divert_occupancy", 10.0);
        ReplicationResult none = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 5, 0, 60, 10);
        assertEquals(0, none.metrics().get("ed_diverts_per_year"));
        divert.put("divert_occupancy", 0.1);
        ReplicationResult some = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 5, 0, 60, 10);
        assertTrue(some.metrics().get("ed_diverts_per_year") > 0, some.metrics().toString());
        assertTrue(some.series().get("site_admissions")[1] > 0);
    }
}
