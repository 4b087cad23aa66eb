package org.acuteflow.ems;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.acuteflow.network.Network;
import org.acuteflow.network.TravelTimes;

/**
 * Which ambulances are free where, for one replication. Vehicles are numbered 0..size-1 and each belongs to a
 * home station. A vehicle is at its station (free), away on a job, or driving back to its station after a job
 * (returning). Stations are tried in a precomputed order of base travel time from the incident (the
 * hour-of-week factor scales every route alike, so the order holds at every hour). Whether a returning vehicle
 * may be sent is the dispatch rule's choice ({@link Dispatch}); where it counts as being: its origin (the
 * hospital it cleared at) for the first half of its journey home and its station for the second half, and its
 * station throughout when it returns from a scene (the network has no scene-to-scene times). O(stations tried +
 * returning vehicles) per dispatch, no allocation.
 *
 * <p>{@link #busy()} counts vehicles away from their station, returning ones included: the fleet's utilisation
 * is the time-average of that count over the fleet size.
 *
 * <p>Mutable; confined to one replication.
 */
public final class Fleet {
    private final int[] homeStation;
    private final int[][] freeStack;
    private final int[] freeCount;
    private final int[][] stationOrderByZone;
    private final int[][] stationOrderBySite;
    private final TravelTimes travel;
    /** Returning vehicles, in a dense array with each one's slot (-1: not returning). */
    private final int[] returning;
    private final int[] returningSlot;
    private int returningCount;
    private final int[] returnFromSite;
    private final double[] returnStart;
    private final double[] returnEnd;
    private int busy;
    private int lastFromSite = -1;
    private boolean lastWasReturning;

