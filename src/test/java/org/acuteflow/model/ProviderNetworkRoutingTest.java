package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.acuteflow.network.Network;
import org.acuteflow.network.ProviderNetworks;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.pathway.Routing;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/**
 * Routing within provider networks on a hand-computed network. Zone 0 is in network A, zone 1 in network B.
 * Sites: S0 (A: A&E, HASU, MTC), S1 (B: A&E, HASU, MTC), S2 (A: A&E), S3 (B: A&E, MTC).
 * Zone 0 to S0..S3: 20, 8, 6, 5 minutes. From S2 to S0, S1, S3: 12, 10, 4 minutes.
 */
class ProviderNetworkRoutingTest {

    private static Network network(boolean restrict, double borderMinutes) {
        double[][] zoneSite = {{20, 8, 6, 5}, {9, 3, 9, 4}};
        double[][] siteSite = {{0, 15, 12, 16}, {15, 0, 10, 6}, {12, 10, 0, 4}, {16, 6, 4, 0}};
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, new double[][] {{4, 4}},
                siteSite, new double[][] {{4}, {4}, {4}, {4}});
        ProviderNetworks pn = new ProviderNetworks(List.of("A", "B"), new int[] {0, 1}, new int[] {0, 1, 0, 1},
                restrict, borderMinutes);
        return TestModels.network(List.of(zone(0, 1000), zone(1, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU, Service.MTC)),
                        site(1, services(Service.TYPE1_AE, Service.HASU, Service.MTC)),
                        site(2, services(Service.TYPE1_AE)),
                        site(3, services(Service.TYPE1_AE, Service.MTC))),
                List.of(station(0, 4)), travel,
                new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU,
                        RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, 45, pn));
    }

    @Test
    void unrestrictedNetworksChangeNothing() {
        Routing r = new Routing(network(false, 10), new int[] {4});
        assertArrayEquals(new int[] {3, 2, 1, 0}, r.aeSites(0));
        assertArrayEquals(new int[] {1, 0}, r.strokeSites(0));
        assertArrayEquals(new int[] {3, 1, 0}, r.mtcSites(0));
        assertEquals(3, r.nearestMtcFromSite(2));
    }

    /**
     * Restricted, 10-minute margin. A&E: own network only, S2 (6) then S0 (20). HASU: own nearest S0 at 20,
     * S1 at 8 is more than 10 nearer (8 < 20 - 10), so S1 then S0. MTC: own nearest S0 at 20; S3 (5) and S1
     * (8) are both below 10. Transfer from S2: own MTC S0 at 12; S3 at 4 is not below 12 - 10 = 2: S0.
     * Self-presenters still walk into the nearest A&E, S3.
     */
    @Test
    void restrictedRoutingKeepsOwnNetworkExceptMuchNearerSpecialistUnits() {
        Routing r = new Routing(network(true, 10), new int[] {4});
        assertArrayEquals(new int[] {2, 0}, r.aeSites(0));
        assertArrayEquals(new int[] {1, 0}, r.strokeSites(0));
        assertArrayEquals(new int[] {3, 1, 0}, r.mtcSites(0));
        assertEquals(0, r.nearestMtcFromSite(2));
        assertEquals(3, r.selfPresentSite(0));
        // Zone 1 (network B) to S1 3, S3 4: nothing in A is nearer than its own units.
        assertArrayEquals(new int[] {1, 3}, r.aeSites(1));
        assertArrayEquals(new int[] {1}, r.strokeSites(1));
    }

    /** Each zone's nearest site, kept apart for speed, is the first of its list in every case above. */
    @Test
    void theNearestSiteOfEachListIsItsFirst() {
        for (Routing r : new Routing[] {new Routing(network(false, 10), new int[] {4}),
                new Routing(network(true, 10), new int[] {4}), new Routing(network(true, 15), new int[] {4})}) {
            for (int z = 0; z < 2; z++) {
                assertEquals(r.aeSites(z)[0], r.nearestAeSite(z));
                assertEquals(r.strokeSites(z)[0], r.nearestStrokeSite(z));
                assertEquals(r.pciSites(z).length > 0 ? r.pciSites(z)[0] : -1, r.nearestPciSite(z));
            }
        }
    }

    /**
     * A 15-minute margin: S1 (8) is no longer below 20 - 15 = 5 for HASU and MTC; S3 at 5 is not below 5 either.
     * A 5-minute margin: the transfer from S2 may cross to S3 (4 < 12 - 5).
     */
    @Test
    void theBorderMarginDecidesCrossings() {
        Routing wide = new Routing(network(true, 15), new int[] {4});
        assertArrayEquals(new int[] {0}, wide.strokeSites(0));
        assertArrayEquals(new int[] {0}, wide.mtcSites(0));
        Routing narrow = new Routing(network(true, 5), new int[] {4});
        assertEquals(3, narrow.nearestMtcFromSite(2));
        Routing never = new Routing(network(true, Double.POSITIVE_INFINITY), new int[] {4});
        assertArrayEquals(new int[] {0}, never.strokeSites(0));
        assertEquals(0, never.nearestMtcFromSite(2));
    }
}
