package org.acuteflow.network;

/**
 * Precomputed shortest travel times between the places a run needs, as flat arrays: every lookup at run time
 * is O(1). Base minutes are off-peak blue-light times; {@link #factor} scales them by hour of week and mode.
 *
 * <p>Precisely: base minutes are blue-light minutes in the network's reference time band (factor 1; in
 * London weekday and weekend daytime outside the peaks). A network stores normal-road minutes and a
 * {@code blue_light_factor} (London: 0.60, from the median ratio of the two published time scales); base =
 * stored x blue_light_factor. {@code factor(h, BLUE_LIGHT)} is the blue-light time-band multiplier and
 * {@code factor(h, NORMAL)} is the normal-driving multiplier divided by the blue-light factor, so
 * {@code base * factor(h, mode)} is the time in that mode at that hour. See networks/README.md.
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

    /**
     * Road distance in km from zone to site along the route whose minutes {@link #zoneToSite(int, int)} gives
     * (for outcome models that use distance). NaN when the network does not know road distances.
     */
    default double zoneToSiteKm(int zone, int site) {
        return Double.NaN;
    }

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
