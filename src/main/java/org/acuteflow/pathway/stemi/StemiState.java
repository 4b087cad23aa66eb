package org.acuteflow.pathway.stemi;

import org.acuteflow.demand.Patient;
import org.acuteflow.demand.PathwayState;

/** A heart attack patient's own draws and times. */
public final class StemiState implements PathwayState {
    /** Door to balloon with the catheter-laboratory team on site (the on-call delay is added out of hours). */
    public double doorToBalloonMinutes;
    /** Door in to door out at a first hospital without primary PCI. */
    public double doorInDoorOutMinutes;
    /** The balloon (reperfusion) time; NaN until the patient reaches a catheter laboratory. */
    public double balloonMinutes = Double.NaN;
    /** The catheter-laboratory team was on call when the patient arrived at the heart attack centre. */
    public boolean cathLabOnCall;

    public static StemiState of(Patient p) {
        return (StemiState) p.state;
    }

}
