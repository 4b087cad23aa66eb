package org.acuteflow.testing;

import java.util.Arrays;
import org.acuteflow.network.TravelTimes;

/** Travel times from plain arrays, for tests: factor 1 at every hour unless set. */
public final class ArrayTravelTimes implements TravelTimes {
    private final double[][] zoneToSite;
    private final double[][] stationToZone;
    private final double[][] siteToSite;
    private final double[][] siteToStation;
    private final double[] blueLightFactor = new double[168];
    private final double[] normalFactor = new double[168];

    public ArrayTravelTimes(double[][] zoneToSite, double[][] stationToZone, double[][] siteToSite,
                            double[][] siteToStation) {
        this.zoneToSite = zoneToSite;
        this.stationToZone = stationToZone;
        this.siteToSite = siteToSite;
        this.siteToStation = siteToStation;
        Arrays.fill(blueLightFactor, 1);
        Arrays.fill(normalFactor, 1);
    }

    /** All zeros: zones, sites and stations in one place. */
    public static ArrayTravelTimes zero(int zones, int sites, int stations) {
        return new ArrayTravelTimes(new double[zones][sites], new double[stations][zones], new double[sites][sites],
                new double[sites][stations]);
    }

    public ArrayTravelTimes withFactor(int hourOfWeek, Mode mode, double factor) {
        (mode == Mode.BLUE_LIGHT ? blueLightFactor : normalFactor)[hourOfWeek] = factor;
        return this;
    }

    @Override
    public double zoneToSite(int zone, int site) {
        return zoneToSite[zone][site];
    }

    @Override
    public double stationToZone(int station, int zone) {
        return stationToZone[station][zone];
    }

    @Override
    public double siteToSite(int fromSite, int toSite) {
        return siteToSite[fromSite][toSite];
    }

    @Override
    public double siteToStation(int site, int station) {
        return siteToStation[site][station];
    }

    @Override
    public double factor(int hourOfWeek, Mode mode) {
        return (mode == Mode.BLUE_LIGHT ? blueLightFactor : normalFactor)[hourOfWeek];
    }
}
