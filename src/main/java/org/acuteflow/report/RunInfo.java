package org.acuteflow.report;

/**
 * What the results themselves do not know about a run, for the report's metadata section.
 *
 * @param wallSeconds seconds from the start of the run to the end of its simulations; NaN when unknown (the
 *                    report then points to manifest.json, which always records it)
 */
public record RunInfo(double wallSeconds) {

    /** For callers that do not time the run. */
    public static RunInfo unknown() {
        return new RunInfo(Double.NaN);
    }
}
