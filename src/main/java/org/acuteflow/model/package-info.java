/**
 * The patient-flow simulation: {@link org.acuteflow.model.FlowModelFactory} prepares a scenario (network,
 * parameters, per-zone site and station orders) into an immutable {@link org.acuteflow.model.FlowModel}; each
 * replication builds its own state and SSJ events (one event object per patient and per vehicle), collects
 * streamed statistics over the post-warm-up window and writes metrics and series into a
 * {@link org.acuteflow.experiment.ReplicationResult}. Where an ambulance takes a patient is decided in one place,
 * the patient's pathway's {@link org.acuteflow.model.DestinationPolicy} (named rules, chosen by key in the
 * configuration: {@link org.acuteflow.model.DestinationPolicies}); {@link org.acuteflow.model.Routing} only lists
 * the candidate sites, nearest first, within provider networks when routing is restricted.
 */
package org.acuteflow.model;
