package org.acuteflow.ems;

import org.acuteflow.network.Network;

/**
 * Which ambulances are free at which station, for one replication. Vehicles are numbered 0..size-1 and each
 * belongs to a home station. Dispatch sends the free vehicle whose station is nearest the incident: stations
 * are tried in each zone's precomputed order of base travel time (the hour-of-week factor scales every route
 * alike, so the order holds at every hour). O(stations tried) per dispatch, no allocation.
 *
 * <p>Mutable; confined to one replication.
 */
public final class Fleet {
    private final int[] homeStation;
    private final int[][] freeStack;
    private final int[] freeCount;
    private final int[][] stationOrderByZone;
    private int busy;

    /**
     * @param vehiclesPerStation vehicles based at each station
     * @param stationOrderByZone per zone, station indices from nearest to farthest (stations with no vehicle
     *                           may be left out)
     */
    public Fleet(int[] vehiclesPerStation, int[][] stationOrderByZone) {
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

    public int busy() {
        return busy;
    }

    public int homeStation(int vehicle) {
        return homeStation[vehicle];
    }

    /** Takes the free vehicle nearest {@code zone} and returns its id, or -1 when every vehicle is busy. */
    public int dispatchNearest(int zone) {
        int[] order = stationOrderByZone[zone];
        for (int s : order) {
            if (freeCount[s] > 0) {
                busy++;
                return freeStack[s][--freeCount[s]];
            }
        }
        return -1;
    }

    /** The vehicle is back at its station and free. */
    public void release(int vehicle) {
        int s = homeStation[vehicle];
        freeStack[s][freeCount[s]++] = vehicle;
        busy--;
    }

}
