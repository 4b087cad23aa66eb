package org.acuteflow.outcome;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;

/**
 * One patient's simulated journey, as the outcome model needs it. Times are minutes; NaN means "did not happen"
 * (no thrombolysis, no thrombectomy).
 *
 * @param largeVesselOcclusion        ischaemic stroke with a large-vessel occlusion (thrombectomy candidate)
 * @param onsetToNeedleMinutes        onset to thrombolysis, or NaN when not thrombolysed
 * @param onsetToPunctureMinutes      onset to thrombectomy groin puncture, or NaN when none
 * @param careLevel                   where definitive care was given (HASU, stroke unit, general ward, MTC ...)
 * @param organisedCareShare          stroke: share of the stroke stay spent in organised care (HASU or stroke
 *                                    unit), 0 to 1
 * @param specialistOnSiteAtArrival   the relevant specialist (stroke physician, emergency consultant) was on
 *                                    site when the patient arrived; false means on call at that hour
 * @param weekendAdmission            arrived at the first hospital on a Saturday or Sunday
 * @param ambulanceConveyed           taken to hospital by ambulance (not self-presenting)
 * @param distanceKm                  road distance from the patient's zone to the first hospital
 * @param callToDefinitiveCareMinutes call to arrival where definitive care is given (after any transfer)
 * @param edMinutesToBed              an admitted emergency patient's time from arrival at the emergency
 *                                    department to leaving it for a bed (decision to admit plus boarding); NaN
 *                                    when not known (not admitted through the department, or no bed pool)
 */
public record OutcomeInput(Condition condition, AgeBand ageBand, boolean largeVesselOcclusion,
                           double onsetToNeedleMinutes, double onsetToPunctureMinutes, CareLevel careLevel,
                           double organisedCareShare, boolean specialistOnSiteAtArrival, boolean weekendAdmission,
                           boolean ambulanceConveyed, double distanceKm, double callToDefinitiveCareMinutes,
                           double edMinutesToBed) {

    /** A journey without a known time from the emergency department's door to a bed. */
    public OutcomeInput(Condition condition, AgeBand ageBand, boolean largeVesselOcclusion,
                        double onsetToNeedleMinutes, double onsetToPunctureMinutes, CareLevel careLevel,
                        double organisedCareShare, boolean specialistOnSiteAtArrival, boolean weekendAdmission,
                        boolean ambulanceConveyed, double distanceKm, double callToDefinitiveCareMinutes) {
        this(condition, ageBand, largeVesselOcclusion, onsetToNeedleMinutes, onsetToPunctureMinutes, careLevel,
                organisedCareShare, specialistOnSiteAtArrival, weekendAdmission, ambulanceConveyed, distanceKm,
                callToDefinitiveCareMinutes, Double.NaN);
    }

    /** This journey with {@code minutes} from the emergency department's door to a bed. */
    public OutcomeInput withEdMinutesToBed(double minutes) {
        return new OutcomeInput(condition, ageBand, largeVesselOcclusion, onsetToNeedleMinutes,
                onsetToPunctureMinutes, careLevel, organisedCareShare, specialistOnSiteAtArrival, weekendAdmission,
                ambulanceConveyed, distanceKm, callToDefinitiveCareMinutes, minutes);
    }
}
