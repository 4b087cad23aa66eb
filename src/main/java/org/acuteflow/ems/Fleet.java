package org.acuteflow.ems;

import java.util.Arrays;
import org.acuteflow.network.Network;
import org.acuteflow.network.TravelTimes;

/**
 * Which ambulances are free where, for one replication. Vehicles are numbered 0..size-1 and each belongs to a
 * home station. A vehicle is at its station (free), away on a job, or driving back to its station after a job
 * (returning). Stations are tried in a precomputed order of base travel time from the incident (the
 * hour-of-week factor scales every route alike, so the order holds at every hour). Whether a returning vehicle
 * may be sent is the dispatch rule's choice ({@link Dispatch}); where it counts as being: its origin (the
 * hospital it cleared at) for the first half of its journey home and its station for the second half, and its
 * station throughout when it returns from a scene (the network has no scene-to-scene times). The search for a
 * returning vehicle looks only at stations and sites no farther than the best found ({@link DispatchOrders}), so
 * its cost does not grow with the fleet; no allocation.
 *
 * <p>{@link #busy()} counts vehicles away from their station, returning ones included: the fleet's utilisation
 * is the time-average of that count over the fleet size.
 *
 * <p>Mutable; confined to one replication.
 */
public final class Fleet {
    private static final int NONE = -1;
    private final int[] homeStation;
    private final int[][] freeStack;
    private final int[] freeCount;
    private final DispatchOrders orders;
    private final TravelTimes travel;
    /**
     * Returning vehicles, each in two intrusive lists (no allocation): its home station's and, when it cleared at a
     * hospital, that site's. A dispatch searches the lists of the stations and sites nearest the call only.
     */
    private final int[] stationHead;
    private final int[] siteHead;
    private final int[] nextAtStation;
    private final int[] prevAtStation;
    private final int[] nextAtSite;
    private final int[] prevAtSite;
    private final boolean[] isReturning;
    private final int[] returnFromSite;
    private final double[] returnStart;
    private final double[] returnEnd;
    /** Search state of the current dispatch: the least minutes found and its vehicle (NONE: the station's). */
    private double best;
    private int bestVehicle;
    private int busy;
    private int lastFromSite = -1;
    private boolean lastWasReturning;
    /**
     * The last dispatch to a zone: its vehicle (NONE: none), zone, where the vehicle set out from (as
     * {@link #lastFromSite}) and its base minutes from there; a pure function of the first three.
     */
    private int lastZoneVehicle = NONE;
    private int lastZone;
    private int lastZoneFromSite;
    private double lastZoneMinutes;

    /**
     * @param vehiclesPerStation vehicles based at each station
     * @param stationOrderByZone per zone, every station with a vehicle from nearest to farthest (equal times: lower
     *                           index first)
     * @param travel             the network's travel times (base minutes), for the stations' order from each
     *                           site and the positions of returning vehicles
     * @param sites              number of hospital sites (transfers are dispatched to sites)
     */
    public Fleet(int[] vehiclesPerStation, int[][] stationOrderByZone, TravelTimes travel, int sites) {
        this(vehiclesPerStation, new DispatchOrders(vehiclesPerStation, stationOrderByZone, travel,
                stationOrderByZone.length, sites));
    }

    /**
     * @param vehiclesPerStation vehicles based at each station
     * @param orders             the scenario's nearest-first orders (built from the same vehicles per station)
     */
    public Fleet(int[] vehiclesPerStation, DispatchOrders orders) {
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
        this.orders = orders;
        this.travel = orders.travel;
        stationHead = new int[vehiclesPerStation.length];
        Arrays.fill(stationHead, NONE);
        siteHead = new int[orders.stationsBySite.length];
        Arrays.fill(siteHead, NONE);
        nextAtStation = new int[total];
        prevAtStation = new int[total];
        nextAtSite = new int[total];
        prevAtSite = new int[total];
        isReturning = new boolean[total];
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
        double[] near = orders.nearStations;
        int row = orders.stationRow;
        int station = -1;
        double minutes = Double.POSITIVE_INFINITY;
        for (int i = 0, at = 2 * zone * row; i < row; i++, at += 2) {
            int s = (int) near[at];
            if (s == DispatchOrders.EMPTY) {
                break;
            }
            if (freeCount[s] > 0) {
                station = s;
                minutes = near[at + 1];
                break;
            }
        }
        if (station < 0) {
            station = firstStationWithVehicle(orders.stationsByZone[zone], row);
            if (station >= 0) {
                minutes = travel.stationToZone(station, zone);
            }
        }
        int returningVehicle = includeReturning ? nearerReturningToZone(minutes, zone, now) : NONE;
        int v = take(station, returningVehicle, now);
        lastZoneVehicle = v;
        lastZone = zone;
        lastZoneFromSite = lastFromSite;
        lastZoneMinutes = returningVehicle >= 0 ? best : minutes;
        return v;
    }

    /**
     * Base minutes of vehicle {@code v}'s drive to zone {@code zone} from site {@code fromSite} or (-1) its
     * station. Right after {@link #dispatchToZone} sent {@code v} there, the search had them at hand (the same
     * number), so the travel-time arrays, laid out station by station, are not read again.
     */
    public double baseMinutesToZone(int v, int fromSite, int zone) {
        if (v == lastZoneVehicle && zone == lastZone && fromSite == lastZoneFromSite) {
            return lastZoneMinutes;
        }
        return fromSite >= 0 ? travel.zoneToSite(zone, fromSite) : travel.stationToZone(homeStation[v], zone);
    }

