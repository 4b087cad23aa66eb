package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.config.InputException;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

class FlowModelTest {

    /** Three zones, four sites; "concentrated" keeps HASUs at sites 0 and 3, "current" has 4 stroke units. */
    static Network smallNetwork(boolean concentrated) {
        double[][] zoneSite = {{5, 12, 20, 30}, {15, 6, 9, 25}, {28, 18, 7, 10}};
        double[][] stationZone = {{4, 10, 20}, {20, 9, 5}};
        double[][] siteSite = {{0, 12, 20, 25}, {12, 0, 10, 18}, {20, 10, 0, 9}, {25, 18, 9, 0}};
        double[][] siteStation = {{5, 22}, {10, 12}, {18, 6}, {26, 8}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, stationZone, siteSite, siteStation);
        List<Site> sites;
        if (concentrated) {
            sites = List.of(
                    site(0, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT, Service.THROMBOLYSIS,
                            Service.THROMBECTOMY, Service.MTC, Service.PCI), Map.of(Service.HASU, 6), Map.of()),
                    site(1, services(Service.TYPE1_AE, Service.TRAUMA_UNIT)),
                    site(2, services(Service.TYPE1_AE, Service.STROKE_UNIT, Service.TRAUMA_UNIT)),
                    site(3, services(Service.TYPE1_AE, Service.HASU, Service.STROKE_UNIT, Service.THROMBOLYSIS),
                            Map.of(Service.HASU, 6), Map.of()));
        } else {
            sites = List.of(
                    site(0, services(Service.TYPE1_AE, Service.STROKE_UNIT, Service.THROMBOLYSIS, Service.MTC)),
                    site(1, services(Service.TYPE1_AE, Service.STROKE_UNIT, Service.TRAUMA_UNIT)),
                    site(2, services(Service.TYPE1_AE, Service.STROKE_UNIT, Service.THROMBOLYSIS,
                            Service.TRAUMA_UNIT)),
                    site(3, services(Service.TYPE1_AE, Service.STROKE_UNIT)));
        }
        RoutingProtocol protocol = new RoutingProtocol(
                concentrated ? RoutingProtocol.StrokeRouting.NEAREST_HASU : RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT,
                RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, 15);
        return network(List.of(zone(0, 300_000), zone(1, 200_000), zone(2, 250_000)), sites,
                List.of(station(0, 4), station(1, 4)), travel, protocol);
    }

    static FlowModel smallModel(boolean concentrated, double scale) {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand")).put("scale", scale);
        return new FlowModel(smallNetwork(concentrated), parameters(tree), TEST_OUTCOME);
    }

    @Test
    void defaultParametersBindAndValidate() {
        FlowParameters p = parameters(defaults());
        assertEquals(9400, p.demand().of(DemandClass.STROKE).perYear());
        assertEquals(0.245, p.demand().stroke().mimicShare());
        assertEquals(270, p.hospital().stroke().maxOnsetToNeedleMinutesUnder80());
        assertEquals(1.0, p.ems().fleetScale());
        // Generated suspected strokes include mimics: 9400 / (1 - 0.245).
        assertEquals(9400 / 0.755, p.demand().generatedPerYear(DemandClass.STROKE), 1e-9);
    }

    @Test
    void everyParameterProblemIsReportedAtOnce() {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand").get("stroke")).put("ischaemic_share", 1.3);
        demandClass(tree, "major_trauma").put("conveyed_share", -0.1);
        ((ObjectNode) tree.get("demand").get("profiles").get("stroke_onset")).putArray("day_of_week").add(1).add(1);
        ((ObjectNode) tree.get("hospital").get("stroke")).put("stroke_unit_after_hasu_share", 2.0);
        ((ObjectNode) tree.get("ems")).put("road_km_per_base_minute", 0.0);
        InputException e = assertThrows(InputException.class, () -> parameters(tree));
        List<String> fields = e.problems().stream().map(p -> p.field()).toList();
        assertTrue(fields.contains("parameters.demand.stroke.ischaemic_share"), fields.toString());
        assertTrue(fields.contains("parameters.demand.classes.major_trauma.conveyed_share"), fields.toString());
        assertTrue(fields.contains("parameters.demand.profiles.stroke_onset.day_of_week"), fields.toString());
        assertTrue(fields.contains("parameters.hospital.stroke.stroke_unit_after_hasu_share"), fields.toString());
        assertTrue(fields.contains("parameters.ems.road_km_per_base_minute"), fields.toString());
    }

    @Test
    void unknownKeysAreErrors() {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("ems")).put("fleet_sclae", 2.0);
        InputException e = assertThrows(InputException.class, () -> parameters(tree));
        assertTrue(e.getMessage().contains("fleet_sclae"), e.getMessage());
    }

    @Test
    void mapsByDemandClassNeedEveryRegisteredClassAndNoOther() {
        ObjectNode tree = defaults();
        ObjectNode classes = (ObjectNode) tree.get("demand").get("classes");
        classes.set("strok", classes.get("stroke"));
        classes.remove("stroke");
        ((ObjectNode) tree.get("ems").get("on_scene_minutes")).remove("other_incident");
        InputException e = assertThrows(InputException.class, () -> parameters(tree));
        List<String> messages = e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        assertTrue(messages.contains("parameters.demand.classes: has no entry for demand class 'stroke'; classes are "
                + "[stroke, major_trauma, medical_emergency, surgical_emergency, other_incident, stemi]"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("parameters.demand.classes.strok: names no demand "
                + "class: 'strok'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("parameters.ems.on_scene_minutes: has no entry for "
                + "demand class 'other_incident'")), messages.toString());
    }

    @Test
    void sameSeedGivesIdenticalResults() {
        FlowModel model = smallModel(true, 0.01);
        ReplicationResult a = run(model, 42, 0, 60, 7);
        ReplicationResult b = run(model, 42, 0, 60, 7);
        assertEquals(a.metrics(), b.metrics());
        for (Map.Entry<String, double[]> s : a.series().entrySet()) {
            assertArrayEquals(s.getValue(), b.series().get(s.getKey()), s.getKey());
        }
        ReplicationResult c = run(model, 42, 1, 60, 7);
        assertNotEquals(a.metrics().get("incidents_per_year"), c.metrics().get("incidents_per_year"));
    }

    @Test
    void volumesMatchParametersPerYear() {
        // 1% of London: 11,000 incidents/yr expected (the defaults add up to ~1.1 million).
        FlowModel model = smallModel(true, 0.01);
        ReplicationResult r = run(model, 7, 0, 365, 14);
        double incidents = r.metrics().get("incidents_per_year");
        double strokes = r.metrics().get("strokes_per_year");
        // Ambulance incidents expected: (12,450 x 0.75 + 1,600 x 0.95 + 140,000 + 45,000 + 904,000) x 0.01.
        double expectedIncidents = (9400 / 0.755 * 0.75 + 1600 * 0.95 + 350_000 * 0.4 + 150_000 * 0.3 + 904_000) * 0.01;
        // Poisson counts: sd = sqrt(n) ~ 105; 5 sd tolerance.
        assertEquals(expectedIncidents, incidents, 5 * Math.sqrt(expectedIncidents));
        assertEquals(94, strokes, 5 * Math.sqrt(94));
        assertTrue(r.metrics().get("events_executed") > incidents * 3);
        double[] arrivals = r.series().get("arrivals_by_hour_of_week");
        assertEquals(168, arrivals.length);
        assertEquals(incidents, java.util.Arrays.stream(arrivals).sum(), 1e-6 * incidents);
        assertEquals(121, r.series().get("stroke_travel_minutes_histogram").length);
        assertEquals(3, r.series().get("zone_expected_deaths").length);
        assertEquals(4, r.series().get("site_admissions").length);
    }
}
