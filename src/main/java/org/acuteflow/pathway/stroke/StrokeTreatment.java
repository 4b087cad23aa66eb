package org.acuteflow.pathway.stroke;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.WeeklyProfile;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;

/**
 * Scan, thrombolysis and thrombectomy of a (suspected) stroke at the site it reached. A pure function of the
 * patient's attributes and per-patient draws, the site and the parameters: no randomness is consumed here.
 *
 * <p>Rules: thrombolysis needs an ischaemic stroke, eligibility, a known onset, a site offering THROMBOLYSIS, at
 * least {@code minWindowAfterScanMinutes} of the window left after the scan and onset-to-needle within the
 * window (270 min under 80, 180 min at 80+: PenCHORD pathway model). When the stroke specialist is on call at
 * the hour of arrival, the treatment decisions wait {@code onCallDelayMinutes} (the scan itself does not).
 * Thrombectomy needs a large-vessel occlusion and a site offering THROMBECTOMY; secondary transfers for
 * thrombectomy are not modelled.
 */
public final class StrokeTreatment {
    private StrokeTreatment() {
    }

    /** The cover schedule that governs stroke decisions at {@code site}. */
    public static CoverSchedule strokeCover(Site site) {
        for (Service service : new Service[] {Service.HASU, Service.STROKE_UNIT, Service.THROMBOLYSIS}) {
            if (site.offers(service)) {
                return site.coverFor(service);
            }
        }
        return site.coverFor(Service.TYPE1_AE);
    }

    /** Sets the patient's scan, needle and puncture times; the patient's door time must be set. */
    public static void treat(Patient p, Site site, HospitalParameters.Stroke h) {
        treat(p, site, h, 1);
    }

    /**
     * As {@link #treat(Patient, Site, HospitalParameters)}, the wait of a stroke not pre-alerted (triage in the
     * emergency department before the stroke team is called: its time to be seen) multiplied by the department's
     * crowding at the door ({@link org.acuteflow.hospital.EdCrowding}).
     */
    public static void treat(Patient p, Site site, HospitalParameters.Stroke h, double crowding) {
        StrokeState s = StrokeState.of(p);
        boolean hasu = site.offers(Service.HASU);
        double doorToScan = (hasu ? h.hasuDoorToScanMinutes() : h.otherDoorToScanMinutes())
                .inverse(s.doorToScanUniform);
        boolean preAlerted = s.recognisedAsStroke && !p.selfPresenter;
        if (!preAlerted) {
            doorToScan += h.unrecognisedStrokeDelayMinutes() * crowding;
        }
        s.scanMinutes = p.doorMinutes + doorToScan;
        CoverSchedule cover = strokeCover(site);
        boolean onSite = cover.onSiteAt(WeeklyProfile.hourOfWeek(p.doorMinutes));
        p.specialistOnSiteAtArrival = onSite;
        double specialistDelay = onSite ? 0 : cover.onCallDelayMinutes();
        if (p.condition != Condition.STROKE_ISCHAEMIC || !s.onsetKnown) {
            return;
        }
        if (s.eligibleForThrombolysis && site.offers(Service.THROMBOLYSIS)) {
            double limit = p.ageBand == AgeBand.AGED_80_PLUS
                    ? h.maxOnsetToNeedleMinutes80Plus() : h.maxOnsetToNeedleMinutesUnder80();
            double leftAfterScan = limit - (s.scanMinutes - p.onsetMinutes);
            if (leftAfterScan >= h.minWindowAfterScanMinutes()) {
                double scanToNeedle = (hasu ? h.hasuScanToNeedleMinutes() : h.otherScanToNeedleMinutes())
                        .inverse(s.scanToNeedleUniform);
                double needle = s.scanMinutes + scanToNeedle + specialistDelay;
                if (needle - p.onsetMinutes <= limit) {
                    s.needleMinutes = needle;
                }
            }
        }
        if (s.largeVesselOcclusion && site.offers(Service.THROMBECTOMY)) {
            double puncture = p.doorMinutes + s.doorToPunctureMinutes + specialistDelay;
            if (puncture - p.onsetMinutes <= h.maxOnsetToPunctureMinutes()) {
                s.punctureMinutes = puncture;
            }
        }
    }
}