    /**
     * As {@link #dispatchToZone} for a vehicle sent to hospital site {@code site} (an inter-hospital transfer).
     */
    public int dispatchToSite(int site, double now, boolean includeReturning) {
        int station = firstStationWithVehicle(orders.stationsBySite[site], 0);
        if (!includeReturning) {
            return take(station, -1, now);
        }
        double best = station < 0 ? Double.POSITIVE_INFINITY : travel.siteToStation(site, station);
        return take(station, nearerReturningToSite(best, site, now), now);
    }

    /*
     * The returning vehicle strictly nearer than the nearest free station's minutes, from where each counts as
     * being at now; among equal minutes the lower id: the least (minutes, id) below the station's minutes, so the
     * order of the search does not matter. Stations and sites are searched nearest first and each search stops at
     * the first place with returning vehicles that is farther than the best found: nothing beyond it can be nearer.
     * A zone keeps only its nearest few sites; when all of them are within the best, every site is searched.
     */

    private int nearerReturningToZone(double stationMinutes, int zone, double now) {
        best = stationMinutes;
        bestVehicle = NONE;
        // The zone's short row first: minutes are at hand, so it stops at the first station farther than the best.
        double[] near = orders.nearStations;
        int row = orders.stationRow;
        boolean done = false;
        for (int i = 0, at = 2 * zone * row; i < row; i++, at += 2) {
            int s = (int) near[at];
            if (s == DispatchOrders.EMPTY) {
                done = true;
                break;
            }
            double m = near[at + 1];
            if (m > best) {
                done = true;
                break;
            }
            if (stationHead[s] != NONE) {
                offerAtStation(s, m, now);
            }
        }
        if (!done) {
            int[] order = orders.stationsByZone[zone];
            for (int i = row; i < order.length; i++) {
                int s = order[i];
                if (stationHead[s] != NONE) {
                    double m = travel.stationToZone(s, zone);
                    if (m > best) {
                        break;
                    }
                    offerAtStation(s, m, now);
                }
            }
        }
        // Sites not in the short row are no nearer than its last; past the best, nothing farther can be nearer.
        near = orders.nearSites;
        row = orders.siteRow;
        boolean searched = false;
        for (int i = 0, at = 2 * zone * row; i < row; i++, at += 2) {
            double m = near[at + 1];
            if (m > best) {
                searched = true;
                break;
            }
            int site = (int) near[at];
            if (siteHead[site] != NONE) {
                offerAtSite(site, m, now);
            }
        }
        if (!searched && row < siteHead.length) {
            for (int site = 0; site < siteHead.length; site++) {
                if (siteHead[site] != NONE) {
                    offerAtSite(site, travel.zoneToSite(zone, site), now);
                }
            }
        }
        return bestVehicle;
    }

    private int nearerReturningToSite(double stationMinutes, int site, double now) {
        best = stationMinutes;
        bestVehicle = NONE;
        for (int s : orders.stationsBySite[site]) {
            if (stationHead[s] != NONE) {
                double m = travel.siteToStation(site, s);
                if (m > best) {
                    break;
                }
                offerAtStation(s, m, now);
            }
        }
        for (int from : orders.sitesBySite[site]) {
            if (siteHead[from] != NONE) {
                double m = travel.siteToSite(from, site);
                if (m > best) {
                    break;
                }
                offerAtSite(from, m, now);
            }
        }
        return bestVehicle;
    }

    /** Offers the returning vehicles of station {@code s} that count as being there, {@code minutes} away. */
    private void offerAtStation(int s, double minutes, double now) {
        for (int v = stationHead[s]; v != NONE; v = nextAtStation[v]) {
            if (positionSite(v, now) < 0) {
                offer(v, minutes);
            }
        }
    }

    /** Offers the vehicles returning from site {@code site} that still count as being there. */
    private void offerAtSite(int site, double minutes, double now) {
        for (int v = siteHead[site]; v != NONE; v = nextAtSite[v]) {
            if (positionSite(v, now) >= 0) {
                offer(v, minutes);
            }
        }
    }

    private void offer(int v, double minutes) {
        if (minutes < best || (minutes == best && bestVehicle != NONE && v < bestVehicle)) {
            best = minutes;
            bestVehicle = v;
        }
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
        isReturning[vehicle] = true;
        int s = homeStation[vehicle];
        prevAtStation[vehicle] = NONE;
        nextAtStation[vehicle] = stationHead[s];
        if (stationHead[s] != NONE) {
            prevAtStation[stationHead[s]] = vehicle;
        }
        stationHead[s] = vehicle;
        if (fromSite >= 0) {
            prevAtSite[vehicle] = NONE;
            nextAtSite[vehicle] = siteHead[fromSite];
            if (siteHead[fromSite] != NONE) {
                prevAtSite[siteHead[fromSite]] = vehicle;
            }
            siteHead[fromSite] = vehicle;
        }
    }

    /** Whether the vehicle is driving back to its station. */
    public boolean isReturning(int vehicle) {
        return isReturning[vehicle];
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

    /** The first station of {@code order} from position {@code from} on with a free vehicle, or -1. */
    private int firstStationWithVehicle(int[] order, int from) {
        for (int i = from; i < order.length; i++) {
            if (freeCount[order[i]] > 0) {
                return order[i];
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
        if (!isReturning[v]) {
            return;
        }
        isReturning[v] = false;
        int prev = prevAtStation[v];
        int next = nextAtStation[v];
        if (prev == NONE) {
            stationHead[homeStation[v]] = next;
        } else {
            nextAtStation[prev] = next;
        }
        if (next != NONE) {
            prevAtStation[next] = prev;
        }
        int site = returnFromSite[v];
        if (site >= 0) {
            prev = prevAtSite[v];
            next = nextAtSite[v];
            if (prev == NONE) {
                siteHead[site] = next;
            } else {
                nextAtSite[prev] = next;
            }
            if (next != NONE) {
                prevAtSite[next] = prev;
            }
        }
    }
}
