package org.acuteflow.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.Patient;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metric;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.outcome.OutcomeInput;
import umontreal.ssj.rng.RandomStream;

/**
 * A clinical pathway as a plug-in of the stage engine: its demand classes and case mix, its destination rule, its
 * in-hospital stages from the door onward, its outcome input and its declared metrics. The engine runs the
 * stages every patient shares (call, dispatch, response, scene, conveyance, handover, a secondary transfer) and
 * hands each decision to the patient's pathway. A pathway is registered by {@link #key} in the model's one
 * registry ({@code model/Pathways}).
 *
 * <p>Three levels, so that immutable work is done once: the pathway (stateless), its {@link Scenario} (immutable,
 * per scenario: destination rules built on the scenario's network and protocol, shared by threads) and its
 * {@link Run} (mutable, per replication: beds, queues, streams).
 */
public interface Pathway {

    /** The key of the pathway: the {@code pathway} of its metrics, the key of its parameter maps. */
    String key();

    /** The demand classes whose patients follow this pathway. */
    List<DemandClass> demandClasses();

    /** The metrics this pathway declares ({@code metrics/Metrics} entries whose pathway is this key). */
    default List<Metric> metrics() {
        return Metrics.METRICS.stream().filter(m -> m.pathway().equals(key())).toList();
    }

    /**
     * Binds and validates the pathway's own section of the model parameters, {@code parameters.<key>}, adding
     * every problem to {@code problems}; the result reaches {@link #prepare} through
     * {@link ScenarioInputs#parametersOf}. Null for a pathway whose parameters are all in the common sections.
     */
    default Object bindParameters(JsonNode section, SourceMap sources, Problems problems) {
        return null;
    }

    /**
     * The destination rules a configuration may name for this pathway in its {@code routing} block, under the
     * pathway's key ({@code routing: {stemi: nearest_ae}}); the model rejects any other key or rule. Empty for a
     * pathway with no such rule (stroke and trauma keep the protocol's own fields, {@code routing.stroke} and
     * {@code routing.trauma}).
     */
    default java.util.Set<String> routingRules() {
        return java.util.Set.of();
    }

    /** The pathway on one scenario's network, protocol and parameters. */
    Scenario prepare(ScenarioInputs inputs);

    /** A pathway on one scenario: immutable and thread-safe. */
    interface Scenario {
        /**
         * The pathway's state in one replication.
         *
         * @param hospitals the engine's services to the pathway's stages
         * @param streams   the replication's named random streams
         */
        Run start(Hospitals hospitals, Function<String, RandomStream> streams);

        /**
         * This scenario with {@code sets} coefficient sets of the pathway's own outcome sub-model, for
         * probabilistic sensitivity analysis, drawn from {@code stream} (the pathway's own stream of the
         * experiment's seed: the same uniforms in every scenario, so set k is paired across scenarios, and the
         * central model's sets stay as they were). Its runs then write, for each outcome metric of their own, the
         * series {@code psa.<metric>} (one value per set, on the replication's journeys), which the PSA outputs
         * summarise with the others. By default the pathway has no outcome sub-model of its own: no sets.
         */
        default Scenario withPsaDraws(int sets, RandomStream stream) {
            return this;
        }

        /**
         * This scenario with the one-at-a-time sensitivity of the pathway's own outcome sub-model: each of its
         * uncertain coefficients at the 2.5th and 97.5th percentiles of its distribution, the others central. Its
         * runs then write {@code sensitivity.<coefficient>.<level>.<metric>} for their own death metric, on the
         * same journeys. By default the pathway has no outcome sub-model of its own: nothing.
         */
        default Scenario withSensitivity() {
            return this;
        }
    }

    /** A pathway in one replication: mutable, confined to the replication's thread. */
    interface Run {
        /**
         * Draws the pathway's part of a new patient of class {@code c}, after the attributes every patient draws
         * (zone, self-presentation, priority, conveyance, service-time uniforms). Must take the same number of
         * uniforms from each stream whatever the configuration (common random numbers), and sets the call time.
         */
        void create(Patient p, DemandClass c, double onsetMinutes);

        /**
         * The site a conveyed patient leaving scene at {@code now} is taken to (the pathway's
         * {@link DestinationPolicy}).
         */
        int destination(Patient p, double now);

        /** The site a patient at {@code site} is transferred on to ({@link Journey#transferAfter}). */
        default int transferFrom(Patient p, int site) {
            return -1;
        }

        /**
         * The patient is at the door of its first site at {@code now} (door time, first site and handover already
         * recorded): the pathway's in-hospital stages start. The pathway must {@link Journey#finish} the journey
         * once its record is complete (now or at a later step).
         */
        void door(Journey j, double now);

        /** A step the pathway scheduled with {@link Journey#next} is due. */
        default void step(Journey j, int step, double now) {
            throw new IllegalStateException("pathway has no step " + step);
        }

        /** The patient left the emergency department ({@link Journey#leaveEmergencyDepartmentAfter}, then). */
        default void afterEmergencyDepartment(Journey j, double now) {
        }

        /** The patient arrived at the transfer site (transfer times already recorded); the engine finishes it. */
        default void transferArrived(Patient p) {
        }

        /** The journey as the outcome model reads it; {@code distanceKm} is zone to first site by road. */
        default OutcomeInput outcomeInput(Patient p, double distanceKm) {
            return Journey.commonOutcomeInput(p, false, Double.NaN, Double.NaN, 0, distanceKm);
        }

        /**
         * The outcome sub-model hook: the patient's probability of death. By default the scenario's central outcome
         * model ({@code outcome/OutcomeModel}: stroke, major trauma, other emergencies), whose sensitivity variants,
         * probabilistic sensitivity analysis and death tallies then include the patient. A pathway with its own
         * sub-model returns its own probability and {@link #usesCentralOutcomeModel} false, and reports its deaths
         * with its own metrics ({@link #write}).
         */
        default double probabilityOfDeath(OutcomeInput input, ToDoubleFunction<OutcomeInput> central) {
            return central.applyAsDouble(input);
        }

        /** True when {@link #probabilityOfDeath} is the central outcome model's (see there). */
        default boolean usesCentralOutcomeModel() {
            return true;
        }

        /** A counted patient of this pathway whose record is complete (outcome evaluated): add it to own tallies. */
        default void record(Patient p) {
        }

        /**
         * Writes this pathway's own metrics, after the engine's (so that the order of the existing outputs stays as it
         * is); {@code years} is the simulated time the counts cover. Each metric written must be declared in
         * {@code metrics/Metrics} with this pathway's key.
         */
        default void write(ReplicationResult result, double years) {
        }
    }
}
