package org.acuteflow.hospital;

import org.acuteflow.config.DistributionSpec;
import org.acuteflow.config.Problems;
import org.acuteflow.config.Validated;

/**
 * The emergency bed pool of each site: the beds that emergency admissions (medical and surgical emergencies) move
 * to from the emergency department. An admitted patient's stay in the department ends at the decision to admit
 * when a bed is free; otherwise the patient waits in the department ("boarding", occupying a cubicle, so it
 * counts in the department's crowding) until a bed of the site's pool frees, first come first served
 * ({@link BedPool} with an unlimited line). A site's beds are sized like its cubicles ({@link EdCapacity}): the
 * offered load of the admissions of its catchment as built over a design occupancy. Values and sources:
 * {@code hospital.emergency_beds} in the defaults.
 *
 * @param enabled               false: admitted patients leave the department at the decision to admit and take no
 *                              bed (the results before the pool was modelled)
 * @param lengthOfStayMinutes   an emergency admission's stay in its bed
 * @param designOccupancy       mean bed occupancy a pool is sized for (beds = offered load / this)
 * @param minBeds               the fewest beds of a site with a type-1 A&E
 */
public record EmergencyBeds(boolean enabled, DistributionSpec lengthOfStayMinutes, double designOccupancy,
                            int minBeds) implements Validated {

    /** No pool: admitted patients never wait for a bed. */
    public static final EmergencyBeds OFF = new EmergencyBeds(false, DistributionSpec.fixed(0), 1, 0);

    /**
     * Beds of a pool whose admissions average {@code admissionsPerMinute}: the offered load (mean occupied beds,
     * Little's law, with the mean stay) over the design occupancy, rounded up, at least {@link #minBeds} where
     * there is any load.
     */
    public int beds(double admissionsPerMinute) {
        if (!(admissionsPerMinute > 0)) {
            return minBeds;
        }
        double load = admissionsPerMinute * lengthOfStayMinutes.mean();
        return Math.max(minBeds, (int) Math.ceil(load / designOccupancy - 1e-9));
    }

    @Override
    public void validate(Problems p, String path) {
        p.inRange(path + ".design_occupancy", designOccupancy, 0.05, 1);
        p.inRange(path + ".min_beds", minBeds, 0, 100000);
    }
}
