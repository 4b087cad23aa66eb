/**
 * Outcome models: a simulated patient's journey becomes outcomes, each effect on the population, outcome and time
 * window its published source measured ({@code acuteflow/defaults/outcome.yaml}, {@code docs/outcome-model.md}):
 * for strokes a 90-day modified Rankin Scale distribution, for other conditions a probability of death.
 *
 * <p>{@link org.acuteflow.outcome.OutcomeModel} is immutable and shared by all replications;
 * {@link org.acuteflow.outcome.DeathTally} and {@link org.acuteflow.outcome.CovariateSummary} are per replication.
 * Expected values (sums of probabilities) are the low-variance estimator; sampled deaths use one uniform per
 * patient so that scenarios stay paired. Every uncertain coefficient has a distribution
 * ({@link org.acuteflow.outcome.Uncertainty}) from which probabilistic sensitivity analysis draws coefficient sets
 * and re-evaluates them on the same journeys, summarised by their outcome covariates.
 */
package org.acuteflow.outcome;
