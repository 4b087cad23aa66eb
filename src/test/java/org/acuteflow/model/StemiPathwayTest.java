package org.acuteflow.model;

import static org.acuteflow.model.TestModels.defaults;
import static org.acuteflow.model.TestModels.demandClass;
import static org.acuteflow.model.TestModels.network;
import static org.acuteflow.model.TestModels.onlyClasses;
import static org.acuteflow.model.TestModels.parameters;
import static org.acuteflow.model.TestModels.run;
import static org.acuteflow.model.TestModels.services;
import static org.acuteflow.model.TestModels.site;
import static org.acuteflow.model.TestModels.station;
import static org.acuteflow.model.TestModels.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.acuteflow.pathway.stemi.StemiOutcome;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/** The heart attack pathway on a small network whose one heart attack centre is site S0. */
class StemiPathwayTest {
    private static final StemiOutcome OUTCOME = StemiOutcome.defaults();

    /** {@link #heartAttackNetwork(CoverSchedule, String)} with the configuration's rule {@code nearest_pci}. */
    private static Network heartAttackNetwork(CoverSchedule cover) {
        return heartAttackNetwork(cover, "nearest_pci");
    }

    /**
     * FlowModelTest's concentrated network; S0 offers primary PCI with {@code cover} (null: always on site); the
     * configuration's heart attack rule is {@code rule} ({@code routing: {stemi: rule}}).
     */
    private static Network heartAttackNetwork(CoverSchedule cover, String rule) {
        double[][] zoneSite = {{5, 12, 20, 30}, {15, 6, 9, 25}, {28, 18, 7, 10}};
        double[][] stationZone = {{4, 10, 20}, {20, 9, 5}};
        double[][] siteSite = {{0, 12, 20, 25}, {12, 0, 10, 18}, {20, 10, 0, 9}, {25, 18, 9, 0}};
        double[][] siteStation = {{5, 22}, {10, 12}, {18, 6}, {26, 8}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, stationZone, siteSite, siteStation);
        List<Site> sites = List.of(
                site(0, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT, Service.MTC, Service.PCI),
                        Map.of(Service.HASU, 6), cover == null ? Map.of() : Map.of(Service.PCI, cover)),
                site(1, services(Service.TYPE1_AE, Service.TRAUMA_UNIT)),
                site(2, services(Service.TYPE1_AE, Service.STROKE_UNIT, Service.TRAUMA_UNIT)),
                site(3, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT), Map.of(Service.HASU, 6),
                        Map.of()));
        RoutingProtocol protocol = new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU,
                RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, 15).withPathwayRules(Map.of("stemi",
                new RoutingProtocol.PathwayRule(rule, "test-config.yaml", 1, "routing.stemi")));
        return network(List.of(zone(0, 300_000), zone(1, 200_000), zone(2, 250_000)), sites,
                List.of(station(0, 6), station(1, 6)), travel, protocol);
    }

    /** Heart attacks only, with fixed door-to-balloon (30 min) and door-in-door-out (45 min) times. */
    private static ObjectNode heartAttacksOnly() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stemi").put("per_year", 20_000);
        ObjectNode stemi = (ObjectNode) tree.get("stemi");
        ObjectNode hospital = (ObjectNode) stemi.get("hospital");
        hospital.putObject("door_to_balloon_minutes").put("type", "fixed").put("value", 30);
        hospital.putObject("transfer_door_in_door_out_minutes").put("type", "fixed").put("value", 45);
        return tree;
    }

    private static FlowModel model(Network network, ObjectNode tree) {
        return new FlowModel(network, parameters(tree), new OutcomeModel(OutcomeParameters.defaults()));
    }

    /** The patients file's rows as column maps. */
    private static List<Map<String, String>> rows(TestModels.ListSink sink) {
        String[] header = sink.header.split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String row : sink.rows) {
            String[] cells = row.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int k = 0; k < header.length; k++) {
                m.put(header[k], cells[k]);
            }
            out.add(m);
        }
        return out;
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void eachPatientsThirtyDayRiskIsTheOutcomeModelAtItsHandComputedCallToBalloonTime() {
        TestModels.ListSink sink = new TestModels.ListSink();
        run(model(heartAttackNetwork(null), heartAttacksOnly()), 11, 0, 10, 1, sink);
        int direct = 0;
        int transferred = 0;
        for (Map<String, String> r : rows(sink)) {
            assertEquals("stemi", r.get("class"));
            AgeBand age = AgeBand.valueOf(r.get("age_band").toUpperCase(java.util.Locale.ROOT));
            boolean selfPresenter = Boolean.parseBoolean(r.get("self_presenter"));
            double firstContact = selfPresenter ? num(r, "door_min") : num(r, "call_min");
            double arrivalAtCentre;
            if (r.get("first_site").equals("S0")) {
                // Straight to the heart attack centre: ambulance patients always, self-presenters of zone 0.
                assertEquals("", r.get("transfer_site"));
                arrivalAtCentre = num(r, "door_min");
                direct++;
            } else {
                assertTrue(selfPresenter, "only a self-presenter reaches a hospital without primary PCI");
                assertEquals("S0", r.get("transfer_site"));
                // Ready after the fixed 45 minutes, then the transfer waits for a fleet ambulance.
                assertTrue(num(r, "transfer_depart_min") - num(r, "door_min") >= 45 - 0.0015, r.toString());
                arrivalAtCentre = num(r, "transfer_arrival_min");
                transferred++;
            }
            double callToBalloon = arrivalAtCentre + 30 - firstContact;
            assertEquals(OUTCOME.mortality30d(age, callToBalloon, false), num(r, "p_death"), 2e-6, r.toString());
        }
        assertTrue(direct > 100 && transferred > 20, direct + " direct, " + transferred + " transferred");
    }

    @Test
    void nearestAeAndTransferDelaysTheBalloonForTheSamePatients() {
        ReplicationResult direct = run(model(heartAttackNetwork(null), heartAttacksOnly()), 5, 0, 30, 2);
        ReplicationResult viaAe = run(model(heartAttackNetwork(null, "nearest_ae"), heartAttacksOnly()), 5, 0, 30, 2);
        Map<String, Double> d = direct.metrics();
        Map<String, Double> a = viaAe.metrics();
        // Same patients in both (common random numbers): the same count.
        assertEquals(d.get(Metrics.STEMI_PATIENTS_PER_YEAR.name()), a.get(Metrics.STEMI_PATIENTS_PER_YEAR.name()));
        assertTrue(d.get(Metrics.STEMI_SHARE_DIRECT_TO_PCI.name()) > a.get(Metrics.STEMI_SHARE_DIRECT_TO_PCI.name()));
        assertTrue(d.get(Metrics.STEMI_TRANSFERS_PER_YEAR.name()) < a.get(Metrics.STEMI_TRANSFERS_PER_YEAR.name()));
        assertTrue(d.get(Metrics.STEMI_CALL_TO_BALLOON_MINUTES_MEDIAN.name())
                < a.get(Metrics.STEMI_CALL_TO_BALLOON_MINUTES_MEDIAN.name()));
        assertTrue(d.get(Metrics.STEMI_DEATHS_30D.name()) < a.get(Metrics.STEMI_DEATHS_30D.name()));
        // At the centre the door-to-balloon time is the fixed 30 minutes (the team is always on site).
        assertEquals(30, d.get(Metrics.STEMI_DOOR_TO_BALLOON_MINUTES_MEDIAN.name()), 1e-9);
        assertEquals(0, d.get(Metrics.STEMI_SHARE_CATH_LAB_ON_CALL.name()), 0);
    }

    @Test
    void outOfHoursTheOnCallTeamAddsItsDelay() {
        boolean[] weekdayDaytime = new boolean[CoverSchedule.HOURS_PER_WEEK];
        for (int day = 0; day < 5; day++) {
            Arrays.fill(weekdayDaytime, day * 24 + 8, day * 24 + 18, true);
        }
        TestModels.ListSink sink = new TestModels.ListSink();
        ReplicationResult r = run(model(heartAttackNetwork(new CoverSchedule(weekdayDaytime, 15)),
                heartAttacksOnly()), 7, 0, 14, 1, sink);
        int onCall = 0;
        int onSite = 0;
        for (Map<String, String> row : rows(sink)) {
            boolean atCentreDirectly = row.get("first_site").equals("S0");
            double arrival = num(row, atCentreDirectly ? "door_min" : "transfer_arrival_min");
            boolean teamOnSite = weekdayDaytime[org.acuteflow.sim.WeekTime.hourOfWeek(arrival)];
            assertEquals(teamOnSite, Boolean.parseBoolean(row.get("specialist_on_site")));
            onCall += teamOnSite ? 0 : 1;
            onSite += teamOnSite ? 1 : 0;
        }
        assertTrue(onCall > 0 && onSite > 0);
        assertEquals((double) onCall / (onCall + onSite), r.metrics().get(Metrics.STEMI_SHARE_CATH_LAB_ON_CALL.name()),
                1e-12);
    }

    @Test
    void addingHeartAttacksLeavesEveryOtherPatientsDrawsAsTheyWere() {
        ObjectNode without = defaults();
        ((ObjectNode) without.get("demand")).put("scale", 0.02);
        ObjectNode with = without.deepCopy();
        demandClass(with, "stemi").put("per_year", 50_000);
        TestModels.ListSink a = new TestModels.ListSink();
        TestModels.ListSink b = new TestModels.ListSink();
        ReplicationResult off = run(model(heartAttackNetwork(null), without), 3, 0, 5, 1, a);
        run(model(heartAttackNetwork(null), with), 3, 0, 5, 1, b);
        // Off: no heart attack patients and no stemi_ metrics.
        assertTrue(a.rows.stream().noneMatch(r -> r.contains(",stemi,")));
        assertNull(off.metrics().get(Metrics.STEMI_PATIENTS_PER_YEAR.name()));
        // On: the other patients' own draws (zone, age, self-presentation, priority, case mix, onset) are the same.
        List<String> drawsOff = draws(a, false);
        List<String> drawsOn = draws(b, false);
        assertFalse(draws(b, true).isEmpty());
        assertEquals(drawsOff, drawsOn);
    }

    /** The drawn attributes of each patient (not its ambulance or hospital times), sorted; heart attacks or not. */
    private static List<String> draws(TestModels.ListSink sink, boolean heartAttacks) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows(sink)) {
            if (r.get("class").equals("stemi") == heartAttacks) {
                out.add(String.join("|", r.get("class"), r.get("condition"), r.get("zone"), r.get("age_band"),
                        r.get("self_presenter"), r.get("category_a"), r.get("conveyed"), r.get("recognised"),
                        r.get("onset_known"), r.get("eligible"), r.get("lvo"), r.get("onset_min")));
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void heartAttacksNeedAHeartAttackCentre() {
        ObjectNode tree = heartAttacksOnly();
        Network none = FlowModelTest.smallNetwork(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(none, tree));
        assertTrue(e.getMessage().contains("pci"), e.getMessage());
    }
}
