package org.acuteflow.demand;

import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;

/**
 * A non-homogeneous Poisson process with a weekly-cyclic rate, by thinning (Lewis and Shedler 1979): candidates
 * come at the constant maximum rate and each is kept with probability rate(candidate time) / max rate. The
 * acceptance probability is evaluated at the candidate's own time, not at the time of the previous arrival:
 * evaluating it at the current time is a known bug that smears the profile across long gaps.
 *
 * <p>Immutable; the stream carries all state, so one instance serves every replication.
 */
public final class ThinnedArrivals {
    private final WeeklyProfile profile;
    private final double meanPerMinute;
    private final double maxPerMinute;

    /** @param perYear expected arrivals per 365-day year */
    public ThinnedArrivals(WeeklyProfile profile, double perYear) {
        if (!(perYear >= 0) || !Double.isFinite(perYear)) {
            throw new IllegalArgumentException("arrivals per year must be finite and >= 0, got " + perYear);
        }
        this.profile = profile;
        this.meanPerMinute = perYear / WeekTime.MINUTES_PER_YEAR;
        this.maxPerMinute = meanPerMinute * profile.max();
        // Every candidate is accepted with probability at least 1/168 (the mean cell over the largest), so the loop
        // below ends after a few draws; that needs a finite rate.
        if (!Double.isFinite(maxPerMinute)) {
            throw new IllegalArgumentException("arrival rate too large: " + perYear + " per year");
        }
    }

    /** Arrival rate per minute at clock time {@code minutes}. */
    public double ratePerMinute(double minutes) {
        return meanPerMinute * profile.at(minutes);
    }

    public boolean isEmpty() {
        return maxPerMinute <= 0;
    }

    /**
     * The first arrival after {@code nowMinutes}, or +infinity when the rate is zero. Consumes two uniforms per
     * candidate from {@code stream}.
     */
    public double next(double nowMinutes, RandomStream stream) {
        if (maxPerMinute <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = nowMinutes;
        while (true) {
            t += -Math.log1p(-stream.nextDouble()) / maxPerMinute;
            double accept = profile.at(t) / profile.max();
            if (stream.nextDouble() < accept) {
                return t;
            }
        }
    }
}
