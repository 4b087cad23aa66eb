package org.acuteflow.pathway;

import java.util.Map;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.network.Network;

/**
 * What a pathway may build its scenario from: the configured network (its protocol names the destination rules),
 * the candidate lists nearest first, and the bound parameters: the common sections and, by pathway key, each
 * pathway's own section ({@link Pathway#bindParameters}).
 */
public record ScenarioInputs(Network network, Routing routing, DemandParameters demand,
                             HospitalParameters hospital, Map<String, Object> pathwayParameters) {

    public ScenarioInputs {
        pathwayParameters = Map.copyOf(pathwayParameters);
    }

    /** The bound own section of pathway {@code key}. */
    public <T> T parametersOf(String key, Class<T> type) {
        Object o = pathwayParameters.get(key);
        if (o == null) {
            throw new IllegalStateException("pathway '" + key + "' has no bound parameters");
        }
        return type.cast(o);
    }
}
