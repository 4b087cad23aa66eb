package org.acuteflow.model;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.outcome.OutcomeModel;
import umontreal.ssj.rng.RandomStream;

/**
 * The outcome models one scenario evaluates on every simulated journey: the central model, the one-at-a-time
 * sensitivity variants and the coefficient sets of probabilistic sensitivity analysis. Journeys do not depend on
 * outcome coefficients, so all of them are evaluated on the same journeys, without re-simulating. Immutable and
 * thread-safe.
 *
 * @param probabilityOfDeath the central probability of death
 * @param central            the central outcome model, or null when only a probability of death is given (then
 *                           no mRS, utility or PSA metrics are written)
 * @param sensitivity        one-at-a-time variants (deaths only)
 * @param psaDraws           coefficient sets of probabilistic sensitivity analysis, evaluated on a summary of the
 *                           journeys by outcome covariates
 * @param psaStreams         named streams of the experiment's seed for the coefficient sets of the pathways' own
 *                           outcome sub-models (a new stream per call); null: those sub-models get no sets
 */
public record Outcomes(ToDoubleFunction<OutcomeInput> probabilityOfDeath, OutcomeModel central,
                       List<OutcomeVariant> sensitivity, List<OutcomeModel> psaDraws,
                       Function<String, RandomStream> psaStreams) {

    public Outcomes {
        sensitivity = List.copyOf(sensitivity);
        psaDraws = List.copyOf(psaDraws);
    }

    /** The full outcome model, with its sensitivity variants and PSA draws. */
    public static Outcomes of(OutcomeModel central, List<OutcomeVariant> sensitivity, List<OutcomeModel> psaDraws) {
        return of(central, sensitivity, psaDraws, null);
    }

    /** As {@link #of(OutcomeModel, List, List)}, with the streams of the pathways' own coefficient sets. */
    public static Outcomes of(OutcomeModel central, List<OutcomeVariant> sensitivity, List<OutcomeModel> psaDraws,
                              Function<String, RandomStream> psaStreams) {
        return new Outcomes(central::probabilityOfDeath, central, sensitivity, psaDraws, psaStreams);
    }

    /** Deaths only, from a probability-of-death function (test models). */
    public static Outcomes deathsOnly(ToDoubleFunction<OutcomeInput> probabilityOfDeath, List<OutcomeVariant> sensitivity) {
        return new Outcomes(probabilityOfDeath, null, sensitivity, List.of(), null);
    }

    double probabilityOfDeath(OutcomeInput input) {
        return probabilityOfDeath.applyAsDouble(input);
    }
}
