package org.acuteflow.demand;

import org.acuteflow.config.Problems;

/** The demand of each {@link DemandClass}. */
public record DemandClasses(ClassDemand stroke, ClassDemand majorTrauma, ClassDemand medicalEmergency,
                            ClassDemand surgicalEmergency, ClassDemand otherIncident) {

    public ClassDemand get(DemandClass c) {
        return switch (c) {
            case STROKE -> stroke;
            case MAJOR_TRAUMA -> majorTrauma;
            case MEDICAL_EMERGENCY -> medicalEmergency;
            case SURGICAL_EMERGENCY -> surgicalEmergency;
            case OTHER_INCIDENT -> otherIncident;
        };
    }

    void validate(Problems p, String path, java.util.Set<String> profiles) {
        for (DemandClass c : DemandClass.values()) {
            get(c).validate(p, path + "." + c.key(), profiles);
        }
    }
}
