package org.acuteflow.pathway;

import org.acuteflow.demand.Patient;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.metrics.Metric;
import org.acuteflow.network.Site;

/** What the stage engine offers a pathway's stages in one replication. */
public interface Hospitals {
    Site site(int index);

    /** Number of sites (indices 0..sites-1). */
    int sites();

    HospitalParameters parameters();

    /** Blue-light minutes from zone to site at clock time {@code now}. */
    double blueLightMinutes(int zone, int site, double now);

    /** A situation for destination rules that look at travel times only (no unit of their own is full). */
    default DestinationPolicy.Situation situation() {
        return new DestinationPolicy.Situation() {
            @Override
            public double blueLightMinutes(int zone, int site, double now) {
                return Hospitals.this.blueLightMinutes(zone, site, now);
            }

            @Override
            public boolean hasFreeHasuBed(int site) {
                return true;
            }
        };
    }

    /**
     * How much longer than uncrowded the time to be seen is in the emergency department of {@code site} now
     * ({@link org.acuteflow.hospital.EdCrowding#multiplier}; 1 when crowding is off).
     */
    default double edCrowding(int site) {
        return 1;
    }

    /** Door to leaving the emergency department, from the patient's uniform. */
    double edStayMinutes(Patient p);

    /**
     * The occupancy meter of the bed unit {@code unit} (by site and in total, time-weighted over the statistics
     * window); made on first use. {@code byHourOfWeek}: the total also keeps its mean by hour of the week.
     */
    BedMeter beds(String unit, boolean byHourOfWeek);

    /** Adds one to the counter of the declared per-year metric {@code metric} (a counted patient only). */
    void count(Metric metric);

    /** Patients in the emergency department of {@code site} now per cubicle (0 when crowding is not kept). */
    default double edOccupancy(int site) {
        return 0;
    }

    /**
     * Per site, the beds of its emergency bed pool (sized for its catchment as built,
     * {@link org.acuteflow.hospital.EdCapacity#emergencyBeds}); 0 without a pool.
     */
    default int emergencyBeds(int site) {
        return 0;
    }

    /** Occupancy of a bed unit: changes are reported as they happen. */
    interface BedMeter {
        void change(int site, int delta, double now);

        /** Mean occupied beds of every site over the statistics window, once the replication has ended. */
        double mean();

        /** The same at {@code site}. */
        double mean(int site);
    }
}
