package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.testing.ArrayTravelTimes;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Station;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;
import org.junit.jupiter.api.Test;

class CoarseNetworksTest {
    /** Three LSOAs: two in MSOA "Camden 001" (borough Camden), one in "Barnet 004" (borough Barnet). */
    private static Network threeLsoas() {
        List<Zone> zones = List.of(
                new Zone(0, "E1", "Camden 001A", "Camden", 51.0, -0.1, 1000, 100, 1.0),
                new Zone(1, "E2", "Camden 001B", "Camden", 52.0, -0.2, 3000, 300, 2.0),
                new Zone(2, "E3", "Barnet 004C", "Barnet", 53.0, -0.3, 2000, 200, 4.0));
        List<Site> sites = List.of(
                new Site(0, "S0", "site 0", 51.5, -0.1, true, Set.of(Service.TYPE1_AE), Map.of(), Map.of()),
                new Site(1, "S1", "site 1", 51.6, -0.1, true, Set.of(Service.TYPE1_AE), Map.of(), Map.of()));
        List<Station> stations = List.of(new Station(0, "A0", "station 0", 51.5, -0.1, 3));
        TravelTimes travel = new ArrayTravelTimes(
                new double[][] {{10, 20}, {30, 40}, {50, 60}},
                new double[][] {{4, 8, 12}},
                new double[][] {{0, 7}, {7, 0}},
                new double[][] {{5}, {6}});
        return new Network("test", "config", zones, sites, stations, travel,
                new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_AE, RoutingProtocol.TraumaRouting.NEAREST_AE,
                        30));
    }

    @Test
    void msoasMergeLsoasByNameWithPopulationWeightedTimes() {
        Network m = CoarseNetworks.merge(threeLsoas(), CoarseNetworks.MSOA);
        assertEquals(2, m.zones().size());
        Zone camden = m.zones().get(0);
        assertEquals("Camden 001", camden.id());
        assertEquals(0, camden.index());
        assertEquals(4000, camden.population());
        assertEquals(400, camden.population65Plus());
        assertEquals(3.0, camden.strokeAdmissionsPerYear());
        // Weights 1/4 and 3/4.
        assertEquals(51.75, camden.lat(), 1e-12);
        assertEquals(0.25 * 10 + 0.75 * 30, m.travel().zoneToSite(0, 0), 1e-12);
        assertEquals(0.25 * 20 + 0.75 * 40, m.travel().zoneToSite(0, 1), 1e-12);
        assertEquals(0.25 * 4 + 0.75 * 8, m.travel().stationToZone(0, 0), 1e-12);
        assertEquals("Barnet 004", m.zones().get(1).id());
        assertEquals(50, m.travel().zoneToSite(1, 0), 1e-12);
        assertEquals(12, m.travel().stationToZone(0, 1), 1e-12);
        // Sites, stations and site-based times are untouched.
        assertEquals(7, m.travel().siteToSite(0, 1));
        assertEquals(6, m.travel().siteToStation(1, 0));
        assertEquals(2, m.sites().size());
        assertEquals(1, m.stations().size());
    }

    @Test
    void boroughsMergeByAreaAndIdentityKeepsEveryZone() {
        Network fine = threeLsoas();
        assertEquals(2, CoarseNetworks.merge(fine, CoarseNetworks.AREA).zones().size());
        Network same = CoarseNetworks.merge(fine, Zone::id);
        assertEquals(3, same.zones().size());
        for (int z = 0; z < 3; z++) {
            for (int s = 0; s < 2; s++) {
                assertEquals(fine.travel().zoneToSite(z, s), same.travel().zoneToSite(z, s));
            }
            assertEquals(fine.travel().stationToZone(0, z), same.travel().stationToZone(0, z));
            assertEquals(fine.zones().get(z).lat(), same.zones().get(z).lat());
        }
    }

    @Test
    void msoaOfANameThatIsNotAnLsoaNameIsTheName() {
        assertEquals("North End", CoarseNetworks.MSOA.apply(new Zone(0, "Z1", "North End", "N", 0, 0, 1, 0, 0)));
        assertEquals("Camden 001", CoarseNetworks.MSOA.apply(new Zone(0, "Z", "Camden 001", "Camden", 0, 0, 1, 0, 0)));
        assertEquals("Kensington and Chelsea 012",
                CoarseNetworks.MSOA.apply(new Zone(0, "Z", "Kensington and Chelsea 012D", "K", 0, 0, 1, 0, 0)));
    }
}
