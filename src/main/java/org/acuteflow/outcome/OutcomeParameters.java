package org.acuteflow.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import org.acuteflow.config.SourceMap;

/** Coefficients of the outcome model, bound from the {@code outcome:} section of the model parameters. */
public record OutcomeParameters() {

    /** Binds and validates the {@code outcome} subtree; problems are located through {@code sources}. */
    public static OutcomeParameters from(JsonNode outcomeTree, SourceMap sources) {
        throw new UnsupportedOperationException("outcome parameters are not built yet");
    }
}
