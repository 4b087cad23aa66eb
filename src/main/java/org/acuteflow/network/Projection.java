package org.acuteflow.network;

/**
 * The one map projection of acuteflow: a local equirectangular projection from WGS84 degrees to km, east-west
 * distances shrunk by the cosine of a reference latitude. Accurate to well under 1% across a city region, which is
 * all its users need (road-graph triangulation, station planning, zone aggregation, map charts).
 *
 * @param originLat latitude of the origin (km north are measured from it)
 * @param originLon longitude of the origin (km east are measured from it)
 * @param cosLat    cosine of the reference latitude
 */
public record Projection(double originLat, double originLon, double cosLat) {
    /** km per degree of longitude at the equator (WGS84). */
    public static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
    /** km per degree of latitude (WGS84, near the equator; within 0.5% everywhere). */
    public static final double KM_PER_DEGREE_LAT = 110.574;

    /** Origin at 0 degrees north, 0 degrees east; east-west scale of latitude {@code lat}. */
    public static Projection scaledAt(double lat) {
        return new Projection(0, 0, Math.cos(Math.toRadians(lat)));
    }

    /** Origin and east-west scale at ({@code lat}, {@code lon}). */
    public static Projection centredOn(double lat, double lon) {
        return new Projection(lat, lon, Math.cos(Math.toRadians(lat)));
    }

    /** km east of the origin. */
    public double x(double lon) {
        return (lon - originLon) * KM_PER_DEGREE_LON_AT_EQUATOR * cosLat;
    }

    /** km north of the origin. */
    public double y(double lat) {
        return (lat - originLat) * KM_PER_DEGREE_LAT;
    }
}
