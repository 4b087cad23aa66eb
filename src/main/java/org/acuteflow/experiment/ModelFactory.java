package org.acuteflow.experiment;

import org.acuteflow.config.Experiment;
import org.acuteflow.config.ScenarioSpec;

/** Prepares each scenario of an experiment; throws {@link org.acuteflow.config.InputException} on bad input. */
public interface ModelFactory {

    ScenarioModel prepare(Experiment experiment, ScenarioSpec scenario);
}
