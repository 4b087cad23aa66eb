package org.acuteflow.pathway;

import org.acuteflow.demand.DemandParameters;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.network.Network;

/**
 * What a pathway may build its scenario from: the configured network (its protocol names the destination rules),
 * the candidate lists nearest first, and the bound parameters.
 */
public record ScenarioInputs(Network network, Routing routing, DemandParameters demand,
                             HospitalParameters hospital) {
}
