package org.acuteflow.network;

/** Great-circle geometry on WGS84 latitude/longitude in degrees. Stateless. */
public final class Geo {
    /** Mean Earth radius, km (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    /** Straight-line (great-circle, haversine) distance in km. */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** True for a latitude/longitude pair that can be a place (and is not the 0,0 of a missing value). */
    public static boolean plausible(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
                && !(lat == 0 && lon == 0);
    }
}
