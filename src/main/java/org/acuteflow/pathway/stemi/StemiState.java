package org.acuteflow.pathway.stemi;

import org.acuteflow.demand.Patient;
import org.acuteflow.demand.PathwayState;

/** A heart attack patient's own draws and times. */
public final class StemiState implements PathwayState {
    /** Door to balloon with the catheter-laboratory team on site (the on-call delay is added out of hours). */
    public double doorToBalloonMinutes;
    /** Door in to ready for transfer at a first hospital without primary PCI (the ambulance's wait comes on top). */
    public double doorInDoorOutMinutes;
    /** The balloon (reperfusion) time; NaN until the patient reaches a catheter laboratory. */
    public double balloonMinutes = Double.NaN;
    /** Arrival at the heart attack centre (the first door, or the end of the transfer). */
    public double arrivalAtCentreMinutes = Double.NaN;
    /** Reached the centre by an inter-hospital transfer. */
    public boolean transferred;
    /** The catheter-laboratory team was on call when the patient arrived at the heart attack centre. */
    public boolean cathLabOnCall;

    public static StemiState of(Patient p) {
        return (StemiState) p.state;
    }

}
