package org.acuteflow.outcome;

import java.util.List;
import java.util.Objects;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import umontreal.ssj.rng.RandomStream;

/**
 * Turns a patient's simulated journey into outcomes. See {@code docs/outcome-model.md} for formulas and sources.
 *
 * <ul>
 * <li>Stroke (90 days): a full modified Rankin Scale distribution (mRS 0-6). Death (mRS 6) on the logit scale:
 * reference mortality by type and age, organised care by the share of the stay spent in it, weekend admission,
 * and the net mortality effect of thrombolysis and thrombectomy (no time dependence). Survivors' mRS 0-5 by
 * proportional odds: each effect shifts the survivors' cumulative log-odds so that the effect's own published
 * outcome (mRS 0-1 for reperfusion, death or dependency for organised care) moves by its odds ratio.</li>
 * <li>Major trauma (in hospital): reference mortality by age band, definitive care at a major trauma centre,
 * call-to-definitive-care delay.</li>
 * <li>Medical and surgical emergencies and stroke mimics (30 days): the distance effect only on the
 * life-threatening share of those conveyed by ambulance; weekend admission with no consultant on site; for
 * medical and surgical emergencies admitted through the emergency department, the time from arrival to a bed.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: one instance may serve every replication at once.
 */
public final class OutcomeModel {
    /** mRS levels 0-6. */
    public static final int MRS = OutcomeParameters.MRS_LEVELS;
    /** Survivors' cumulative probabilities are kept inside (EPS, 1 - EPS) so their logits stay finite. */
    private static final double EPS = 1e-12;

    private final OutcomeParameters parameters;
    private final double lnOrganisedDeath;
    private final double lnOrganisedDeathOrDependency;
    private final double lnStrokeWeekend;
    private final double lnIvtMortality;
    private final double lnMtMortality;
    /** Survivors' cumulative logits, logit P(mRS &lt;= k | alive) for k = 0..4: [stroke kind][age band][k]. */
    private final double[][][] survivorLogits = new double[3][2][MRS - 2];
    private final double[] utility = new double[MRS];
    private final double lnMtc;
    private final double lnTraumaDelayPerMinute;
    private final double lnPerStraightLineKm;
    private final double lnEmergencyWeekend;

    /** A patient's probability of death and whether the patient's draw made it a death. */
    public record PatientOutcome(double probabilityOfDeath, boolean died) {
    }

    public OutcomeModel(OutcomeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        OutcomeParameters.Stroke s = parameters.stroke();
        lnOrganisedDeath = Math.log(s.organisedCare().deathOddsRatio());
        lnOrganisedDeathOrDependency = Math.log(s.organisedCare().deathOrDependencyOddsRatio());
        lnStrokeWeekend = Math.log(s.weekendAdmissionOddsRatio());
        lnIvtMortality = Math.log(s.thrombolysis().mortalityOddsRatio());
        lnMtMortality = Math.log(s.thrombectomy().mortalityOddsRatio());
        OutcomeParameters.SurvivorMrs m = s.survivorMrs90d();
        List<List<Double>> kinds = List.of(m.nlvo(), m.lvo(), m.haemorrhagic());
        double lnAge = Math.log(s.aged80PlusSurvivorOddsRatio());
        for (int kind = 0; kind < 3; kind++) {
            List<Double> shares = kinds.get(kind);
            double total = 0;
            for (double x : shares) {
                total += x;
            }
            double cumulative = 0;
            for (int k = 0; k < MRS - 2; k++) {
                cumulative += shares.get(k) / total;
                double logit = logit(clamp(cumulative));
                survivorLogits[kind][AgeBand.UNDER_80.ordinal()][k] = logit;
                // Older survivors: worse mRS by proportional odds (lower odds of mRS <= k at every k).
                survivorLogits[kind][AgeBand.AGED_80_PLUS.ordinal()][k] = logit - lnAge;
            }
        }
        double[] u = s.utilityByMrs().values();
        System.arraycopy(u, 0, utility, 0, MRS);
        OutcomeParameters.MajorTrauma t = parameters.majorTrauma();
        lnMtc = Math.log(t.mtcOddsRatio());
        lnTraumaDelayPerMinute = Math.log(t.delayOddsRatioPer10Minutes()) / 10;
        OutcomeParameters.OtherEmergency e = parameters.otherEmergency();
        lnPerStraightLineKm = Math.log(e.distanceOddsRatioPerStraightLineKm());
        lnEmergencyWeekend = Math.log(e.weekendConsultantAbsentOddsRatio());
    }

    public OutcomeParameters parameters() {
        return parameters;
    }

    /** Probability of death (stroke: 90 days; trauma: in hospital; other emergencies and mimics: 30 days). */
    public double probabilityOfDeath(OutcomeInput patient) {
        Condition condition = Objects.requireNonNull(patient.condition(), "condition");
        if (condition.isStroke()) {
            return logistic(strokeDeathLogOdds(patient));
        }
        if (Condition.MAJOR_TRAUMA.equals(condition)) {
            return logistic(traumaLogOdds(patient));
        }
        if (isOtherEmergency(condition)) {
            return emergencyProbability(patient);
        }
        throw new IllegalArgumentException("no outcome sub-model here for condition " + condition
                + " (its pathway evaluates it)");
    }

