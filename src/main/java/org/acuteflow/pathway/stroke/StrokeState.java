package org.acuteflow.pathway.stroke;

import java.util.Locale;
import org.acuteflow.demand.PathwayState;
import org.acuteflow.demand.Patient;

/** A suspected stroke's own record: case-mix draws, per-patient treatment draws and stays, treatment times. */
public final class StrokeState implements PathwayState {
    /** The ambulance crew recognised a suspected stroke (true strokes and mimics only). */
    public boolean recognisedAsStroke;
    public boolean onsetKnown;
    public boolean eligibleForThrombolysis;
    public boolean largeVesselOcclusion;
    /** Uniforms for door-to-scan and scan-to-needle: the distribution depends on the site type reached. */
    public double doorToScanUniform;
    public double scanToNeedleUniform;
    public double doorToPunctureMinutes;
    public double hasuStayMinutes;
    /** After the HASU, moves on to a stroke-unit bed (its home stroke unit's, or its HASU site's). */
    public boolean strokeUnitAfterHasu;
    public double strokeUnitStayMinutes;
    public double mimicStayMinutes;

    public double scanMinutes = Double.NaN;
    public double needleMinutes = Double.NaN;
    public double punctureMinutes = Double.NaN;
    /** Share of the stroke stay in organised care (HASU or stroke unit), 0 to 1. */
    public double organisedCareShare;
    /** Clock minutes at which a stroke admitted to a general ward started waiting for a stroke-unit bed. */
    public double wardAdmissionMinutes = Double.NaN;
    /**
     * When the stroke was ready to move from its HASU bed to a stroke unit and has not left the HASU yet (waiting
     * for a stroke-unit bed, or for the ambulance of its repatriation), else NaN.
     */
    public double stepDownReadyMinutes = Double.NaN;

    /** The stroke state of a patient of the stroke pathway. */
    public static StrokeState of(Patient p) {
        return (StrokeState) p.state;
    }

    /** Recognised by the crew and brought by ambulance: pre-alerted, routed by the stroke rule. */
    public static boolean isSuspectedStroke(Patient p) {
        return p.state instanceof StrokeState s && s.recognisedAsStroke && !p.selfPresenter;
    }

    public boolean thrombolysed() {
        return !Double.isNaN(needleMinutes);
    }

    @Override
    public String column(String name) {
        return switch (name) {
            case "recognised" -> String.valueOf(recognisedAsStroke);
            case "onset_known" -> String.valueOf(onsetKnown);
            case "eligible" -> String.valueOf(eligibleForThrombolysis);
            case "lvo" -> String.valueOf(largeVesselOcclusion);
            case "scan_min" -> minutes(scanMinutes);
            case "needle_min" -> minutes(needleMinutes);
            case "puncture_min" -> minutes(punctureMinutes);
            case "organised_care_share" -> String.format(Locale.ROOT, "%.4f", organisedCareShare);
            default -> null;
        };
    }

    private static String minutes(double t) {
        return Double.isNaN(t) ? "" : String.format(Locale.ROOT, "%.3f", t);
    }
}
