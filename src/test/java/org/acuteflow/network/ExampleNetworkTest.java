package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shortest paths, matrix override, nearest-HASU choice and time bands on the hand-drawn example network. */
class ExampleNetworkTest {
    static final Path EXAMPLE = Path.of("networks", "example");
    static final double EPS = 1e-9;

    private static int site(Network n, String id) {
        return n.sites().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().index();
    }

    private static int zone(Network n, String id) {
        return n.zones().stream().filter(z -> z.id().equals(id)).findFirst().orElseThrow().index();
    }

    @Test
    void shortestPathsEqualHandComputedMinutesTimesBlueLightFactor() {
        Network n = NetworkLoader.load(EXAMPLE, "hasu");
        TravelTimes t = n.travel();
        int a = site(n, "A");
        int d = site(n, "D");
        // By hand (normal minutes): A-Z1 2; Z1-Z2 5 -> 7; Z2-Z3 4 -> 11; Z3-Z4 6 -> 17 (via D would be 7+10+4 = 21);
        // Z4-Z5 3 -> 20. Base minutes are blue light = normal x 0.5.
        assertEquals(1.0, t.zoneToSite(zone(n, "Z1"), a), EPS);
        assertEquals(3.5, t.zoneToSite(zone(n, "Z2"), a), EPS);
        assertEquals(5.5, t.zoneToSite(zone(n, "Z3"), a), EPS);
        assertEquals(8.5, t.zoneToSite(zone(n, "Z4"), a), EPS);
        assertEquals(10.0, t.zoneToSite(zone(n, "Z5"), a), EPS);
        // km along the chosen route to Z4: 1 + 4 + 3 + 5.
        assertEquals(13.0, t.zoneToSiteKm(zone(n, "Z4"), a), EPS);
        // Z3 to D: via Z4 (6 + 4 = 10) beats via Z2 (4 + 10 = 14).
        assertEquals(5.0, t.zoneToSite(zone(n, "Z3"), d), EPS);
        // A to D: A-Z1-Z2-D = 2 + 5 + 10 = 17 normal; symmetric.
        assertEquals(8.5, t.siteToSite(a, d), EPS);
        assertEquals(8.5, t.siteToSite(d, a), EPS);
        assertEquals(0.0, t.siteToSite(a, a), EPS);
        // Station S1 sits in Z2: S1 to Z5 = Z2-Z3-Z4-Z5 = 4 + 6 + 3 = 13 normal (via D: 10 + 4 + 3 = 17).
        int s1 = n.stations().stream().filter(s -> s.id().equals("S1")).findFirst().orElseThrow().index();
        assertEquals(6.5, t.stationToZone(s1, zone(n, "Z5")), EPS);
        assertEquals(0.0, t.stationToZone(s1, zone(n, "Z2")), EPS);
        // Site C to station S2 (in Z5): C-Z5 = 2 normal.
        int s2 = n.stations().stream().filter(s -> s.id().equals("S2")).findFirst().orElseThrow().index();
        assertEquals(1.0, t.siteToStation(site(n, "C"), s2), EPS);
    }

    @Test
    void travelMatrixOverridesTheGraphForItsPairsOnly() {
        Network n = NetworkLoader.load(EXAMPLE, "hasu");
        RoadTravelTimes t = (RoadTravelTimes) n.travel();
        int b = site(n, "B");
        // Matrix: Z1 -> B 30 normal minutes, 20 km (the graph would say 5 + 4 + 3 = 12 minutes).
        assertEquals(15.0, t.zoneToSite(zone(n, "Z1"), b), EPS);
        assertEquals(20.0, t.zoneToSiteKm(zone(n, "Z1"), b), EPS);
        assertTrue(t.zoneToSiteFromMatrix(zone(n, "Z1"), b));
        // Z2 -> B from the graph: 4 + 3 = 7 normal.
        assertEquals(3.5, t.zoneToSite(zone(n, "Z2"), b), EPS);
        assertFalse(t.zoneToSiteFromMatrix(zone(n, "Z2"), b));
    }

    @Test
    void nearestHasuIsAForTheNorthAndDForTheSouth() {
        Network n = NetworkLoader.load(EXAMPLE, "hasu");
        String[] expected = {"A", "A", "D", "D", "D"};
        for (Zone z : n.zones()) {
            int best = -1;
            double bestMinutes = Double.POSITIVE_INFINITY;
            for (Site s : n.sites()) {
                if (s.offers(Service.HASU) && n.travel().zoneToSite(z.index(), s.index()) < bestMinutes) {
                    bestMinutes = n.travel().zoneToSite(z.index(), s.index());
                    best = s.index();
                }
            }
            assertEquals(expected[z.index()], n.sites().get(best).id(), "zone " + z.id());
        }
        double[] nearest = NetworkCheck.nearestMinutes(n, Service.HASU, NetworkCheck.OFF_PEAK_HOUR,
                TravelTimes.Mode.BLUE_LIGHT);
        // Z3: D in 10 normal = 5 blue light; Z5: D in 3 + 4 = 7 normal = 3.5.
        assertEquals(5.0, nearest[2], EPS);
        assertEquals(3.5, nearest[4], EPS);
    }