    /** Medical and surgical emergencies and stroke mimics: the 30-day emergency sub-model. */
    static boolean isOtherEmergency(Condition c) {
        return Condition.MEDICAL_EMERGENCY.equals(c) || Condition.SURGICAL_EMERGENCY.equals(c)
                || Condition.STROKE_MIMIC.equals(c);
    }

    /**
     * The stroke's 90-day mRS distribution: {@code out[k]} = P(mRS = k), k = 0..6, summing to 1.
     *
     * @throws IllegalArgumentException if the patient is not an ischaemic or haemorrhagic stroke
     */
    public void strokeMrs(OutcomeInput patient, double[] out) {
        Condition c = Objects.requireNonNull(patient.condition(), "condition");
        if (!c.isStroke()) {
            throw new IllegalArgumentException(c + " is not a stroke");
        }
        OutcomeParameters.Stroke s = parameters.stroke();
        double d0 = s.baselineMortality90d().of(c, Objects.requireNonNull(patient.ageBand(), "ageBand"));
        double share = organisedShare(patient);
        double death = logistic(strokeDeathLogOdds(patient));
        double[] g0 = survivorLogits[kind(patient)][patient.ageBand().ordinal()];
        double shift = 0;
        if (share > 0 && d0 < 1) {
            // Death or dependency (mRS 3-6) moves by the SUTC odds ratio; the survivors' shift is what remains
            // once the organised-care effect on death is counted.
            double deathOrganised = logistic(logit(d0) + share * lnOrganisedDeath);
            double dependentOrDead = 1 - (1 - d0) * logistic(g0[2]);
            double target = logistic(logit(dependentOrDead) + share * lnOrganisedDeathOrDependency);
            shift += logit(clamp((1 - target) / (1 - deathOrganised))) - g0[2];
        }
        if (c == Condition.STROKE_ISCHAEMIC && d0 < 1) {
            double ivt = goodOutcomeShift(d0, g0, s.thrombolysis().goodOutcomeLogOddsRatio(
                    patient.onsetToNeedleMinutes()));
            double mt = patient.largeVesselOcclusion() ? goodOutcomeShift(d0, g0,
                    s.thrombectomy().goodOutcomeLogOddsRatio(patient.onsetToPunctureMinutes())) : 0;
            // Bridging (both): the more favourable of the two benefits, not their sum (Holodinsky-style models).
            shift += Math.max(ivt, mt);
        }
        double alive = 1 - death;
        double previous = 0;
        for (int k = 0; k < MRS - 2; k++) {
            double cumulative = logistic(g0[k] + shift);
            out[k] = alive * (cumulative - previous);
            previous = cumulative;
        }
        out[MRS - 2] = alive * (1 - previous);
        out[MRS - 1] = death;
    }

    /** Expected utility of a 90-day mRS distribution. */
    public double utility(double[] mrs) {
        double u = 0;
        for (int k = 0; k < MRS; k++) {
            u += utility[k] * mrs[k];
        }
        return u;
    }

    /**
     * The survivors' cumulative log-odds shift that moves P(mRS 0-1) by {@code lnOddsRatio} with deaths held at
     * the reference {@code d0}: the trials' good-outcome odds ratios are over all patients, dead or alive.
     */
    private static double goodOutcomeShift(double d0, double[] g0, double lnOddsRatio) {
        if (lnOddsRatio == 0) {
            return 0;
        }
        double good = (1 - d0) * logistic(g0[1]);
        double target = logistic(logit(good) + lnOddsRatio);
        return logit(clamp(target / (1 - d0))) - g0[1];
    }

    private static int kind(OutcomeInput patient) {
        if (patient.condition() == Condition.STROKE_HAEMORRHAGIC) {
            return 2;
        }
        return patient.largeVesselOcclusion() ? 1 : 0;
    }

