package org.acuteflow.experiment;

import org.acuteflow.config.RunControl;
import org.acuteflow.network.Network;
import org.acuteflow.sim.ReplicationContext;

/**
 * A scenario prepared for simulation (network loaded, configuration applied, parameters bound). Immutable and
 * shared by the threads that run its replications; each call of {@link #simulate} builds its own mutable
 * state, so a replication is a pure function of (scenario, replication index, seed).
 */
public interface ScenarioModel {

    /** Runs one replication and returns what it measured. */
    ReplicationResult simulate(ReplicationContext context, RunControl run, PatientSink patients);

    /** The configured network this scenario runs on (for maps and per-site tables), or null if none. */
    default Network network() {
        return null;
    }
}
