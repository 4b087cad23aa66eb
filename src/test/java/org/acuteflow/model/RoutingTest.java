package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.pathway.Routing;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/** Where the protocol sends patients in tiny networks with hand-computed answers. */
class RoutingTest {
    private static final int ZONES = 1;

    /**
     * Zone 0 to sites: S0 5 min (HASU, but the site is closed), S1 12 min (HASU), S2 3 min (A&E only),
     * S3 8 min (A&E + stroke unit, no HASU).
     */
    private static Network strokeNetwork(RoutingProtocol.StrokeRouting routing) {
        double[][] zoneSite = {{5, 12, 3, 8}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, new double[][] {{4}}, new double[4][4],
                new double[][] {{4}, {4}, {4}, {4}});
        return network(List.of(zone(0, 1000)),
                List.of(closed(0, services(Service.TYPE1_AE, Service.HASU)),
                        site(1, services(Service.TYPE1_AE, Service.HASU, Service.THROMBOLYSIS)),
                        site(2, services(Service.TYPE1_AE)),
                        site(3, services(Service.TYPE1_AE, Service.STROKE_UNIT))),
                List.of(station(0, 10)), travel,
                new RoutingProtocol(routing, RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, 45));
    }

    @Test
    void precomputedOrdersSkipClosedSitesAndServicesNotOffered() {
        Routing hasu = new Routing(strokeNetwork(RoutingProtocol.StrokeRouting.NEAREST_HASU), new int[] {10});
        assertArrayEquals(new int[] {1}, hasu.strokeSites(0));
        assertArrayEquals(new int[] {2, 3, 1}, hasu.aeSites(0));
        Routing current = new Routing(strokeNetwork(RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT), new int[] {10});
        assertArrayEquals(new int[] {3, 1}, current.strokeSites(0));
        Routing ae = new Routing(strokeNetwork(RoutingProtocol.StrokeRouting.NEAREST_AE), new int[] {10});
        assertArrayEquals(new int[] {2, 3, 1}, ae.strokeSites(0));
    }

    /** Suspected strokes go to the open HASU (S1); unrecognised strokes and medical emergencies to S2. */
    @Test
    void strokesFollowTheProtocolAndUnrecognisedStrokesGoToNearestAe() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stroke").put("per_year", 3000.0).put("self_present_share", 0.0);
        demandClass(tree, "medical_emergency").put("per_year", 3000.0).put("self_present_share", 0.0);
        ((ObjectNode) tree.get("demand").get("stroke")).put("recognition_probability", 0.5);
        FlowModel model = new FlowModel(strokeNetwork(RoutingProtocol.StrokeRouting.NEAREST_HASU),
                parameters(tree), TEST_OUTCOME);
        ListSink sink = new ListSink();
        run(model, 3, 0, 60, 0, sink);
        List<String> header = List.of(sink.header.split(","));
        int cls = header.indexOf("class");
        int recognised = header.indexOf("recognised");
        int site = header.indexOf("first_site");
        int care = header.indexOf("care_level");
        int suspected = 0;
        int unrecognised = 0;
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            if (f[cls].equals("stroke") && f[recognised].equals("true")) {
                assertEquals("S1", f[site], row);
                assertEquals("hasu", f[care], row);
                suspected++;
            } else {
                assertEquals("S2", f[site], row);
                if (f[cls].equals("stroke")) {
                    // S2 has no stroke unit: general ward.
                    assertEquals("general_ward", f[care], row);
                    unrecognised++;
                }
            }
        }
        assertTrue(suspected > 100 && unrecognised > 100, suspected + " / " + unrecognised);
    }

    /**
     * Zone to MTC (S0) 20 min, to trauma unit (S1) 8 min; S1 to S0 15 min. Threshold 25: straight to the MTC.
     * Threshold 15: trauma unit, then transfer to the MTC. Threshold 25 with a blue-light factor of 1.5 at every
     * hour (30 min): trauma unit.
     */
    @Test
    void majorTraumaBypassesToMtcOnlyWithinThresholdAtThatHour() {
        assertEquals(1.0, traumaShareDirect(25, 1.0), 1e-12);
        assertEquals(0.0, traumaShareDirect(15, 1.0), 1e-12);
        assertEquals(0.0, traumaShareDirect(25, 1.5), 1e-12);
        assertEquals(1.0, traumaShareDirect(31, 1.5), 1e-12);
    }

    /**
     * Under-triaged major trauma goes to the nearest emergency department (the trauma unit S1 here) and is
     * transferred; the share taken straight to the MTC falls to about one minus the under-triage share.
     */
    @Test
    void underTriagedMajorTraumaReachesTheTraumaUnitFirstAndIsTransferred() {
        assertEquals(0.0, traumaShareDirect(25, 1.0, 1.0), 1e-12);
        double direct = traumaShareDirect(25, 1.0, 0.3);
        assertEquals(0.7, direct, 0.06);
    }

    private static double traumaShareDirect(double threshold, double factor) {
        return traumaShareDirect(threshold, factor, 0);
    }

    private static double traumaShareDirect(double threshold, double factor, double underTriage) {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand").get("trauma")).put("under_triage_under_80", underTriage)
                .put("under_triage_aged_80_plus", underTriage);
        onlyClasses(tree);
        demandClass(tree, "major_trauma").put("per_year", 2000.0).put("self_present_share", 0.0);
        double[][] zoneSite = {{20, 8}};
        double[][] siteSite = {{0, 15}, {15, 0}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, new double[][] {{4}}, siteSite,
                new double[][] {{4}, {4}});
        for (int h = 0; h < 168; h++) {
            travel.withFactor(h, TravelTimes.Mode.BLUE_LIGHT, factor);
        }
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.MTC)),
                        site(1, services(Service.TYPE1_AE, Service.TRAUMA_UNIT))),
                List.of(station(0, 10)), travel, hasuProtocol(threshold));
        ListSink sink = new ListSink();
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 9, 0, 60, 0, sink);
        List<String> header = List.of(sink.header.split(","));
        int first = header.indexOf("first_site");
        int transfer = header.indexOf("transfer_site");
        int depart = header.indexOf("transfer_depart_min");
        int arrive = header.indexOf("transfer_arrival_min");
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            if (f[first].equals("S1")) {
                assertEquals("S0", f[transfer], row);
                assertEquals(15 * factor, Double.parseDouble(f[arrive]) - Double.parseDouble(f[depart]), 1e-3, row);
            } else {
                assertEquals("", f[transfer], row);
            }
        }
        assertTrue(sink.rows.size() > 100);
        return r.metrics().get("trauma_share_mtc_direct");
    }
}
