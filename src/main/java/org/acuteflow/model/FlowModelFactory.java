package org.acuteflow.model;

import java.util.ArrayList;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.Problems;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkEditor;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.acuteflow.sim.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Prepares the patient-flow model for each scenario: loads the network with the scenario's configuration,
 * binds and validates the {@code demand}, {@code ems}, {@code hospital} and {@code outcome} parameters, and
 * precomputes per-zone site and station orders. Stateless and thread-safe.
 */
public final class FlowModelFactory implements ModelFactory {
    @Override
    public ScenarioModel prepare(Experiment experiment, ScenarioSpec scenario) {
        Network configured = NetworkLoader.load(experiment.networkDir(), scenario.configuration());
        Problems edits = scenario.sources().problems();
        Network network = NetworkEditor.apply(configured, scenario.edits(), edits, "scenarios[" + scenario.index() + "]");
        edits.throwIfAny();
        FlowParameters params = FlowParameters.from(scenario.parameters(), scenario.sources());
        OutcomeParameters outcomeParameters =
                OutcomeParameters.from(scenario.parameters().get("outcome"), scenario.sources());
        OutcomeModel outcome = new OutcomeModel(outcomeParameters);
        List<OutcomeVariant> variants = new ArrayList<>();
        if (experiment.wants("sensitivity")) {
            for (OutcomeParameters.SensitivityRange range : outcomeParameters.sensitivity()) {
                for (OutcomeParameters.Level level : OutcomeParameters.Level.values()) {
                    OutcomeModel variant = new OutcomeModel(outcomeParameters.sensitivityCase(range.path(), level));
                    variants.add(new OutcomeVariant(range.path() + "." + OutcomeParameters.levelName(level),
                            variant::probabilityOfDeath));
                }
            }
        }
        try {
            return new FlowModel(network, params, Outcomes.of(outcome, variants,
                    psaDraws(experiment, outcomeParameters)));
        } catch (IllegalArgumentException e) {
            Problems problems = scenario.sources().problems();
            problems.add("parameters.demand", e.getMessage());
            problems.throwIfAny();
            throw e;
        }
    }

    /** Named stream of the PSA coefficient sets: one set of draws per experiment seed, shared by every scenario. */
    public static final String PSA_STREAM = "outcome.psa";

    /**
     * The PSA coefficient sets when the experiment asks for output {@code psa}: {@code run.psa_draws} sets from
     * the stream {@value #PSA_STREAM} of the experiment's seed (substream 0). Every scenario draws the same
     * uniforms, so draw k of two scenarios is the same coefficient set (where both use the same distributions) and
     * their differences are paired by draw as well as by replication.
     */
    static List<OutcomeModel> psaDraws(Experiment experiment, OutcomeParameters parameters) {
        if (!experiment.wants("psa")) {
            return List.of();
        }
        RandomStream stream = new RandomStreams(experiment.run().seed(), 0).stream(PSA_STREAM);
        List<OutcomeModel> models = new ArrayList<>();
        for (OutcomeParameters draw : parameters.draws(experiment.run().psaDraws(), stream)) {
            models.add(new OutcomeModel(draw));
        }
        return models;
    }
}
