package org.acuteflow.bench;

import java.util.ArrayList;
import java.util.List;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Station;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;

/**
 * A synthetic England-sized region for measuring cost at national scale, built in memory by tiling a real
 * network (London) side by side. It is not a model of England and must never be read as one: its geography is
 * London's repeated, and its only purpose is a workload of England's size.
 *
 * <p>Sizes it aims at (published England totals, approximate): about 32,800 LSOAs, 56 million residents, about
 * 180 type-1 A&amp;E sites and about 11 million ambulance incidents a year. Seven tiles of London's 4,835 LSOAs give
 * 33,845 zones and about 57 million residents; the caller scales each tile's demand and fleet by
 * {@link #DEMAND_SCALE_PER_TILE} to bring the incidents to England's count.
 *
 * <p>Tiles sit on a grid, three to a row. Travel within a tile is London's; between tiles it is the travel to the
 * copy of the same place in the tile plus {@link #MINUTES_BETWEEN_TILES} per grid step (and one km per such minute),
 * so a patient's nearest sites and stations are always in the patient's own tile, as they would be in a real region
 * whose hospitals are spread over it, but the candidate lists span the whole country.
 */
public final class EnglandSizedNetwork {
    /** London copies: 7 x 4,835 = 33,845 zones (England: about 32,800 LSOAs in 2011). */
    public static final int TILES = 7;

    /**
     * Demand and fleet multiplier per tile on the London defaults: England has about 11 million ambulance incidents
     * a year against about 7 x 1.1 million from seven tiles of London's defaults. An assumption for sizing only.
     */
    public static final double DEMAND_SCALE_PER_TILE = 1.43;

    /** Added base minutes per grid step between tiles (an assumption; it only has to exceed in-tile times). */
    public static final double MINUTES_BETWEEN_TILES = 90;

    private static final int TILES_PER_ROW = 3;
    private static final double TILE_LAT_DEGREES = 0.6;
    private static final double TILE_LON_DEGREES = 1.0;

    private EnglandSizedNetwork() {
    }

    /** {@code tiles} copies of {@code base} side by side (see the class comment). */
    public static Network tile(Network base, int tiles) {
        if (tiles < 1) {
            throw new IllegalArgumentException("tiles must be >= 1, got " + tiles);
        }
        int zonesPerTile = base.zones().size();
        int sitesPerTile = base.sites().size();
        int stationsPerTile = base.stations().size();
        List<Zone> zones = new ArrayList<>(zonesPerTile * tiles);
        List<Site> sites = new ArrayList<>(sitesPerTile * tiles);
        List<Station> stations = new ArrayList<>(stationsPerTile * tiles);
        for (int t = 0; t < tiles; t++) {
            double dLat = -TILE_LAT_DEGREES * (t / TILES_PER_ROW);
            double dLon = TILE_LON_DEGREES * (t % TILES_PER_ROW);
            String prefix = "T" + t + "-";
            for (Zone z : base.zones()) {
                zones.add(new Zone(zones.size(), prefix + z.id(), prefix + z.name(), prefix + z.area(),
                        z.lat() + dLat, z.lon() + dLon, z.population(), z.population65Plus(),
                        z.strokeAdmissionsPerYear()));
            }
            for (Site s : base.sites()) {
                sites.add(new Site(sites.size(), prefix + s.id(), prefix + s.name(), s.lat() + dLat, s.lon() + dLon,
                        s.open(), s.services(), s.beds(), s.cover()));
            }
            for (Station s : base.stations()) {
                stations.add(new Station(stations.size(), prefix + s.id(), prefix + s.name(), s.lat() + dLat,
                        s.lon() + dLon, s.vehicles()));
            }
        }
        // Read once into arrays, as a loaded network holds its times: the view's arithmetic is not the model's cost.
        TravelTimes travel = FlatTravelTimes.copyOf(
                new TiledTravelTimes(base.travel(), zonesPerTile, sitesPerTile, stationsPerTile),
                zones.size(), sites.size(), stations.size());
        return new Network(base.name() + "-england-sized-" + tiles + "-tiles", base.configuration(), zones, sites,
                stations, travel, base.protocol());
    }

    /** Type-1 A&amp;E sites open in {@code network}. */
    public static long typeOneAeSites(Network network) {
        return network.sites().stream().filter(s -> s.offers(Service.TYPE1_AE)).count();
    }

    /** Grid steps between two tiles (Manhattan distance on the grid). */
    static int gridSteps(int tileA, int tileB) {
        return Math.abs(tileA / TILES_PER_ROW - tileB / TILES_PER_ROW)
                + Math.abs(tileA % TILES_PER_ROW - tileB % TILES_PER_ROW);
    }

    /** London's times within a tile; across tiles, the same trip within a tile plus the grid penalty. */
    private record TiledTravelTimes(TravelTimes base, int zonesPerTile, int sitesPerTile, int stationsPerTile)
            implements TravelTimes {

        private static double penalty(int tileA, int tileB) {
            return MINUTES_BETWEEN_TILES * gridSteps(tileA, tileB);
        }

        @Override
        public double zoneToSite(int zone, int site) {
            return base.zoneToSite(zone % zonesPerTile, site % sitesPerTile)
                    + penalty(zone / zonesPerTile, site / sitesPerTile);
        }

        @Override
        public double zoneToSiteKm(int zone, int site) {
            // One km per penalty minute: only the in-tile distances are ever used by patients.
            return base.zoneToSiteKm(zone % zonesPerTile, site % sitesPerTile)
                    + penalty(zone / zonesPerTile, site / sitesPerTile);
        }

        @Override
        public double stationToZone(int station, int zone) {
            return base.stationToZone(station % stationsPerTile, zone % zonesPerTile)
                    + penalty(station / stationsPerTile, zone / zonesPerTile);
        }

        @Override
        public double siteToSite(int fromSite, int toSite) {
            return base.siteToSite(fromSite % sitesPerTile, toSite % sitesPerTile)
                    + penalty(fromSite / sitesPerTile, toSite / sitesPerTile);
        }

        @Override
        public double siteToStation(int site, int station) {
            return base.siteToStation(site % sitesPerTile, station % stationsPerTile)
                    + penalty(site / sitesPerTile, station / stationsPerTile);
        }

        @Override
        public double factor(int hourOfWeek, Mode mode) {
            return base.factor(hourOfWeek, mode);
        }
    }
}
