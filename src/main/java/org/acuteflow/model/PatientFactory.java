package org.acuteflow.model;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.AliasTable;
import org.acuteflow.demand.ClassDemand;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.StrokeCaseMix;
import org.acuteflow.ems.EmsParameters;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.sim.ReplicationContext;
import umontreal.ssj.rng.RandomStream;

/**
 * Creates patients with everything random about them drawn at once, from streams that nothing else touches.
 * The number of uniforms taken from each stream depends only on the patient's class (never on the
 * configuration or on what happens later), so every configuration sees the same patients with the same
 * on-scene times, stays and outcome draws: common random numbers.
 *
 * <p>Streams (substream r for replication r): {@code demand.<class>.zone}, {@code demand.casemix},
 * {@code demand.age}, {@code demand.self_present}, {@code demand.priority}, {@code demand.conveyance},
 * {@code demand.recognition}, {@code demand.eligibility}, {@code demand.onset_to_call},
 * {@code service.mobilisation}, {@code service.on_scene}, {@code service.handover}, {@code service.ed_stay},
 * {@code service.stroke_treatment}, {@code service.length_of_stay}, {@code service.transfer},
 * {@code outcome.draw}, {@code demand.trauma_triage}. Mutable (it owns stream positions); one per replication.
 */
public final class PatientFactory {
    private final DemandParameters demand;
    private final EmsParameters ems;
    private final HospitalParameters hospital;
    private final AliasTable[] zoneTables;
    private final RandomStream[] zoneStreams;
    private final RandomStream casemix;
    private final RandomStream age;
    private final RandomStream selfPresent;
    private final RandomStream priority;
    private final RandomStream conveyance;
    private final RandomStream recognition;
    private final RandomStream eligibility;
    private final RandomStream onsetToCall;
    private final RandomStream mobilisation;
    private final RandomStream onScene;
    private final RandomStream handover;
    private final RandomStream edStay;
    private final RandomStream strokeTreatment;
    private final RandomStream lengthOfStay;
    private final RandomStream transfer;
    private final RandomStream outcome;
    private final RandomStream traumaTriage;
    private long nextId;

    public PatientFactory(FlowParameters params, AliasTable[] zoneTables, ReplicationContext context) {
        this.demand = params.demand();
        this.ems = params.ems();
        this.hospital = params.hospital();
        this.zoneTables = zoneTables;
        zoneStreams = new RandomStream[DemandClass.values().length];
        for (DemandClass c : DemandClass.values()) {
            zoneStreams[c.ordinal()] = context.stream("demand." + c.key() + ".zone");
        }
        casemix = context.stream("demand.casemix");
        age = context.stream("demand.age");
        selfPresent = context.stream("demand.self_present");
        priority = context.stream("demand.priority");
        conveyance = context.stream("demand.conveyance");
        recognition = context.stream("demand.recognition");
        eligibility = context.stream("demand.eligibility");
        onsetToCall = context.stream("demand.onset_to_call");
        mobilisation = context.stream("service.mobilisation");
        onScene = context.stream("service.on_scene");
        handover = context.stream("service.handover");
        edStay = context.stream("service.ed_stay");
        strokeTreatment = context.stream("service.stroke_treatment");
        lengthOfStay = context.stream("service.length_of_stay");
        transfer = context.stream("service.transfer");
        outcome = context.stream("outcome.draw");
        traumaTriage = context.stream("demand.trauma_triage");
    }

    /** The arrival stream of class {@code c}: {@code demand.<class>.arrival}. */
    public static String arrivalStreamName(DemandClass c) {
        return "demand." + c.key() + ".arrival";
    }