    private static double organisedShare(OutcomeInput patient) {
        double share = patient.organisedCareShare();
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("organised care share must be in [0, 1], got " + share);
        }
        return share;
    }

    private double strokeDeathLogOdds(OutcomeInput patient) {
        OutcomeParameters.Stroke s = parameters.stroke();
        double x = logit(s.baselineMortality90d().of(patient.condition(),
                Objects.requireNonNull(patient.ageBand(), "ageBand")));
        x += organisedShare(patient) * lnOrganisedDeath;
        if (patient.weekendAdmission()) {
            x += lnStrokeWeekend;
        }
        if (patient.condition() == Condition.STROKE_ISCHAEMIC) {
            if (treated(patient.onsetToNeedleMinutes())) {
                x += lnIvtMortality;
            }
            if (patient.largeVesselOcclusion() && treated(patient.onsetToPunctureMinutes())) {
                x += lnMtMortality;
            }
        }
        return x;
    }

    private static boolean treated(double onsetToTreatmentMinutes) {
        if (Double.isNaN(onsetToTreatmentMinutes)) {
            return false;
        }
        if (onsetToTreatmentMinutes < 0) {
            throw new IllegalArgumentException("onset-to-treatment must be >= 0 minutes, got " + onsetToTreatmentMinutes);
        }
        return true;
    }

    /** Expected excess symptomatic intracranial haemorrhages of this patient caused by reperfusion. */
    public double symptomaticIchExcess(OutcomeInput patient) {
        if (patient.condition() != Condition.STROKE_ISCHAEMIC) {
            return 0;
        }
        OutcomeParameters.Stroke s = parameters.stroke();
        double x = treated(patient.onsetToNeedleMinutes()) ? s.thrombolysis().symptomaticIchExcess() : 0;
        if (patient.largeVesselOcclusion() && treated(patient.onsetToPunctureMinutes())) {
            x = Math.max(x, s.thrombectomy().symptomaticIchExcess());
        }
        return x;
    }

    private double traumaLogOdds(OutcomeInput patient) {
        OutcomeParameters.MajorTrauma t = parameters.majorTrauma();
        double delay = patient.callToDefinitiveCareMinutes();
        if (!(delay >= 0) || Double.isInfinite(delay)) {
            throw new IllegalArgumentException("major trauma needs a finite call-to-definitive-care time >= 0, got "
                    + delay);
        }
        double x = logit(t.baselineMortality().of(Objects.requireNonNull(patient.ageBand(), "ageBand")));
        if (Objects.requireNonNull(patient.careLevel(), "careLevel") == CareLevel.MTC) {
            x += lnMtc;
        }
        return x + lnTraumaDelayPerMinute * (delay - t.referenceCallToDefinitiveCareMinutes());
    }

    /**
     * Nicholl's distance effect was measured on life-threatening emergencies taken by ambulance: it applies to that
     * share of ambulance patients only, as an expected value over the two groups.
     */
    private double emergencyProbability(OutcomeInput patient) {
        OutcomeParameters.OtherEmergency e = parameters.otherEmergency();
        double x = logit(e.baselineMortality30d().of(patient.condition()));
        if (patient.weekendAdmission() && !patient.specialistOnSiteAtArrival()) {
            x += lnEmergencyWeekend;
        }
        double p = logistic(x);
        if (!patient.ambulanceConveyed()) {
            return edStay(p, patient, e);
        }
        double roadKm = patient.distanceKm();
        if (!(roadKm >= 0) || Double.isInfinite(roadKm)) {
            throw new IllegalArgumentException(patient.condition() + " needs a finite distance >= 0 km, got " + roadKm);
        }
        double straightLineKm = roadKm / e.roadKmPerStraightLineKm();
        double pFar = logistic(x + lnPerStraightLineKm * (straightLineKm - e.referenceStraightLineKm()));
        double share = e.lifeThreateningShare();
        return edStay(p, patient, e) * (1 - share) + edStay(pFar, patient, e) * share;
    }

    /**
     * Jones et al. (EMJ 2022) measured 30-day death of patients admitted from type-1 emergency departments by
     * their time from arrival to an inpatient bed: a risk ratio on the probability, for medical and surgical
     * emergencies whose time to a bed is known (not stroke mimics, who are admitted by the stroke pathway).
     */
    private static double edStay(double p, OutcomeInput patient, OutcomeParameters.OtherEmergency e) {
        if (patient.condition() == Condition.STROKE_MIMIC) {
            return p;
        }
        return Math.min(1, p * e.edStayRiskRatio(patient.edMinutesToBed()));
    }

    /** Evaluates the patient and draws the death from exactly one uniform of {@code stream}. */
    public PatientOutcome outcome(OutcomeInput patient, RandomStream stream) {
        double p = probabilityOfDeath(patient);
        return new PatientOutcome(p, sampleDeath(p, stream));
    }

    /**
     * A Bernoulli(p) draw consuming exactly one uniform from {@code stream}. The death is {@code u < p}, so with
     * common random numbers a higher probability can only turn a survival into a death, never the reverse, and
     * paired differences between scenarios keep a small variance.
     */
    public static boolean sampleDeath(double p, RandomStream stream) {
        return sampleDeath(p, stream.nextDouble());
    }

    /** The death decided by a uniform drawn elsewhere (for example when the patient was created). */
    public static boolean sampleDeath(double p, double uniform) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability of death must be in [0, 1], got " + p);
        }
        if (!(uniform >= 0 && uniform < 1)) {
            throw new IllegalArgumentException("uniform must be in [0, 1), got " + uniform);
        }
        return uniform < p;
    }

    /** ln(p / (1 - p)); infinite at 0 and 1, so those probabilities stay fixed whatever the odds ratios. */
    public static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    public static double logistic(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double clamp(double p) {
        return Math.min(1 - EPS, Math.max(EPS, p));
    }
}
