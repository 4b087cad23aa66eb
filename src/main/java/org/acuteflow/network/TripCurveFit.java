package org.acuteflow.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least-squares fit of a piecewise-linear curve y = f(x) with fixed knots (hat-function basis), made
 * non-decreasing afterwards by a running maximum, plus errors in sample and leaving out one group (one
 * hospital) at a time. Used to calibrate road-graph path length against a published travel matrix.
 */
public final class TripCurveFit {
    private final double[] knots;
    private final int groups;
    // Normal equations accumulated per group, so leave-one-group-out fits need no second pass.
    private final double[][][] xtx;
    private final double[][] xty;
    private final List<double[]> rows = new ArrayList<>();

    public TripCurveFit(double[] knots, int groups) {
        this.knots = knots.clone();
        this.groups = groups;
        this.xtx = new double[groups][knots.length][knots.length];
        this.xty = new double[groups][knots.length];
    }

    /** Adds one observation of group {@code g}. */
    public void add(int g, double x, double y) {
        int i = segment(x);
        double t = Math.min(1, Math.max(0, (x - knots[i]) / (knots[i + 1] - knots[i])));
        double a = 1 - t;
        xtx[g][i][i] += a * a;
        xtx[g][i][i + 1] += a * t;
        xtx[g][i + 1][i] += a * t;
        xtx[g][i + 1][i + 1] += t * t;
        xty[g][i] += a * y;
        xty[g][i + 1] += t * y;
        rows.add(new double[] {g, x, y});
    }

    private int segment(double x) {
        int i = Arrays.binarySearch(knots, x);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(knots.length - 2, i));
    }

    /** Knot values fitted on every group except {@code leaveOut} (-1 for all), made non-decreasing. */
    public double[] fit(int leaveOut) {
        int m = knots.length;
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int g = 0; g < groups; g++) {
            if (g == leaveOut) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                b[i] += xty[g][i];
                for (int j = 0; j < m; j++) {
                    a[i][j] += xtx[g][i][j];
                }
            }
        }
        // A tiny ridge keeps a knot with little data from making the system singular.
        for (int i = 0; i < m; i++) {
            a[i][i] += 1e-9;
        }
        RealVector v = new QRDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(b));
        double[] y = v.toArray();
        for (int i = 0; i < m; i++) {
            y[i] = Math.max(0, y[i]);
            if (i > 0) {
                y[i] = Math.max(y[i], y[i - 1]);
            }
        }
        return y;
    }

    public double[] knots() {
        return knots.clone();
    }

    /** Absolute errors of {@code values} (a fit) on every observation (or only group {@code only} if >= 0). */
    public double[] absoluteErrors(double[] values, int only) {
        TripCurve curve = new TripCurve(knots, values, values);
        return rows.stream().filter(r -> only < 0 || (int) r[0] == only)
                .mapToDouble(r -> Math.abs(curve.minutes(r[1]) - r[2])).toArray();
    }

    /** Absolute errors when each group is predicted by the fit on the others. */
    public double[] leaveOneGroupOutErrors() {
        List<double[]> parts = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            parts.add(absoluteErrors(fit(g), g));
        }
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /** The q-quantile (0..1) of {@code values}, by the nearest-rank rule. */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }
}