    /** A new patient of class {@code c} whose onset (or call, for classes without an onset delay) is now. */
    public Patient create(DemandClass c, double onsetMinutes, boolean counted) {
        ClassDemand cd = demand.classes().get(c);
        Patient p = new Patient();
        p.id = nextId++;
        p.demandClass = c;
        p.counted = counted;
        p.onsetMinutes = onsetMinutes;
        p.zone = zoneTables[c.ordinal()].sample(zoneStreams[c.ordinal()].nextDouble());
        p.selfPresenter = selfPresent.nextDouble() < cd.selfPresentShare();
        p.categoryA = priority.nextDouble() < cd.categoryAShare();
        p.conveyed = conveyance.nextDouble() < cd.conveyedShare();
        p.mobilisationUniform = mobilisation.nextDouble();
        p.onSceneUniform = onScene.nextDouble();
        p.handoverUniform = handover.nextDouble();
        p.edStayUniform = edStay.nextDouble();
        if (c == DemandClass.OTHER_INCIDENT) {
            p.callMinutes = onsetMinutes;
            return p;
        }
        p.ageBand = age.nextDouble() < cd.aged80PlusShare() ? AgeBand.AGED_80_PLUS : AgeBand.UNDER_80;
        p.outcomeUniform = outcome.nextDouble();
        if (c == DemandClass.STROKE) {
            drawStroke(p);
        } else {
            p.condition = c.fixedCondition();
            p.callMinutes = onsetMinutes;
        }
        if (c == DemandClass.MAJOR_TRAUMA) {
            p.transferDelayMinutes = hospital.traumaTransferDelayMinutes().sample(transfer);
            p.traumaUnderTriaged = traumaTriage.nextDouble() < demand.trauma().underTriage(p.ageBand);
        }
        return p;
    }

    /** Call to wheels rolling: the mobilisation distribution at the patient's uniform. */
    public double mobilisationMinutes(Patient p) {
        return ems.mobilisationMinutes().inverse(p.mobilisationUniform);
    }

    /** Minutes at scene, from the patient's class's distribution. */
    public double onSceneMinutes(Patient p) {
        return ems.onSceneMinutes().get(p.demandClass).inverse(p.onSceneUniform);
    }

    /** Arrival at hospital to the crew clearing. */
    public double handoverMinutes(Patient p) {
        return ems.handoverMinutes().inverse(p.handoverUniform);
    }

    /** Door to leaving the emergency department. */
    public double edStayMinutes(Patient p) {
        return hospital.edStayMinutes().inverse(p.edStayUniform);
    }

    private void drawStroke(Patient p) {
        StrokeCaseMix mix = demand.stroke();
        double u = casemix.nextDouble();
        if (u < mix.mimicShare()) {
            p.condition = Condition.STROKE_MIMIC;
        } else {
            double v = (u - mix.mimicShare()) / (1 - mix.mimicShare());
            p.condition = v < mix.ischaemicShare() ? Condition.STROKE_ISCHAEMIC : Condition.STROKE_HAEMORRHAGIC;
        }
        p.recognisedAsStroke = recognition.nextDouble() < mix.recognitionProbability();
        boolean ischaemic = p.condition == Condition.STROKE_ISCHAEMIC;
        double uKnown = eligibility.nextDouble();
        double uEligible = eligibility.nextDouble();
        double uLvo = eligibility.nextDouble();
        p.onsetKnown = uKnown < mix.onsetKnownShare();
        p.eligibleForThrombolysis = ischaemic && uEligible < mix.eligibleShare();
        p.largeVesselOcclusion = ischaemic && uLvo < mix.largeVesselOcclusionShare();
        double delay = (p.condition == Condition.STROKE_MIMIC ? mix.mimicOnsetToCallMinutes()
                : mix.onsetToCallMinutes()).sample(onsetToCall);
        p.callMinutes = p.onsetMinutes + delay;
        p.doorToScanUniform = strokeTreatment.nextDouble();
        p.scanToNeedleUniform = strokeTreatment.nextDouble();
        p.doorToPunctureMinutes = hospital.doorToPunctureMinutes().sample(strokeTreatment);
        p.hasuStayMinutes = hospital.hasuStayMinutes().sample(lengthOfStay);
        p.strokeUnitAfterHasu = lengthOfStay.nextDouble() < hospital.strokeUnitAfterHasuShare();
        p.strokeUnitStayMinutes = hospital.strokeUnitStayMinutes().sample(lengthOfStay);
        p.mimicStayMinutes = hospital.mimicStayMinutes().sample(lengthOfStay);
    }
}
