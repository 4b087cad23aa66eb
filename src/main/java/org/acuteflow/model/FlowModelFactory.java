package org.acuteflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Prepares the patient-flow model for each scenario: loads the network with the scenario's configuration,
 * binds and validates the {@code demand}, {@code ems}, {@code hospital} and {@code outcome} parameters, and
 * precomputes per-zone site and station orders. Stateless and thread-safe.
 */
public final class FlowModelFactory implements ModelFactory {
    @Override
    public ScenarioModel prepare(Experiment experiment, ScenarioSpec scenario) {
        Network configured = NetworkLoader.load(experiment.networkDir(), scenario.configuration(), scenario.overlay(),
                scenario.path(), scenario.sources());
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
                    variants.add(new OutcomeVariant(range.path() + "." + level.name().toLowerCase(Locale.ROOT),
                            variant::probabilityOfDeath));
                }
            }
        }
        try {
            return new FlowModel(network, params, outcome::probabilityOfDeath, variants);
        } catch (IllegalArgumentException e) {
            Problems problems = scenario.sources().problems();
            problems.add("parameters.demand", e.getMessage());
            problems.throwIfAny();
            throw e;
        }
    }
}
