/**
 * The patient-flow simulation: {@link org.acuteflow.model.FlowModelFactory} prepares a scenario (network,
 * parameters, per-zone site and station orders, each registered pathway on the scenario) into an immutable
 * {@link org.acuteflow.model.FlowModel}; each replication ({@code Replication}, the stage engine) builds its own
 * state and SSJ events (one event object per patient, one per vehicle in the
 * {@link org.acuteflow.ems.AmbulanceService}), hands every pathway decision to the patient's
 * {@link org.acuteflow.pathway.Pathway}, collects streamed statistics over the post-warm-up window and writes
 * metrics and series into a {@link org.acuteflow.experiment.ReplicationResult}. The pathways are registered in one
 * place, {@link org.acuteflow.model.Pathways}.
 */
package org.acuteflow.model;
