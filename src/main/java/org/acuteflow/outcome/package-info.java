/**
 * Outcome models: a simulated patient's journey (condition, age, care level, times to treatment, cover at
 * arrival, distance) becomes a probability of death, by odds ratios applied on the logit scale, each with its
 * published source ({@code acuteflow/defaults/outcome.yaml}, {@code docs/outcome-model.md}).
 *
 * <p>{@link org.acuteflow.outcome.OutcomeModel} is immutable and shared by all replications;
 * {@link org.acuteflow.outcome.DeathTally} is per replication. Expected deaths (sum of probabilities) are the
 * low-variance estimator; sampled deaths use one uniform per patient so that scenarios stay paired.
 */
package org.acuteflow.outcome;
