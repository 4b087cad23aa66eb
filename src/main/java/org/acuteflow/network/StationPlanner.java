package org.acuteflow.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Places ambulance stations where no public list exists: population-weighted k-means of zone centroids
 * (k-means++ start from a fixed seed, then Lloyd iterations), each centre snapped to the nearest zone
 * centroid not already taken, and vehicles shared in proportion to the population nearest each station
 * (largest remainders, at least one each). Deterministic: same zones, k, seed and fleet give the same plan.
 */
public final class StationPlanner {
    /** One planned station: the zone it stands in and its vehicles. */
    public record Planned(int zone, int vehicles, double populationServed) {
    }

    private StationPlanner() {
    }

    public static List<Planned> plan(List<Zone> zones, int k, int fleet, long seed) {
        int n = zones.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("need 1 <= k <= zones, got k = " + k);
        }
        double lat0 = zones.stream().mapToDouble(Zone::lat).average().orElse(0);
        Projection projection = Projection.scaledAt(lat0);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = projection.x(zones.get(i).lon());
            y[i] = projection.y(zones.get(i).lat());
            w[i] = Math.max(0, zones.get(i).population());
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        Random random = new Random(seed);
        // k-means++: first centre by weight, each next by weight x squared distance to the nearest centre.
        double[] d2 = new double[n];
        Arrays.fill(d2, 1.0);
        for (int c = 0; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += w[i] * d2[i];
            }
            double u = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                u -= w[i] * d2[i];
                if (u <= 0) {
                    pick = i;
                    break;
                }
            }
            cx[c] = x[pick];
            cy[c] = y[pick];
            for (int i = 0; i < n; i++) {
                double d = sq(x[i] - cx[c], y[i] - cy[c]);
                d2[i] = c == 0 ? d : Math.min(d2[i], d);
            }
        }
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        for (int iter = 0; iter < 200; iter++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearest(x[i], y[i], cx, cy);
                if (best != assign[i]) {
                    assign[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[] sx = new double[k];
            double[] sy = new double[k];
            double[] sw = new double[k];
            for (int i = 0; i < n; i++) {
                sx[assign[i]] += w[i] * x[i];
                sy[assign[i]] += w[i] * y[i];
                sw[assign[i]] += w[i];
            }
            for (int c = 0; c < k; c++) {
                if (sw[c] > 0) {
                    cx[c] = sx[c] / sw[c];
                    cy[c] = sy[c] / sw[c];
                }
            }
        }
        // Snap each centre to the nearest zone centroid not yet used, in centre order.
        boolean[] used = new boolean[n];
        int[] zoneOf = new int[k];
        for (int c = 0; c < k; c++) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double d = sq(x[i] - cx[c], y[i] - cy[c]);
                if (!used[i] && d < bd) {
                    bd = d;
                    best = i;
                }
            }
            used[best] = true;
            zoneOf[c] = best;
        }
        // Population served: each zone to its nearest (snapped) station, straight line.
        double[] sxs = new double[k];
        double[] sys = new double[k];
        for (int c = 0; c < k; c++) {
            sxs[c] = x[zoneOf[c]];
            sys[c] = y[zoneOf[c]];
        }
        double[] served = new double[k];
        for (int i = 0; i < n; i++) {
            served[nearest(x[i], y[i], sxs, sys)] += w[i];
        }
        int[] vehicles = share(served, fleet, 1);
        List<Planned> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add(new Planned(zoneOf[c], vehicles[c], served[c]));
        }
        return out;
    }

    /** Splits {@code total} in proportion to {@code weights} by largest remainders, each at least {@code min}. */
    public static int[] share(double[] weights, int total, int min) {
        int k = weights.length;
        int[] out = new int[k];
        int left = total - min * k;
        if (left < 0) {
            throw new IllegalArgumentException("total " + total + " is less than " + min + " for each of " + k);
        }
        double sum = Arrays.stream(weights).sum();
        double[] exact = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            exact[c] = sum > 0 ? left * weights[c] / sum : (double) left / k;
            out[c] = min + (int) Math.floor(exact[c]);
            assigned += (int) Math.floor(exact[c]);
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(exact[b] - Math.floor(exact[b]), exact[a] - Math.floor(exact[a]));
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        for (int i = 0; assigned < left; i++) {
            out[order[i]]++;
            assigned++;
        }
        return out;
    }

    private static int nearest(double px, double py, double[] cx, double[] cy) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cx.length; c++) {
            double d = sq(px - cx[c], py - cy[c]);
            if (d < bd) {
                bd = d;
                best = c;
            }
        }
        return best;
    }

    private static double sq(double dx, double dy) {
        return dx * dx + dy * dy;
    }
}
