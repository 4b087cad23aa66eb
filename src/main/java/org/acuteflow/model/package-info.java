/**
 * The patient-flow simulation: {@link org.acuteflow.model.FlowModelFactory} prepares a scenario (network,
 * parameters, per-zone site and station orders) into an immutable {@link org.acuteflow.model.FlowModel}; each
 * replication builds its own state and SSJ events (one event object per patient and per vehicle), collects
 * streamed statistics over the post-warm-up window and writes metrics and series into a
 * {@link org.acuteflow.experiment.ReplicationResult}.
 */
package org.acuteflow.model;
