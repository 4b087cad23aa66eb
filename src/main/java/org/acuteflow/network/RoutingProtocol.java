package org.acuteflow.network;

/**
 * Where the ambulance takes each kind of patient, as set by a configuration.
 *
 * @param stroke                where suspected strokes go
 * @param trauma                where major trauma goes
 * @param mtcThresholdMinutes   major trauma goes straight to an MTC reachable within this many minutes from
 *                              scene (blue light); otherwise to the nearest trauma unit and is transferred
 * @param providerNetworks      provider networks and whether routing stays within them, or null for none
 */
public record RoutingProtocol(StrokeRouting stroke, TraumaRouting trauma, double mtcThresholdMinutes,
                              ProviderNetworks providerNetworks) {

    /** A protocol without provider networks. */
    public RoutingProtocol(StrokeRouting stroke, TraumaRouting trauma, double mtcThresholdMinutes) {
        this(stroke, trauma, mtcThresholdMinutes, null);
    }

    public enum StrokeRouting {
        /** Nearest open site with a HASU (the 2010 concentrated model). */
        NEAREST_HASU,
        /** Nearest open site that admits acute stroke (a stroke unit or HASU; the pre-2010 model). */
        NEAREST_STROKE_UNIT,
        /** Nearest type-1 A&E, whatever it offers (no stroke pathway). */
        NEAREST_AE
    }

    public enum TraumaRouting {
        /** Nearest type-1 A&E. */
        NEAREST_AE,
        /** MTC within the threshold, else nearest trauma unit then secondary transfer. */
        MTC_WITHIN_THRESHOLD
    }
}
