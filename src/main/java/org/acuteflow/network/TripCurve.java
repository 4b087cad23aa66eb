package org.acuteflow.network;

import java.util.Arrays;

/**
 * A monotone piecewise-linear curve from the length of a shortest path through the road graph (sum of its
 * edges' straight-line km) to normal-road minutes and to road km. Used when a graph's edges carry distances
 * only: trips get faster per km as they get longer (more of them is on main roads), which one constant
 * speed per edge cannot express. Beyond the last knot the last segment is extended. Immutable.
 */
public final class TripCurve {
    private final double[] pathKm;
    private final double[] minutes;
    private final double[] roadKm;

    /** Knots must be strictly increasing in {@code pathKm}; values must be finite, non-negative and non-decreasing. */
    public TripCurve(double[] pathKm, double[] minutes, double[] roadKm) {
        if (pathKm.length < 2 || pathKm.length != minutes.length || pathKm.length != roadKm.length) {
            throw new IllegalArgumentException("a trip curve needs at least 2 knots and equal-length lists");
        }
        for (int i = 0; i < pathKm.length; i++) {
            if (!(Double.isFinite(pathKm[i]) && Double.isFinite(minutes[i]) && Double.isFinite(roadKm[i]))
                    || pathKm[i] < 0 || minutes[i] < 0 || roadKm[i] < 0) {
                throw new IllegalArgumentException("trip curve values must be finite and >= 0 (knot " + i + ")");
            }
            if (i > 0 && (pathKm[i] <= pathKm[i - 1] || minutes[i] < minutes[i - 1] || roadKm[i] < roadKm[i - 1])) {
                throw new IllegalArgumentException("trip curve path_km must increase and minutes and road_km must not "
                        + "decrease (knot " + i + ")");
            }
        }
        this.pathKm = pathKm.clone();
        this.minutes = minutes.clone();
        this.roadKm = roadKm.clone();
    }

    public double minutes(double km) {
        return interpolate(minutes, km);
    }

    public double roadKm(double km) {
        return interpolate(roadKm, km);
    }

    public double[] pathKm() {
        return pathKm.clone();
    }

    public double[] minutes() {
        return minutes.clone();
    }

    public double[] roadKm() {
        return roadKm.clone();
    }

    private double interpolate(double[] y, double x) {
        int n = pathKm.length;
        int i;
        if (x <= pathKm[0]) {
            return y[0];
        } else if (x >= pathKm[n - 1]) {
            i = n - 2;
        } else {
            i = Arrays.binarySearch(pathKm, x);
            if (i >= 0) {
                return y[i];
            }
            i = -i - 2;
        }
        double t = (x - pathKm[i]) / (pathKm[i + 1] - pathKm[i]);
        return y[i] + t * (y[i + 1] - y[i]);
    }
}
