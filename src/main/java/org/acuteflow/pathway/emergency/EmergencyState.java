package org.acuteflow.pathway.emergency;

import org.acuteflow.demand.PathwayState;

/** What the emergency pathway keeps on an admitted patient: its bed stay and its times in the department. */
final class EmergencyState implements PathwayState {
    /** Uniform of the stay in the emergency bed (drawn at creation, whatever the configuration). */
    double lengthOfStayUniform;
    /** Arrival in the emergency department, minutes. */
    double edArrivalMinutes = Double.NaN;
    /** Decision to admit: ready for a bed, minutes. */
    double decisionMinutes = Double.NaN;
    /** Arrival to leaving the department for a bed, minutes; NaN until then. */
    double edMinutesToBed = Double.NaN;

    static EmergencyState of(org.acuteflow.demand.Patient p) {
        return (EmergencyState) p.state;
    }
}
