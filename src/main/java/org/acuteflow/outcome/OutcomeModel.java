package org.acuteflow.outcome;

/** Turns a patient's simulated journey into a probability of death. Immutable and thread-safe. */
public final class OutcomeModel {
    private final OutcomeParameters parameters;

    public OutcomeModel(OutcomeParameters parameters) {
        this.parameters = parameters;
    }

    public OutcomeParameters parameters() {
        return parameters;
    }

    /** Probability of death (stroke: 90 days; trauma: in hospital; other emergencies: 30 days). */
    public double probabilityOfDeath(OutcomeInput patient) {
        throw new UnsupportedOperationException("the outcome model is not built yet");
    }
}
