package org.acuteflow.bench;

import org.acuteflow.network.TravelTimes;

/**
 * Travel times of a network built in memory for the benchmark (merged or tiled zones), held in flat arrays as a
 * loaded network holds them ({@code network.RoadTravelTimes}), so that the benchmark measures the model and not the
 * arithmetic of a view. Zone-to-site minutes and km are interleaved, one cache line per zone and site, as there.
 * Time-band factors come from the network the arrays were derived from.
 */
final class FlatTravelTimes implements TravelTimes {
    private final int zones;
    private final int sites;
    private final int stations;
    private final double[] zoneSiteMinutesKm;
    private final double[] stationToZone;
    private final double[] siteToSite;
    private final double[] siteToStation;
    private final TravelTimes factors;

    /**
     * @param zoneToSite     {@code [zone * sites + site]}
     * @param zoneToSiteKm   likewise
     * @param stationToZone  {@code [station * zones + zone]}
     */
    FlatTravelTimes(int zones, int sites, int stations, double[] zoneToSite, double[] zoneToSiteKm,
                    double[] stationToZone, TravelTimes siteTimesAndFactors) {
        this.zones = zones;
        this.sites = sites;
        this.stations = stations;
        this.zoneSiteMinutesKm = new double[2 * zones * sites];
        for (int i = 0; i < zones * sites; i++) {
            zoneSiteMinutesKm[2 * i] = zoneToSite[i];
            zoneSiteMinutesKm[2 * i + 1] = zoneToSiteKm[i];
        }
        this.stationToZone = stationToZone;
        this.siteToSite = new double[sites * sites];
        this.siteToStation = new double[sites * stations];
        for (int a = 0; a < sites; a++) {
            for (int b = 0; b < sites; b++) {
                siteToSite[a * sites + b] = siteTimesAndFactors.siteToSite(a, b);
            }
            for (int s = 0; s < stations; s++) {
                siteToStation[a * stations + s] = siteTimesAndFactors.siteToStation(a, s);
            }
        }
        this.factors = siteTimesAndFactors;
    }

    /** Every time {@code view} gives, read once into arrays. */
    static FlatTravelTimes copyOf(TravelTimes view, int zones, int sites, int stations) {
        double[] zoneToSite = new double[zones * sites];
        double[] zoneToSiteKm = new double[zones * sites];
        for (int z = 0; z < zones; z++) {
            for (int s = 0; s < sites; s++) {
                zoneToSite[z * sites + s] = view.zoneToSite(z, s);
                zoneToSiteKm[z * sites + s] = view.zoneToSiteKm(z, s);
            }
        }
        double[] stationToZone = new double[stations * zones];
        for (int s = 0; s < stations; s++) {
            for (int z = 0; z < zones; z++) {
                stationToZone[s * zones + z] = view.stationToZone(s, z);
            }
        }
        return new FlatTravelTimes(zones, sites, stations, zoneToSite, zoneToSiteKm, stationToZone, view);
    }

    @Override
    public double zoneToSite(int zone, int site) {
        return zoneSiteMinutesKm[2 * (zone * sites + site)];
    }

    @Override
    public double zoneToSiteKm(int zone, int site) {
        return zoneSiteMinutesKm[2 * (zone * sites + site) + 1];
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
        return factors.factor(hourOfWeek, mode);
    }
}
