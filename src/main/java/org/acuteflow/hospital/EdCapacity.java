package org.acuteflow.hospital;

import org.acuteflow.network.TravelTimes;

/**
 * How many cubicles each emergency department has: sized for the load it carries in the network as built, not
 * in the scenario, so that closing a department loads its neighbours beyond what they were built for. Each
 * zone's emergency department arrivals go to the nearest site that has a type-1 A&E as built (base minutes;
 * ties to the lower site index); a site's cubicles are then {@link EdCrowding#cubicles} of its arrivals, so a
 * site with no A&E as built (or none of the demand) has the minimum. Emergency bed pools are sized the same way
 * from the catchment's admissions ({@link #emergencyBeds}).
 */
public final class EdCapacity {
    private EdCapacity() {
    }

    /**
     * @param travel                the network's travel times
     * @param builtAe               per site, whether it has a type-1 A&E as built
     * @param zoneArrivalsPerMinute per zone, mean emergency department arrivals a minute
     * @param meanStayMinutes       mean stay in the department
     * @return cubicles per site
     */
    public static int[] cubicles(TravelTimes travel, boolean[] builtAe, double[] zoneArrivalsPerMinute,
                                 double meanStayMinutes, EdCrowding rule) {
        double[] arrivals = catchmentArrivals(travel, builtAe, zoneArrivalsPerMinute);
        int[] out = new int[builtAe.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = rule.cubicles(arrivals[s], meanStayMinutes);
        }
        return out;
    }

    /**
     * Each site's emergency beds ({@link EmergencyBeds#beds}) for the admissions of its catchment as built, by the
     * same nearest-A&E rule as the cubicles; a site with no A&E as built has none.
     *
     * @param zoneAdmissionsPerMinute per zone, mean emergency admissions a minute
     */
    public static int[] emergencyBeds(TravelTimes travel, boolean[] builtAe, double[] zoneAdmissionsPerMinute,
                                      EmergencyBeds rule) {
        double[] admissions = catchmentArrivals(travel, builtAe, zoneAdmissionsPerMinute);
        int[] out = new int[builtAe.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = builtAe[s] ? rule.beds(admissions[s]) : 0;
        }
        return out;
    }

    /** Per site, the arrivals of the zones whose nearest A&E as built it is (base minutes; ties to the lower index). */
    static double[] catchmentArrivals(TravelTimes travel, boolean[] builtAe, double[] zoneArrivalsPerMinute) {
        double[] arrivals = new double[builtAe.length];
        for (int z = 0; z < zoneArrivalsPerMinute.length; z++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < builtAe.length; s++) {
                double t = travel.zoneToSite(z, s);
                if (builtAe[s] && t < best) {
                    best = t;
                    nearest = s;
                }
            }
            if (nearest >= 0) {
                arrivals[nearest] += zoneArrivalsPerMinute[z];
            }
        }
        return arrivals;
    }
}
