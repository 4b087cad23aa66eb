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
 *
 * <p>A zone's nearest stations and sites are also kept in one flat zone-major array each, index and minutes side
 * by side ({@link #nearStations}, {@link #nearSites}): a dispatch then reads one short stretch of memory for the
 * zone instead of a row as long as the country and a travel-time array laid out station by station. A search that
 * needs more than a short row holds continues in the full order, so no answer depends on the cut.
 */
public final class DispatchOrders {
    /**
     * How many of a zone's nearest sites are kept: a search for a returning vehicle nearer than the nearest free
     * station looks no further than that station's minutes, which on a real network covers a handful of sites; when
     * it would need more it scans every site (same answer, more reads).
     */
    static final int NEAREST_SITES = 12;
    /**
     * How many of a zone's nearest stations with vehicles its short row keeps: the nearest station with a free
     * vehicle is almost always among them; when none of them has one the search goes on in the full order.
     */
    static final int NEAREST_STATIONS = 16;
    /** No station or site in this slot of a short row (the zone's full order is shorter than the row). */
    static final int EMPTY = -1;

    final int[][] stationsByZone;
    final int[][] stationsBySite;
    /** Length of each zone's short row of stations. */
    final int stationRow;
    /**
     * Per zone, its first {@link #stationRow} stations of {@link #stationsByZone}: at {@code 2 * (zone *
     * stationRow + i)} the station (as a double, {@link #EMPTY} past the order's end), next to it its base minutes
     * to the zone ({@code travel.stationToZone}, the same double).
     */
    final double[] nearStations;
    /** Length of each zone's short row of sites. */
    final int siteRow;
    /**
     * Per zone, its {@link #NEAREST_SITES} nearest sites (all when fewer; none when no station has a vehicle) with
     * each site's base minutes from the zone, laid out as {@link #nearStations}.
     */
    final double[] nearSites;
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
        int[][] nearestSitesByZone = new int[zones][];
        for (int z = 0; z < zones; z++) {
            nearestSitesByZone[z] = keep == 0 ? new int[0] : nearestSites(travel, z, sites, keep);
        }
        int longest = 0;
        for (int[] order : stationsByZone) {
            longest = Math.max(longest, order.length);
        }
        stationRow = Math.min(NEAREST_STATIONS, longest);
        nearStations = new double[2 * zones * stationRow];
        siteRow = keep;
        nearSites = new double[2 * zones * siteRow];
        for (int z = 0; z < zones; z++) {
            for (int i = 0; i < stationRow; i++) {
                int at = 2 * (z * stationRow + i);
                boolean inOrder = i < stationsByZone[z].length;
                nearStations[at] = inOrder ? stationsByZone[z][i] : EMPTY;
                nearStations[at + 1] = inOrder ? travel.stationToZone(stationsByZone[z][i], z) : Double.NaN;
            }
            for (int i = 0; i < siteRow; i++) {
                int at = 2 * (z * siteRow + i);
                nearSites[at] = nearestSitesByZone[z][i];
                nearSites[at + 1] = travel.zoneToSite(z, nearestSitesByZone[z][i]);
            }
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
