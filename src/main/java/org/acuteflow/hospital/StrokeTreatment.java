package org.acuteflow.hospital;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.WeeklyProfile;
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
        for (Service s : new Service[] {Service.HASU, Service.STROKE_UNIT, Service.THROMBOLYSIS}) {
            if (site.offers(s)) {
                return site.coverFor(s);
            }
        }
        return site.coverFor(Service.TYPE1_AE);
    }

    /** Sets the patient's scan, needle and puncture times; the patient's door time must be set. */
    public static void treat(Patient p, Site site, HospitalParameters h) {
        boolean hasu = site.offers(Service.HASU);
        double doorToScan = (hasu ? h.hasuDoorToScanMinutes() : h.otherDoorToScanMinutes())
                .inverse(p.doorToScanUniform);
        boolean preAlerted = p.recognisedAsStroke && !p.selfPresenter;
        if (!preAlerted) {
            doorToScan += h.unrecognisedStrokeDelayMinutes();
        }
        p.scanMinutes = p.doorMinutes + doorToScan;
        CoverSchedule cover = strokeCover(site);
        boolean onSite = cover.onSiteAt(WeeklyProfile.hourOfWeek(p.doorMinutes));
        p.specialistOnSiteAtArrival = onSite;
        double specialistDelay = onSite ? 0 : cover.onCallDelayMinutes();
        if (p.condition != Condition.STROKE_ISCHAEMIC || !p.onsetKnown) {
            return;
        }
        if (p.eligibleForThrombolysis && site.offers(Service.THROMBOLYSIS)) {
            double limit = p.ageBand == AgeBand.AGED_80_PLUS
                    ? h.maxOnsetToNeedleMinutes80Plus() : h.maxOnsetToNeedleMinutesUnder80();
            double leftAfterScan = limit - (p.scanMinutes - p.onsetMinutes);
            if (leftAfterScan >= h.minWindowAfterScanMinutes()) {
                double scanToNeedle = (hasu ? h.hasuScanToNeedleMinutes() : h.otherScanToNeedleMinutes())
                        .inverse(p.scanToNeedleUniform);
                double needle = p.scanMinutes + scanToNeedle + specialistDelay;
                if (needle - p.onsetMinutes <= limit) {
                    p.needleMinutes = needle;
                }
            }
        }
        if (p.largeVesselOcclusion && site.offers(Service.THROMBECTOMY)) {
            double puncture = p.doorMinutes + p.doorToPunctureMinutes + specialistDelay;
            if (puncture - p.onsetMinutes <= h.maxOnsetToPunctureMinutes()) {
                p.punctureMinutes = puncture;
            }
        }
    }
}
