package org.acuteflow.pathway;

import org.acuteflow.demand.Patient;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.sim.WeekTime;

/**
 * A patient's journey as a pathway's in-hospital stages see it; the stage engine implements it (one SSJ event per
 * patient, rescheduled through its stages). A journey has at most one pending stage.
 */
public interface Journey {
    Patient patient();

    /** The site the patient is at (its first site until a transfer). */
    int site();

    /** The patient enters the emergency department of its site now. */
    void enterEmergencyDepartment(double now);

    /**
     * The patient leaves the emergency department after {@code minutes}; then, when {@code thenPathway}, the
     * pathway's {@link Pathway.Run#afterEmergencyDepartment} runs.
     */
    void leaveEmergencyDepartmentAfter(double minutes, boolean thenPathway);

    /**
     * The patient leaves the emergency department after {@code minutes} for a blue-light transfer to the site the
     * pathway's {@link Pathway.Run#transferFrom} names; the record is complete on arrival.
     */
    void transferAfter(double minutes);

    /**
     * A planned move between hospitals (e.g. a stroke's repatriation to its home stroke unit): the patient waits
     * at its site for a fleet ambulance (when {@code ems.transfers_use_fleet}; queued with calls, behind Category A),
     * which drives there and on to site {@code to} at normal road speed. The pathway's step {@code departStep}
     * runs when the vehicle is at the patient's site and it leaves, and {@code arriveStep} when it reaches
     * {@code to}, where {@link #site()} is then {@code to} and the crew hands over on the ward (no emergency
     * department, so no crowding). Transfer times of the patient's record are not touched.
     */
    void moveByAmbulance(int to, int departStep, int arriveStep);

    /** The pathway's step {@code step} runs after {@code minutes} ({@link Pathway.Run#step}). */
    void next(int step, double minutes);

    /** Withdraws the pending stage; true when one was pending. */
    boolean cancel();

    /** The patient's record is complete: its outcome is evaluated, counted and written. Idempotent. */
    void finish();

    /**
     * The outcome input of a journey from the common record and a pathway's own terms (stroke: large-vessel
     * occlusion, onset to needle and to puncture, share of the stay in organised care; NaN / 0 otherwise).
     */
    static OutcomeInput commonOutcomeInput(Patient p, boolean largeVesselOcclusion, double onsetToNeedle,
                                           double onsetToPuncture, double organisedCareShare, double distanceKm) {
        double definitive = Double.isNaN(p.transferArrivalMinutes) ? p.doorMinutes : p.transferArrivalMinutes;
        return new OutcomeInput(p.condition, p.ageBand, largeVesselOcclusion, onsetToNeedle, onsetToPuncture,
                p.careLevel, organisedCareShare, p.specialistOnSiteAtArrival,
                WeekTime.isWeekendHour(WeekTime.hourOfWeek(p.doorMinutes)), !p.selfPresenter, distanceKm,
                definitive - p.callMinutes);
    }
}
