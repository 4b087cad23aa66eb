package org.acuteflow.outcome;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;

/**
 * One replication's journeys summarised by their outcome covariates, so that probabilistic sensitivity analysis
 * re-evaluates thousands of cells per coefficient set rather than every patient. A cell is an {@link OutcomeInput}
 * with the covariates a condition does not use set to fixed values and the continuous ones rounded to a stated
 * resolution:
 * <ul>
 * <li>strokes: onset to needle and to puncture to {@value #TREATMENT_MINUTES} minutes, share of the stay in
 * organised care to {@value #SHARE_STEP};</li>
 * <li>major trauma: call to definitive care to {@value #DELAY_MINUTES} minute;</li>
 * <li>other emergencies and mimics: road distance to {@value #KM} km (ambulance patients only); the time from
 * the emergency department's door to a bed as its band's lower end (the outcome model reads only the band).</li>
 * </ul>
 * Cells keep the order in which they were first seen, so evaluating a summary adds the same numbers in the same
 * order on every run. Mutable; confined to one replication.
 */
public final class CovariateSummary {
    public static final double TREATMENT_MINUTES = 5;
    public static final double SHARE_STEP = 0.02;
    public static final double DELAY_MINUTES = 1;
    public static final double KM = 0.1;

    private final Map<OutcomeInput, long[]> counts = new LinkedHashMap<>();

    /**
     * Outcome totals under one coefficient set.
     *
     * @param deaths             expected deaths by {@link DeathTally.Group} (ordinal order)
     * @param strokes            strokes (ischaemic and haemorrhagic)
     * @param strokeIndependent  expected strokes with mRS 0-2 at 90 days
     * @param strokeMrsSum       sum of expected 90-day mRS
     * @param strokeUtilitySum   sum of expected 90-day utility
     */
    public record Totals(double[] deaths, double strokes, double strokeIndependent, double strokeMrsSum,
                         double strokeUtilitySum) {

        public double deathsTotal() {
            double sum = 0;
            for (double d : deaths) {
                sum += d;
            }
            return sum;
        }
    }

    /** Adds one patient. */
    public void add(OutcomeInput patient) {
        counts.computeIfAbsent(cellOf(patient), k -> new long[1])[0]++;
    }

    /** Number of distinct cells. */
    public int cells() {
        return counts.size();
    }

    /** The cell of a patient: its covariates at the summary's resolution. */
    public static OutcomeInput cellOf(OutcomeInput p) {
        Condition c = p.condition();
        if (c.isStroke()) {
            boolean ischaemic = c == Condition.STROKE_ISCHAEMIC;
            boolean lvo = ischaemic && p.largeVesselOcclusion();
            return new OutcomeInput(c, p.ageBand(), lvo,
                    ischaemic ? round(p.onsetToNeedleMinutes(), TREATMENT_MINUTES) : Double.NaN,
                    lvo ? round(p.onsetToPunctureMinutes(), TREATMENT_MINUTES) : Double.NaN, null,
                    round(p.organisedCareShare(), SHARE_STEP), false, p.weekendAdmission(), false, 0, 0);
        }
        if (Condition.MAJOR_TRAUMA.equals(c)) {
            return new OutcomeInput(c, p.ageBand(), false, Double.NaN, Double.NaN,
                    p.careLevel() == CareLevel.MTC ? CareLevel.MTC : CareLevel.TRAUMA_UNIT, 0, false, false, false, 0,
                    round(p.callToDefinitiveCareMinutes(), DELAY_MINUTES));
        }
        if (OutcomeModel.isOtherEmergency(c)) {
            // Only the weekend-without-consultant combination and the ambulance patients' distance matter.
            boolean weekendNoConsultant = p.weekendAdmission() && !p.specialistOnSiteAtArrival();
            return new OutcomeInput(c, AgeBand.UNDER_80, false, Double.NaN, Double.NaN, null, 0,
                    !weekendNoConsultant, weekendNoConsultant, p.ambulanceConveyed(),
                    p.ambulanceConveyed() ? round(p.distanceKm(), KM) : 0, 0, edBandTime(p.edMinutesToBed()));
        }
        throw new IllegalArgumentException("no summary cell for condition " + c + " (its pathway evaluates it)");
    }

    /** A time in the emergency department standing for its band: the band's lower end in minutes (NaN stays). */
    private static double edBandTime(double edMinutesToBed) {
        int band = OutcomeParameters.OtherEmergency.edStayBand(edMinutesToBed);
        if (band < 0) {
            return Double.NaN;
        }
        // Strictly inside the band: a band's upper end belongs to it (at most 4 h is band 0).
        return band == 0 ? 0 : OutcomeParameters.OtherEmergency.ED_STAY_BAND_HOURS[band - 1] * 60 + 1;
    }

    private static double round(double value, double step) {
        return Double.isNaN(value) ? Double.NaN : Math.round(value / step) * step;
    }

    /** The totals of every cell under {@code model}, each cell's outcome times its count. */
    public Totals evaluate(OutcomeModel model) {
        double[] deaths = new double[DeathTally.Group.values().length];
        double strokes = 0;
        double independent = 0;
        double mrsSum = 0;
        double utilitySum = 0;
        double[] mrs = new double[OutcomeModel.MRS];
        for (Map.Entry<OutcomeInput, long[]> e : counts.entrySet()) {
            OutcomeInput cell = e.getKey();
            double n = e.getValue()[0];
            Condition c = cell.condition();
            if (c.isStroke()) {
                model.strokeMrs(cell, mrs);
                deaths[DeathTally.Group.STROKE.ordinal()] += n * mrs[OutcomeModel.MRS - 1];
                strokes += n;
                independent += n * (mrs[0] + mrs[1] + mrs[2]);
                double mean = 0;
                for (int k = 1; k < OutcomeModel.MRS; k++) {
                    mean += k * mrs[k];
                }
                mrsSum += n * mean;
                utilitySum += n * model.utility(mrs);
            } else {
                deaths[DeathTally.Group.of(c).ordinal()] += n * model.probabilityOfDeath(cell);
            }
        }
        return new Totals(deaths, strokes, independent, mrsSum, utilitySum);
    }
}
