package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.acuteflow.model.FlowModel;
import org.acuteflow.pathway.Routing;
import org.acuteflow.network.Network;
import org.acuteflow.network.Station;
import org.junit.jupiter.api.Test;

/** The tiled region on the five-zone example network: structure, travel and the work it makes. */
class EnglandSizedNetworkTest {
    private static final Path EXAMPLE = Path.of("networks/example");

    @Test
    void tilesCopyZonesSitesAndStationsWithLondonTimesInsideATileAndPenaltiesAcross() {
        Network base = new FlowBench(EXAMPLE, "hasu", 11, 1 / 365.0).model(1.0).network();
        int zones = base.zones().size();
        int sites = base.sites().size();
        int stations = base.stations().size();
        Network tiled = EnglandSizedNetwork.tile(base, 4);
        assertEquals(4 * zones, tiled.zones().size());
        assertEquals(4 * sites, tiled.sites().size());
        assertEquals(4 * stations, tiled.stations().size());
        assertEquals(4 * base.totalVehicles(), tiled.totalVehicles());
        for (int i = 0; i < tiled.zones().size(); i++) {
            assertEquals(i, tiled.zones().get(i).index());
        }
        assertEquals("T3-" + base.zones().get(1).id(), tiled.zones().get(3 * zones + 1).id());
        // Tile 3 is the first of the second row (three a row): one grid step from tile 0, two from tile 1.
        assertEquals(1, EnglandSizedNetwork.gridSteps(0, 3));
        assertEquals(2, EnglandSizedNetwork.gridSteps(1, 3));
        for (int z = 0; z < zones; z++) {
            for (int s = 0; s < sites; s++) {
                double t = base.travel().zoneToSite(z, s);
                assertEquals(t, tiled.travel().zoneToSite(3 * zones + z, 3 * sites + s));
                assertEquals(t + 2 * EnglandSizedNetwork.MINUTES_BETWEEN_TILES,
                        tiled.travel().zoneToSite(3 * zones + z, sites + s), 1e-9);
            }
            for (int st = 0; st < stations; st++) {
                assertEquals(base.travel().stationToZone(st, z),
                        tiled.travel().stationToZone(2 * stations + st, 2 * zones + z));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> EnglandSizedNetwork.tile(base, 0));
    }

    @Test
    void everyZonesNearestSiteAndStationAreInItsOwnTile() {
        Network base = new FlowBench(EXAMPLE, "hasu", 11, 1 / 365.0).model(1.0).network();
        Network tiled = EnglandSizedNetwork.tile(base, 5);
        int[] vehicles = tiled.stations().stream().mapToInt(Station::vehicles).toArray();
        Routing routing = new Routing(tiled, vehicles);
        int zonesPerTile = base.zones().size();
        for (int z = 0; z < tiled.zones().size(); z++) {
            int tile = z / zonesPerTile;
            assertEquals(tile, routing.aeSites(z)[0] / base.sites().size(), "zone " + z);
            assertEquals(tile, routing.strokeSites(z)[0] / base.sites().size(), "zone " + z);
            assertEquals(tile, routing.stationOrder()[z][0] / base.stations().size(), "zone " + z);
        }
    }

    @Test
    void oneTileGivesTheBaseNetworksResultsAndSevenTilesAboutSevenTimesThePatients() {
        FlowBench bench = new FlowBench(EXAMPLE, "hasu", 11, 3 / 365.0);
        FlowModel base = bench.model(1.0);
        FlowBench.Timing plain = bench.time("base", base, 0, null);
        FlowBench.Timing oneTile = bench.time("1 tile", bench.englandSized(1, 1.0), 0, null);
        // The same metrics; per-site keys carry the tile's prefix.
        Map<String, Double> renamed = new TreeMap<>();
        oneTile.result().metrics().forEach((k, v) -> renamed.put(k.replace(".T0-", "."), v));
        assertEquals(new TreeMap<>(plain.result().metrics()), renamed);
        FlowBench.Timing seven = bench.time("7 tiles", bench.englandSized(7, 1.0), 0, null);
        double ratio = (double) seven.patients() / plain.patients();
        assertTrue(Math.abs(ratio - 7) < 0.7, "patients ratio " + ratio);
    }
}