    @Test
    void timeBandFactorsFollowTheNetworkFile() {
        TravelTimes t = NetworkLoader.load(EXAMPLE, "hasu").travel();
        int monday8 = 8;
        int saturday8 = 5 * 24 + 8;
        int sunday3 = 6 * 24 + 3;
        int tuesday12 = 24 + 12;
        assertEquals(1.2, t.factor(monday8, TravelTimes.Mode.BLUE_LIGHT), EPS);
        // Normal factor includes 1 / blue_light_factor: 1.5 / 0.5.
        assertEquals(3.0, t.factor(monday8, TravelTimes.Mode.NORMAL), EPS);
        assertEquals(1.0, t.factor(saturday8, TravelTimes.Mode.BLUE_LIGHT), EPS);
        assertEquals(2.0, t.factor(saturday8, TravelTimes.Mode.NORMAL), EPS);
        assertEquals(0.8, t.factor(sunday3, TravelTimes.Mode.BLUE_LIGHT), EPS);
        assertEquals(1.6, t.factor(sunday3, TravelTimes.Mode.NORMAL), EPS);
        assertEquals(1.0, t.factor(tuesday12, TravelTimes.Mode.BLUE_LIGHT), EPS);
        assertEquals(1.2, t.factor(9, TravelTimes.Mode.BLUE_LIGHT), EPS, "09:00 is inside 07-10");
        assertEquals(1.0, t.factor(10, TravelTimes.Mode.BLUE_LIGHT), EPS, "10:00 is outside 07-10");
        // Z4 to A at Monday 08:00 blue light: 8.5 x 1.2.
        assertEquals(10.2, t.zoneToSite(3, 0, monday8, TravelTimes.Mode.BLUE_LIGHT), EPS);
    }

    @Test
    void baseLoadIsCachedAcrossConfigurations() {
        Network h = NetworkLoader.load(EXAMPLE, "hasu");
        Network l = NetworkLoader.load(EXAMPLE, "local");
        assertSame(h.travel(), l.travel());
    }

    @Test
    void coverAndExtendsApplyAsWritten() {
        Network h = NetworkLoader.load(EXAMPLE, "hasu");
        Site a = h.sites().get(site(h, "A"));
        Site b = h.sites().get(site(h, "B"));
        assertEquals(168, a.coverFor(Service.STROKE_UNIT).hoursOnSitePerWeek());
        assertEquals(50, b.coverFor(Service.STROKE_UNIT).hoursOnSitePerWeek());
        assertEquals(30.0, b.coverFor(Service.STROKE_UNIT).onCallDelayMinutes(), EPS);
        assertTrue(b.coverFor(Service.STROKE_UNIT).onSiteAt(8));
        assertFalse(b.coverFor(Service.STROKE_UNIT).onSiteAt(18));
        assertFalse(b.coverFor(Service.STROKE_UNIT).onSiteAt(5 * 24 + 10));
        assertEquals(RoutingProtocol.StrokeRouting.NEAREST_HASU, h.protocol().stroke());
        assertEquals(30.0, h.protocol().mtcThresholdMinutes(), EPS);
        assertEquals(10, a.bedsFor(Service.HASU));

        Network l = NetworkLoader.load(EXAMPLE, "local");
        assertEquals(RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT, l.protocol().stroke());
        assertEquals(RoutingProtocol.TraumaRouting.NEAREST_AE, l.protocol().trauma());
        // Inherited from hasu: B's stroke-unit cover; removed: every HASU and MTC.
        assertEquals(50, l.sites().get(site(l, "B")).coverFor(Service.STROKE_UNIT).hoursOnSitePerWeek());
        assertTrue(l.sites().stream().noneMatch(s -> s.offers(Service.HASU) || s.offers(Service.MTC)));
        assertEquals(Set.of(Service.TYPE1_AE, Service.STROKE_UNIT, Service.THROMBOLYSIS, Service.THROMBECTOMY),
                l.sites().get(site(l, "A")).services());
        // Fleet 4 + 2 scaled by 1.5 = 6 + 3.
        assertEquals(9, l.totalVehicles());
        assertEquals(6, l.stations().get(0).vehicles());
    }
}
