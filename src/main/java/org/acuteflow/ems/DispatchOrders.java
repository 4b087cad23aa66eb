package org.acuteflow.ems;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.acuteflow.network.TravelTimes;

/**
 * The nearest-first orders a {@link Fleet} searches, computed once per scenario and shared by its replications:
 * per zone and per site, the stations with vehicles by base travel time to it; per zone, its nearest few sites
 * (where a vehicle driving home from a hospital counts as being for the first half of its way); per site, every
 * site by base travel time to it. Equal times keep the lower index. Immutable.
 */
public final class DispatchOrders {
    /**
     * How many of a zone's nearest sites are kept: a search for a returning vehicle nearer than the nearest free
     * station looks no further than that station's minutes, which on a real network covers a handful of sites; when
     * it would need more it scans every site (same answer, more reads).
     */
    static final int NEAREST_SITES = 12;

    final int[][] stationsByZone;
    final int[][] stationsBySite;
    final int[][] nearestSitesByZone;
    final int[][] sitesBySite;
    final TravelTimes travel;

    /**
     * @param vehiclesPerStation vehicles based at each station
     * @param stationsByZone     per zone, every station with a vehicle from nearest to farthest (equal times: lower
     *                           index first)
     * @param travel             the network's travel times (base minutes)
     * @param zones              number of zones
     * @param sites              number of hospital sites
     */
    public DispatchOrders(int[] vehiclesPerStation, int[][] stationsByZone, TravelTimes travel, int zones, int sites) {
        this.stationsByZone = stationsByZone;
        this.travel = travel;
        int[] withVehicles = IntStream.range(0, vehiclesPerStation.length).filter(s -> vehiclesPerStation[s] > 0)
                .toArray();
        stationsBySite = new int[sites][];
        sitesBySite = new int[sites][];
        for (int site = 0; site < sites; site++) {
            final int to = site;
            stationsBySite[site] = sortedBy(withVehicles, s -> travel.siteToStation(to, s));
            sitesBySite[site] = sortedBy(IntStream.range(0, sites).toArray(), from -> travel.siteToSite(from, to));
        }
        // No vehicle, no vehicle driving home: a fleet without vehicles (no response cars) needs no site lists.
        int keep = withVehicles.length == 0 ? 0 : Math.min(NEAREST_SITES, sites);
        nearestSitesByZone = new int[zones][];
        for (int z = 0; z < zones; z++) {
            nearestSitesByZone[z] = keep == 0 ? new int[0] : nearestSites(travel, z, sites, keep);
        }
    }

    /** The {@code keep} sites nearest zone {@code zone}, nearest first, equal times in index order. */
    private static int[] nearestSites(TravelTimes travel, int zone, int sites, int keep) {
        int[] best = new int[keep];
        double[] minutes = new double[keep];
        int n = 0;
        for (int s = 0; s < sites; s++) {
            double m = travel.zoneToSite(zone, s);
            if (n == keep && !(m < minutes[keep - 1])) {
                continue;
            }
            int i = Math.min(n, keep - 1);
            while (i > 0 && minutes[i - 1] > m) {
                best[i] = best[i - 1];
                minutes[i] = minutes[i - 1];
                i--;
            }
            best[i] = s;
            minutes[i] = m;
            if (n < keep) {
                n++;
            }
        }
        return best;
    }

    private static int[] sortedBy(int[] indices, java.util.function.IntToDoubleFunction minutes) {
        return Arrays.stream(indices).boxed()
                .sorted(Comparator.<Integer>comparingDouble(minutes::applyAsDouble).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }
}
