package org.acuteflow.model;

import org.acuteflow.config.Experiment;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ScenarioModel;

/** Prepares the patient-flow model for each scenario: network + configuration + bound parameters. */
public final class FlowModelFactory implements ModelFactory {
    @Override
    public ScenarioModel prepare(Experiment experiment, ScenarioSpec scenario) {
        throw new UnsupportedOperationException("the patient-flow model is not built yet");
    }
}
