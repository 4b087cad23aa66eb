package org.acuteflow.model;

import org.acuteflow.demand.AliasTable;
import org.acuteflow.demand.ClassDemand;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.ems.EmsParameters;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.sim.ReplicationContext;
import umontreal.ssj.rng.RandomStream;

/**
 * Creates patients with everything random about them drawn at once, from streams that nothing else touches:
 * the attributes every patient has here, then the pathway's own ({@link Pathway.Run#create}).
 * The number of uniforms taken from each stream depends only on the patient's class (never on the
 * configuration or on what happens later), so every configuration sees the same patients with the same
 * on-scene times, stays and outcome draws: common random numbers.
 *
 * <p>Streams (substream r for replication r): {@code demand.<class>.zone}, {@code demand.casemix},
 * {@code demand.age}, {@code demand.self_present}, {@code demand.priority}, {@code demand.conveyance},
 * {@code demand.recognition}, {@code demand.eligibility}, {@code demand.onset_to_call},
 * {@code service.mobilisation}, {@code service.on_scene}, {@code service.handover}, {@code service.ed_stay},
 * {@code service.stroke_treatment}, {@code service.length_of_stay}, {@code service.transfer},
 * {@code outcome.draw}, {@code demand.trauma_triage} (the pathways draw from those after {@code service.ed_stay}).
 * Mutable (it owns stream positions); one per replication.
 */
public final class PatientFactory {
    private final DemandParameters demand;
    private final EmsParameters ems;
    private final HospitalParameters hospital;
    private final AliasTable[] zoneTables;
    private final RandomStream[] zoneStreams;
    // Per class (by index in Pathways.CLASSES): the first classes share one stream of each kind, later ones have
    // their own.
    private final RandomStream[] selfPresent;
    private final RandomStream[] priority;
    private final RandomStream[] conveyance;
    private final RandomStream[] mobilisation;
    private final RandomStream[] onScene;
    private final RandomStream[] handover;
    private final RandomStream[] edStay;
    private long nextId;

    public PatientFactory(FlowParameters params, AliasTable[] zoneTables, ReplicationContext context) {
        this.demand = params.demand();
        this.ems = params.ems();
        this.hospital = params.hospital();
        this.zoneTables = zoneTables;
        zoneStreams = new RandomStream[Pathways.CLASSES.size()];
        for (int k = 0; k < zoneStreams.length; k++) {
            zoneStreams[k] = context.stream("demand." + Pathways.CLASSES.get(k).key() + ".zone");
        }
        selfPresent = perClass(context, "demand.self_present");
        priority = perClass(context, "demand.priority");
        conveyance = perClass(context, "demand.conveyance");
        mobilisation = perClass(context, "service.mobilisation");
        onScene = perClass(context, "service.on_scene");
        handover = perClass(context, "service.handover");
        edStay = perClass(context, "service.ed_stay");
    }

    /** Stream {@code name} of each class ({@link DemandClass#streamName}): one object where classes share it. */
    private static RandomStream[] perClass(ReplicationContext context, String name) {
        RandomStream[] out = new RandomStream[Pathways.CLASSES.size()];
        for (int k = 0; k < out.length; k++) {
            // Streams are cached by name: classes sharing a name share one stream object.
            out[k] = context.stream(Pathways.CLASSES.get(k).streamName(name));
        }
        return out;
    }

    /** The arrival stream of class {@code c}: {@code demand.<class>.arrival}. */
    public static String arrivalStreamName(DemandClass c) {
        return "demand." + c.key() + ".arrival";
    }

    /**
     * A new patient of the demand class of index {@code classIndex} ({@link Pathways#CLASSES}) whose onset (or call, for classes without an onset delay) is now; its
     * pathway {@code run} draws the rest.
     */
    public Patient create(int classIndex, double onsetMinutes, boolean counted, Pathway.Run run) {
        DemandClass c = Pathways.CLASSES.get(classIndex);
        ClassDemand cd = demand.of(c);
        Patient p = new Patient();
        p.id = nextId++;
        p.demandClass = c;
        p.counted = counted;
        p.onsetMinutes = onsetMinutes;
        p.zone = zoneTables[classIndex].sample(zoneStreams[classIndex].nextDouble());
        int k = classIndex;
        p.selfPresenter = selfPresent[k].nextDouble() < cd.selfPresentShare();
        p.categoryA = priority[k].nextDouble() < cd.categoryAShare();
        p.conveyed = conveyance[k].nextDouble() < cd.conveyedShare();
        p.mobilisationUniform = mobilisation[k].nextDouble();
        p.onSceneUniform = onScene[k].nextDouble();
        p.handoverUniform = handover[k].nextDouble();
        p.edStayUniform = edStay[k].nextDouble();
        run.create(p, c, onsetMinutes);
        return p;
    }

    /** Call to wheels rolling: the mobilisation distribution at the patient's uniform. */
    public double mobilisationMinutes(Patient p) {
        return ems.mobilisationMinutes().inverse(p.mobilisationUniform);
    }

    /** Minutes at scene, from the patient's class's distribution. */
    public double onSceneMinutes(Patient p) {
        return ems.onSceneMinutes(p.demandClass).inverse(p.onSceneUniform);
    }

    /** Arrival at hospital to the crew clearing. */
    public double handoverMinutes(Patient p) {
        return ems.handoverMinutes().inverse(p.handoverUniform);
    }

    /** Door to leaving the emergency department. */
    public double edStayMinutes(Patient p) {
        return hospital.edStayMinutes().inverse(p.edStayUniform);
    }
}
