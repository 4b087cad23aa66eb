package org.acuteflow.ems;

import org.acuteflow.config.DistributionSpec;
import org.acuteflow.demand.DemandClass;

/** A duration distribution (minutes) for each demand class. */
public record PerClassMinutes(DistributionSpec stroke, DistributionSpec majorTrauma,
                              DistributionSpec medicalEmergency, DistributionSpec surgicalEmergency,
                              DistributionSpec otherIncident) {

    public DistributionSpec get(DemandClass c) {
        return switch (c) {
            case STROKE -> stroke;
            case MAJOR_TRAUMA -> majorTrauma;
            case MEDICAL_EMERGENCY -> medicalEmergency;
            case SURGICAL_EMERGENCY -> surgicalEmergency;
            case OTHER_INCIDENT -> otherIncident;
        };
    }
}
