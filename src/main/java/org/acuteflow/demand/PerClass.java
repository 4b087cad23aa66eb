package org.acuteflow.demand;

/**
 * One value for each {@link DemandClass}, written in files under the classes' keys ({@code stroke},
 * {@code major_trauma}, ...): demand volumes, on-scene times and the like.
 */
public record PerClass<T>(T stroke, T majorTrauma, T medicalEmergency, T surgicalEmergency, T otherIncident,
                          T stemi) {

    public T get(DemandClass c) {
        return switch (c) {
            case STROKE -> stroke;
            case MAJOR_TRAUMA -> majorTrauma;
            case MEDICAL_EMERGENCY -> medicalEmergency;
            case SURGICAL_EMERGENCY -> surgicalEmergency;
            case OTHER_INCIDENT -> otherIncident;
            case STEMI -> stemi;
        };
    }
}
