package org.acuteflow.hospital;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.acuteflow.config.Binder;
import org.acuteflow.config.DistributionSpec;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Validated;

/**
 * The {@code hospital:} section of the model parameters: what every emergency department shares (time in the
 * department, crowding), then a map keyed by pathway for the in-hospital parameters of each built-in pathway
 * ({@code stroke}, {@code major_trauma}). Durations in minutes. A pathway with a section of its own (heart attack:
 * {@code stemi.hospital}) keeps its hospital parameters there.
 *
 * @param edStayMinutes door to leaving the emergency department
 * @param edCrowding    how handover and time to be seen rise with emergency department occupancy, and how
 *                      departments are sized ({@link EdCrowding})
 * @param stroke        the stroke pathway's in-hospital parameters
 * @param majorTrauma   the major trauma pathway's in-hospital parameters
 */
public record HospitalParameters(DistributionSpec edStayMinutes, EdCrowding edCrowding, Stroke stroke,
                                 MajorTrauma majorTrauma) implements Validated {
    public static final String PATH = "parameters.hospital";

    public static HospitalParameters from(JsonNode tree, SourceMap sources) {
        return Binder.bindValidated(tree, HospitalParameters.class, sources, PATH);
    }

    @Override
    public void validate(Problems p, String path) {
        if (edCrowding != null) {
            edCrowding.validate(p, path + ".ed_crowding");
        }
        if (stroke != null) {
            stroke.validate(p, path + ".stroke");
        }
    }

    /**
     * {@code hospital.stroke}: the stroke pathway from the door on.
     *
     * @param hasuDoorToScanMinutes            door to brain scan at a HASU (pre-alerted stroke)
     * @param otherDoorToScanMinutes           door to scan at a stroke-receiving site without a HASU or an A&E
     * @param hasuScanToNeedleMinutes          scan to thrombolysis at a HASU, specialist on site
     * @param otherScanToNeedleMinutes         scan to thrombolysis elsewhere, specialist on site
     * @param unrecognisedStrokeDelayMinutes   extra minutes before the scan when the stroke was not pre-alerted
     *                                         (not recognised by the crew, or self-presenting)
     * @param maxOnsetToNeedleMinutesUnder80   thrombolysis window under 80 years
     * @param maxOnsetToNeedleMinutes80Plus    thrombolysis window at 80 and over
     * @param minWindowAfterScanMinutes        thrombolysis only if at least this much of the window is left after
     *                                         the scan
     * @param doorToPunctureMinutes            door to thrombectomy groin puncture at a thrombectomy site
     * @param maxOnsetToPunctureMinutes        thrombectomy window
     * @param hasuStayMinutes                  length of stay in a HASU bed
     * @param strokeUnitAfterHasuShare         share of HASU strokes who move on to a stroke-unit bed (the rest are
     *                                         discharged from the HASU)
     * @param strokeUnitStayMinutes            length of stay in a stroke-unit bed
     * @param mimicStayMinutes                 length of stay of stroke mimics in a stroke bed
     * @param strokeUnitBedQueue               a stroke admitted to a general ward of a site with a stroke unit
     *                                         moves to the stroke unit when a bed frees (false: stays on the ward)
     * @param hasuStepDownWaits                a stroke ready to move from a HASU to its site's stroke unit keeps
     *                                         its HASU bed until a stroke-unit bed frees (false: it leaves the model)
     * @param hasuRepatriation                 a stroke moving on from a HASU whose home stroke unit is on another
     *                                         site waits in its HASU bed for a bed there, then goes by fleet
     *                                         ambulance (false: it steps down on the HASU's site)
     */
    public record Stroke(DistributionSpec hasuDoorToScanMinutes, DistributionSpec otherDoorToScanMinutes,
                         DistributionSpec hasuScanToNeedleMinutes, DistributionSpec otherScanToNeedleMinutes,
                         double unrecognisedStrokeDelayMinutes,
                         @JsonProperty("max_onset_to_needle_minutes_under_80") double maxOnsetToNeedleMinutesUnder80,
                         @JsonProperty("max_onset_to_needle_minutes_80_plus") double maxOnsetToNeedleMinutes80Plus,
                         double minWindowAfterScanMinutes,
                         DistributionSpec doorToPunctureMinutes, double maxOnsetToPunctureMinutes,
                         DistributionSpec hasuStayMinutes, double strokeUnitAfterHasuShare,
                         DistributionSpec strokeUnitStayMinutes, DistributionSpec mimicStayMinutes,
                         boolean strokeUnitBedQueue, boolean hasuStepDownWaits, boolean hasuRepatriation) {

        void validate(Problems p, String path) {
            // Minutes added to a patient's clock, or windows compared with it: at most a year, like every duration.
            double max = DistributionSpec.MAX_QUANTILE_999;
            p.inRange(path + ".unrecognised_stroke_delay_minutes", unrecognisedStrokeDelayMinutes, 0, max);
            p.inRange(path + ".max_onset_to_needle_minutes_under_80", maxOnsetToNeedleMinutesUnder80, 0, max);
            p.inRange(path + ".max_onset_to_needle_minutes_80_plus", maxOnsetToNeedleMinutes80Plus, 0, max);
            p.inRange(path + ".min_window_after_scan_minutes", minWindowAfterScanMinutes, 0, max);
            p.inRange(path + ".max_onset_to_puncture_minutes", maxOnsetToPunctureMinutes, 0, max);
            p.probability(path + ".stroke_unit_after_hasu_share", strokeUnitAfterHasuShare);
        }
    }

    /**
     * {@code hospital.major_trauma}: the major trauma pathway from the door on.
     *
     * @param transferDelayMinutes door of the trauma unit to the call for the secondary transfer to the MTC
     */
    public record MajorTrauma(DistributionSpec transferDelayMinutes) {
    }
}
