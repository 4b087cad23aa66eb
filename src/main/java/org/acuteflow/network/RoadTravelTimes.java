package org.acuteflow.network;

import java.util.BitSet;

/**
 * {@link TravelTimes} held in flat arrays, filled once when the network is loaded (one Dijkstra per site and
 * per station) and read-only afterwards: every lookup is an array read, safe from any number of threads.
 *
 * <p>Base minutes are blue-light minutes in the reference time band: the network's stored minutes (normal
 * road times, such as a routing engine or the London 2021 matrix gives) times its {@code blue_light_factor}.
 * {@link #factor} returns the time-band multiplier for blue light, and for normal driving the time-band
 * multiplier divided by the blue-light factor, so {@code base * factor(h, NORMAL)} is the normal-road time.
 */
public final class RoadTravelTimes implements TravelTimes {
    private final int zones;
    private final int sites;
    private final int stations;
    /**
     * Zone-to-site minutes and kilometres interleaved, {@code [(zone * sites + site) * 2]} and {@code [... + 1]}:
     * a patient's journey reads both for the same zone and site, and side by side they share one cache line,
     * where two arrays cost two cache misses on a network of thousands of zones (docs/performance.md).
     */
    private final double[] zoneSiteMinutesKm;
    private final BitSet measured;
    private final double[] stationToZone;
    private final double[] siteToSite;
    private final double[] siteToStation;
    private final double[] blueFactor;
    private final double[] normalFactor;
    private final double blueLightFactor;

    RoadTravelTimes(int zones, int sites, int stations, double[] zoneToSite, double[] zoneToSiteKm, BitSet measured,
                    double[] stationToZone, double[] siteToSite, double[] siteToStation, TimeBands bands,
                    double blueLightFactor) {
        this.zones = zones;
        this.sites = sites;
        this.stations = stations;
        this.zoneSiteMinutesKm = new double[2 * zoneToSite.length];
        for (int i = 0; i < zoneToSite.length; i++) {
            zoneSiteMinutesKm[2 * i] = zoneToSite[i];
            zoneSiteMinutesKm[2 * i + 1] = zoneToSiteKm[i];
        }
        this.measured = (BitSet) measured.clone();
        this.stationToZone = stationToZone;
        this.siteToSite = siteToSite;
        this.siteToStation = siteToStation;
        this.blueLightFactor = blueLightFactor;
        this.blueFactor = new double[CoverSchedule.HOURS_PER_WEEK];
        this.normalFactor = new double[CoverSchedule.HOURS_PER_WEEK];
        for (int h = 0; h < CoverSchedule.HOURS_PER_WEEK; h++) {
            blueFactor[h] = bands.factor(h, Mode.BLUE_LIGHT);
            normalFactor[h] = bands.factor(h, Mode.NORMAL) / blueLightFactor;
        }
    }

    @Override
    public double zoneToSite(int zone, int site) {
        return zoneSiteMinutesKm[2 * (zone * sites + site)];
    }

    @Override
    public double zoneToSiteKm(int zone, int site) {
        return zoneSiteMinutesKm[2 * (zone * sites + site) + 1];
    }

    /** True when zone-to-site minutes come from the network's travel matrix; false for road-graph estimates. */
    public boolean zoneToSiteFromMatrix(int zone, int site) {
        return measured.get(zone * sites + site);
    }

    @Override
    public double stationToZone(int station, int zone) {
        return stationToZone[station * zones + zone];
    }

    @Override
    public double siteToSite(int fromSite, int toSite) {
        return siteToSite[fromSite * sites + toSite];
    }

    @Override
    public double siteToStation(int site, int station) {
        return siteToStation[site * stations + station];
    }

    @Override
    public double factor(int hourOfWeek, Mode mode) {
        return mode == Mode.BLUE_LIGHT ? blueFactor[hourOfWeek] : normalFactor[hourOfWeek];
    }

    /** Blue-light minutes per stored normal-road minute (e.g. 0.6: blue light takes 60% of the normal time). */
    public double blueLightFactor() {
        return blueLightFactor;
    }

    public int zoneCount() {
        return zones;
    }

    public int siteCount() {
        return sites;
    }

    public int stationCount() {
        return stations;
    }
}