    /**
     * @param vehiclesPerStation vehicles based at each station
     * @param stationOrderByZone per zone, station indices from nearest to farthest (stations with no vehicle
     *                           may be left out)
     * @param travel             the network's travel times (base minutes), for the stations' order from each
     *                           site and the positions of returning vehicles
     * @param sites              number of hospital sites (transfers are dispatched to sites)
     */
    public Fleet(int[] vehiclesPerStation, int[][] stationOrderByZone, TravelTimes travel, int sites) {
        int total = 0;
        for (int v : vehiclesPerStation) {
            if (v < 0) {
                throw new IllegalArgumentException("vehicles per station must be >= 0, got " + v);
            }
            total += v;
        }
        homeStation = new int[total];
        freeStack = new int[vehiclesPerStation.length][];
        freeCount = new int[vehiclesPerStation.length];
        int id = 0;
        for (int s = 0; s < vehiclesPerStation.length; s++) {
            freeStack[s] = new int[vehiclesPerStation[s]];
            for (int k = 0; k < vehiclesPerStation[s]; k++) {
                homeStation[id] = s;
                freeStack[s][freeCount[s]++] = id;
                id++;
            }
        }
        this.stationOrderByZone = stationOrderByZone;
        this.travel = travel;
        stationOrderBySite = new int[sites][];
        for (int site = 0; site < stationOrderBySite.length; site++) {
            final int from = site;
            stationOrderBySite[site] = IntStream.range(0, vehiclesPerStation.length)
                    .filter(s -> vehiclesPerStation[s] > 0).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(s -> travel.siteToStation(from, s))
                            .thenComparingInt(s -> s))
                    .mapToInt(Integer::intValue).toArray();
        }
        returning = new int[total];
        returningSlot = new int[total];
        Arrays.fill(returningSlot, -1);
        returnFromSite = new int[total];
        returnStart = new double[total];
        returnEnd = new double[total];
    }

    /** Vehicles per station after scaling by {@code fleetScale} (rounded half up). */
    public static int[] scaledVehicles(Network network, double fleetScale) {
        int[] v = new int[network.stations().size()];
        for (int s = 0; s < v.length; s++) {
            v[s] = (int) Math.floor(network.stations().get(s).vehicles() * fleetScale + 0.5);
        }
        return v;
    }

    public int size() {
        return homeStation.length;
    }

    /** Vehicles away from their station (on a job or driving back). */
    public int busy() {
        return busy;
    }

    public int homeStation(int vehicle) {
        return homeStation[vehicle];
    }

    /**
     * Takes the vehicle nearest a call in {@code zone} at {@code now} by travel time from where it is, returning
     * vehicles included when {@code includeReturning}; -1 when none is free. A returning vehicle is taken only when
     * strictly nearer than the nearest station's (ties among returning vehicles to the lower id). Where it sets
     * out from: {@link #lastFromSite()}; whether it was returning: {@link #lastWasReturning()}.
     */
    public int dispatchToZone(int zone, double now, boolean includeReturning) {
        int station = firstStationWithVehicle(stationOrderByZone[zone]);
        if (!includeReturning) {
            return take(station, -1, now);
        }
        double best = station < 0 ? Double.POSITIVE_INFINITY : travel.stationToZone(station, zone);
        return take(station, nearerReturning(best, zone, -1, now), now);
    }

    /**
     * As {@link #dispatchToZone} for a vehicle sent to hospital site {@code site} (an inter-hospital transfer).
     */
    public int dispatchToSite(int site, double now, boolean includeReturning) {
        int station = firstStationWithVehicle(stationOrderBySite[site]);
        if (!includeReturning) {
            return take(station, -1, now);
        }
        double best = station < 0 ? Double.POSITIVE_INFINITY : travel.siteToStation(site, station);
        return take(station, nearerReturning(best, -1, site, now), now);
    }

    /**
     * The returning vehicle strictly nearer than {@code stationMinutes} (base minutes from the nearest station with a
     * free vehicle) to zone {@code zone}, or when it is -1 to site {@code site}, from where each counts as being at
     * {@code now}; ties among returning vehicles go to the lower id. -1 when none is nearer.
     */
    private int nearerReturning(double stationMinutes, int zone, int site, double now) {
        double best = stationMinutes;
        int bestReturning = -1;
        for (int i = 0; i < returningCount; i++) {
            int v = returning[i];
            int at = positionSite(v, now);
            double base = zone >= 0
                    ? (at >= 0 ? travel.zoneToSite(zone, at) : travel.stationToZone(homeStation[v], zone))
                    : (at >= 0 ? travel.siteToSite(at, site) : travel.siteToStation(site, homeStation[v]));
            if (base < best || (base == best && bestReturning >= 0 && v < bestReturning)) {
                best = base;
                bestReturning = v;
            }
        }
        return bestReturning;
    }

    /** The site the last dispatched vehicle set out from, or -1 when it set out from its station. */
    public int lastFromSite() {
        return lastFromSite;
    }

    /** Whether the last dispatched vehicle was driving back to its station (its return is now cancelled). */
    public boolean lastWasReturning() {
        return lastWasReturning;
    }

    /**
     * The vehicle is clear and drives back to its station from {@code fromSite} (-1: from a scene), leaving at
     * {@code start} and arriving at {@code end}; it stays busy until {@link #release} or a dispatch takes it.
     */
    public void returning(int vehicle, int fromSite, double start, double end) {
        returnFromSite[vehicle] = fromSite;
        returnStart[vehicle] = start;
        returnEnd[vehicle] = end;
        returningSlot[vehicle] = returningCount;
        returning[returningCount++] = vehicle;
    }

    /** Whether the vehicle is driving back to its station. */
    public boolean isReturning(int vehicle) {
        return returningSlot[vehicle] >= 0;
    }

    /** The returning vehicle is sent on a job before it reached its station (it stays busy). */
    public void stopReturning(int vehicle) {
        removeReturning(vehicle);
    }

    /** The vehicle is back at its station and free. */
    public void release(int vehicle) {
        removeReturning(vehicle);
        int s = homeStation[vehicle];
        freeStack[s][freeCount[s]++] = vehicle;
        busy--;
    }

    /** Where a returning vehicle counts as being at {@code now}: its origin site for the first half, else -1. */
    private int positionSite(int v, double now) {
        int from = returnFromSite[v];
        return from >= 0 && now < 0.5 * (returnStart[v] + returnEnd[v]) ? from : -1;
    }

    private int firstStationWithVehicle(int[] order) {
        for (int s : order) {
            if (freeCount[s] > 0) {
                return s;
            }
        }
        return -1;
    }

    private int takeFromStation(int station) {
        if (station < 0) {
            return -1;
        }
        busy++;
        return freeStack[station][--freeCount[station]];
    }

    /** The returning vehicle if one is strictly nearer than the station's (ties go to the station), else that. */
    private int take(int station, int returningVehicle, double now) {
        if (returningVehicle >= 0) {
            lastFromSite = positionSite(returningVehicle, now);
            lastWasReturning = true;
            removeReturning(returningVehicle);
            return returningVehicle;
        }
        lastFromSite = -1;
        lastWasReturning = false;
        return takeFromStation(station);
    }

    private void removeReturning(int v) {
        int slot = returningSlot[v];
        if (slot < 0) {
            return;
        }
        int last = returning[--returningCount];
        returning[slot] = last;
        returningSlot[last] = slot;
        returningSlot[v] = -1;
    }
}
