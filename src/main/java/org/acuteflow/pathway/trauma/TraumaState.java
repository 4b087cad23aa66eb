package org.acuteflow.pathway.trauma;

import org.acuteflow.demand.PathwayState;
import org.acuteflow.demand.Patient;

/** A major trauma patient's own draws: field triage and the delay before a secondary transfer. */
public final class TraumaState implements PathwayState {
    public double transferDelayMinutes;
    /** Major trauma that the crew does not identify as major trauma (field under-triage). */
    public boolean underTriaged;

    public static TraumaState of(Patient p) {
        return (TraumaState) p.state;
    }
}
