package org.acuteflow.hospital;

import org.acuteflow.config.Problems;
import org.acuteflow.config.Validated;

/**
 * Emergency department crowding: how much longer the ambulance handover and the time to be seen take when a
 * department is busy, as a multiplier of their uncrowded times. With occupancy u = patients in the department /
 * its cubicles, the multiplier is 1 up to {@code onsetOccupancy} and rises linearly by {@code slope} per unit of
 * occupancy beyond it, up to {@code maxMultiplier}:
 *
 * <pre>  m(u) = min(maxMultiplier, 1 + slope * max(0, u - onsetOccupancy))</pre>
 *
 * A department's cubicles come from {@link #cubicles}: sized for the load it carries when every site is open
 * (its offered load, by Little's law, over a design occupancy), so that a closure loads its neighbours beyond
 * what they were built for. Values and sources: {@code hospital.ed_crowding} in the defaults.
 *
 * @param enabled           false: handover and time to be seen never depend on occupancy (multiplier 1)
 * @param onsetOccupancy    occupancy (patients per cubicle) above which delays start to rise
 * @param slope             rise of the multiplier per unit of occupancy above the onset
 * @param maxMultiplier     the multiplier's ceiling
 * @param designOccupancy   mean occupancy a department is sized for (cubicles = offered load / this)
 * @param minCubicles       the fewest cubicles a type-1 department has
 */
public record EdCrowding(boolean enabled, double onsetOccupancy, double slope, double maxMultiplier,
                         double designOccupancy, int minCubicles) implements Validated {

    /** No crowding: every multiplier is 1. */
    public static final EdCrowding OFF = new EdCrowding(false, 1, 0, 1, 1, 1);

    /** The multiplier of handover and time to be seen with {@code inDepartment} patients in {@code cubicles}. */
    public double multiplier(int inDepartment, int cubicles) {
        if (!enabled || cubicles <= 0) {
            return 1;
        }
        double u = inDepartment / (double) cubicles;
        return Math.min(maxMultiplier, 1 + slope * Math.max(0, u - onsetOccupancy));
    }

    /**
     * Cubicles of a department whose arrivals average {@code arrivalsPerMinute} and stay {@code meanStayMinutes}:
     * the offered load (mean occupancy, Little's law) over the design occupancy, rounded up, at least
     * {@link #minCubicles}.
     */
    public int cubicles(double arrivalsPerMinute, double meanStayMinutes) {
        double load = arrivalsPerMinute * meanStayMinutes;
        return Math.max(minCubicles, (int) Math.ceil(load / designOccupancy - 1e-9));
    }

    @Override
    public void validate(Problems p, String path) {
        p.inRange(path + ".onset_occupancy", onsetOccupancy, 0, 10);
        p.inRange(path + ".slope", slope, 0, 100);
        p.inRange(path + ".max_multiplier", maxMultiplier, 1, 100);
        p.inRange(path + ".design_occupancy", designOccupancy, 0.05, 1);
        p.inRange(path + ".min_cubicles", minCubicles, 1, 1000);
    }
}
