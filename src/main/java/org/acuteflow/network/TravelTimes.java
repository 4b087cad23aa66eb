package org.acuteflow.network;

/**
 * Precomputed shortest travel times between the places a run needs, as flat arrays: every lookup at run time
 * is O(1). Base minutes are off-peak blue-light times; {@link #factor} scales them by hour of week and mode.
 *
 * <p>Immutable and shared by all replications.
 */
public interface TravelTimes {

    enum Mode {
        /** Emergency driving with lights and sirens. */
        BLUE_LIGHT,
        /** Normal road speed (returns to station, planned transfers). */
        NORMAL
    }

    /** Base minutes from zone to site. */
    double zoneToSite(int zone, int site);

    /** Base minutes from station to zone. */
    double stationToZone(int station, int zone);

    /** Base minutes from site to site. */
    double siteToSite(int fromSite, int toSite);

    /** Base minutes from site to station. */
    double siteToStation(int site, int station);

    /** Multiplier on base minutes at {@code hourOfWeek} (0..167, Monday 00:00 = 0) in {@code mode}. */
    double factor(int hourOfWeek, Mode mode);

    /** Convenience: minutes from zone to site at that hour in that mode. */
    default double zoneToSite(int zone, int site, int hourOfWeek, Mode mode) {
        return zoneToSite(zone, site) * factor(hourOfWeek, mode);
    }
}
