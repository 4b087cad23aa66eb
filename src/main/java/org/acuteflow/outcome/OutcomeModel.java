package org.acuteflow.outcome;

import java.util.Objects;
import org.acuteflow.demand.Condition;
import umontreal.ssj.rng.RandomStream;

/**
 * Turns a patient's simulated journey into a probability of death, on the logit scale:
 * {@code p = logistic(logit(p0) + sum of ln(OR))}, where {@code p0} is the reference mortality of the patient's
 * condition (and, for strokes, type and age band) and each odds ratio is an effect of the journey. See
 * {@code docs/outcome-model.md} for formulas and sources.
 *
 * <ul>
 * <li>Stroke (90 days): organised care (HASU or stroke unit), no specialist on site at arrival, and the more
 * favourable of thrombolysis and thrombectomy, each declining linearly in log-odds to no effect.</li>
 * <li>Major trauma (in hospital): definitive care at a major trauma centre, call-to-definitive-care delay.</li>
 * <li>Medical and surgical emergencies and stroke mimics (30 days): straight-line distance to the first
 * hospital, no consultant on site at arrival. Mimics never die of stroke: they carry the emergency risk.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: one instance may serve every replication at once.
 */
public final class OutcomeModel {
    private final OutcomeParameters parameters;
    private final double lnOrganisedCare;
    private final double lnStrokeNoSpecialist;
    private final double lnMtc;
    private final double lnTraumaDelayPerMinute;
    private final double lnPerStraightLineKm;
    private final double lnEmergencyNoSpecialist;

    /** A patient's probability of death and whether the patient's draw made it a death. */
    public record PatientOutcome(double probabilityOfDeath, boolean died) {
    }

    public OutcomeModel(OutcomeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        OutcomeParameters.Stroke s = parameters.stroke();
        lnOrganisedCare = Math.log(s.organisedCareOddsRatio());
        lnStrokeNoSpecialist = Math.log(s.noSpecialistOnSiteOddsRatio());
        OutcomeParameters.MajorTrauma t = parameters.majorTrauma();
        lnMtc = Math.log(t.mtcOddsRatio());
        lnTraumaDelayPerMinute = Math.log(t.delayOddsRatioPer10Minutes()) / 10;
        OutcomeParameters.OtherEmergency e = parameters.otherEmergency();
        lnPerStraightLineKm = Math.log(e.distanceOddsRatioPerStraightLineKm());
        lnEmergencyNoSpecialist = Math.log(e.noSpecialistOnSiteOddsRatio());
    }

    public OutcomeParameters parameters() {
        return parameters;
    }

    /** Probability of death (stroke: 90 days; trauma: in hospital; other emergencies and mimics: 30 days). */
    public double probabilityOfDeath(OutcomeInput patient) {
        return logistic(logOddsOfDeath(patient));
    }

    /**
     * The log-odds of death, {@code logit(p0) + sum of ln(OR)}; minus infinity when {@code p0 = 0}, plus infinity
     * when {@code p0 = 1}.
     *
     * @throws IllegalArgumentException if a time or distance the condition needs is missing or negative
     */
    public double logOddsOfDeath(OutcomeInput patient) {
        Condition condition = Objects.requireNonNull(patient.condition(), "condition");
        return switch (condition) {
            case STROKE_ISCHAEMIC, STROKE_HAEMORRHAGIC -> strokeLogOdds(patient);
            case MAJOR_TRAUMA -> traumaLogOdds(patient);
            case MEDICAL_EMERGENCY, SURGICAL_EMERGENCY, STROKE_MIMIC -> emergencyLogOdds(patient);
        };
    }

    private double strokeLogOdds(OutcomeInput patient) {
        OutcomeParameters.Stroke s = parameters.stroke();
        double x = logit(s.baselineMortality90d().of(patient.condition(),
                Objects.requireNonNull(patient.ageBand(), "ageBand")));
        CareLevel care = Objects.requireNonNull(patient.careLevel(), "careLevel");
        if (care == CareLevel.HASU || care == CareLevel.STROKE_UNIT) {
            x += lnOrganisedCare;
        }
        if (!patient.specialistOnSiteAtArrival()) {
            x += lnStrokeNoSpecialist;
        }
        if (patient.condition() == Condition.STROKE_ISCHAEMIC) {
            x += reperfusionLogOddsRatio(patient);
        }
        return x;
    }

    /**
     * Thrombolysis and thrombectomy are not additive: a patient given both (bridging) gets the more favourable of
     * the two effects, as the Holodinsky-style outcome models do. Thrombectomy counts only for a large-vessel
     * occlusion, the only clot it can retrieve. Haemorrhagic strokes are never credited with reperfusion.
     */
    double reperfusionLogOddsRatio(OutcomeInput patient) {
        OutcomeParameters.Stroke s = parameters.stroke();
        double ivt = s.thrombolysis().logOddsRatio(patient.onsetToNeedleMinutes());
        double mt = patient.largeVesselOcclusion()
                ? s.thrombectomy().logOddsRatio(patient.onsetToPunctureMinutes()) : 0;
        return Math.min(ivt, mt);
    }

    private double traumaLogOdds(OutcomeInput patient) {
        OutcomeParameters.MajorTrauma t = parameters.majorTrauma();
        double delay = patient.callToDefinitiveCareMinutes();
        if (!(delay >= 0) || Double.isInfinite(delay)) {
            throw new IllegalArgumentException("major trauma needs a finite call-to-definitive-care time >= 0, got "
                    + delay);
        }
        double x = logit(t.baselineMortalityInHospital());
        if (Objects.requireNonNull(patient.careLevel(), "careLevel") == CareLevel.MTC) {
            x += lnMtc;
        }
        return x + lnTraumaDelayPerMinute * (delay - t.referenceCallToDefinitiveCareMinutes());
    }

    private double emergencyLogOdds(OutcomeInput patient) {
        OutcomeParameters.OtherEmergency e = parameters.otherEmergency();
        double roadKm = patient.distanceKm();
        if (!(roadKm >= 0) || Double.isInfinite(roadKm)) {
            throw new IllegalArgumentException(patient.condition() + " needs a finite distance >= 0 km, got " + roadKm);
        }
        double straightLineKm = roadKm / e.roadKmPerStraightLineKm();
        double x = logit(e.baselineMortality30d().of(patient.condition()))
                + lnPerStraightLineKm * (straightLineKm - e.referenceStraightLineKm());
        if (!patient.specialistOnSiteAtArrival()) {
            x += lnEmergencyNoSpecialist;
        }
        return x;
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
}
