package org.acuteflow.model;

import java.util.function.ToDoubleFunction;
import org.acuteflow.outcome.OutcomeInput;

/**
 * An alternative outcome model evaluated on the same simulated journeys, for one-at-a-time sensitivity of the
 * deaths to an uncertain coefficient. Journeys do not depend on outcome coefficients, so re-evaluating them
 * gives the sensitivity exactly paired and without re-simulating.
 *
 * @param label              metric prefix part, e.g. {@code stroke.organised_care_odds_ratio.low}
 * @param probabilityOfDeath the variant outcome model (thread-safe)
 */
public record OutcomeVariant(String label, ToDoubleFunction<OutcomeInput> probabilityOfDeath) {
}
