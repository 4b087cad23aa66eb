package org.acuteflow.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/** The MIP's optima and pools against exhaustive enumeration of every layout on small instances. */
class MipSolverTest {
    private static final double EPS = 1e-6;

    /** Random points in a 20 x 20 square: groups and sites, cost = Euclidean distance. */
    private static LocationInstance random(long seed, int groups, int sites, int k, LocationInstance.Kind kind,
                                           double coverRadius) {
        Random rnd = new Random(seed);
        double[][] gp = new double[groups][2];
        double[][] sp = new double[sites][2];
        for (double[] p : gp) {
            p[0] = rnd.nextDouble() * 20;
            p[1] = rnd.nextDouble() * 20;
        }
        for (double[] p : sp) {
            p[0] = rnd.nextDouble() * 20;
            p[1] = rnd.nextDouble() * 20;
        }
        double[] w = new double[groups];
        double[][] cost = new double[groups][sites];
        List<BitSet> covers = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            w[g] = 1 + rnd.nextInt(20);
            BitSet c = new BitSet();
            for (int j = 0; j < sites; j++) {
                cost[g][j] = Math.hypot(gp[g][0] - sp[j][0], gp[g][1] - sp[j][1]);
                if (cost[g][j] <= coverRadius) {
                    c.set(j);
                }
            }
            covers.add(c);
        }
        List<String> ids = new ArrayList<>();
        boolean[] counted = new boolean[sites];
        for (int j = 0; j < sites; j++) {
            ids.add("S" + j);
            counted[j] = true;
        }
        return new LocationInstance(kind, ids, new int[sites], counted, k, w, w.clone(),
                kind == LocationInstance.Kind.MIN_COST ? cost : null,
                kind == LocationInstance.Kind.MAX_COVER ? covers : null, null, List.of(), List.of());
    }

    /** Every admissible layout with its objective, best first (capacity via an independent LP). */
    private static List<double[]> enumerate(LocationInstance in) {
        List<double[]> all = new ArrayList<>();
        int n = in.sites();
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean[] open = new boolean[n];
            for (int j = 0; j < n; j++) {
                open[j] = (mask >> j & 1) == 1;
            }
            if (!in.admissible(open)) {
                continue;
            }
            double value = in.capacity() == null ? in.evaluate(open) : capacitatedCost(in, open);
            if (!Double.isNaN(value)) {
                all.add(new double[] {value, mask});
            }
        }
        Comparator<double[]> byValue = Comparator.comparingDouble(a -> a[0]);
        all.sort(in.minimising() ? byValue : byValue.reversed());
        return all;
    }

    /** The best split assignment of groups to the open sites within capacity (commons-math simplex). */
    private static double capacitatedCost(LocationInstance in, boolean[] open) {
        int g = in.groups();
        int n = in.sites();
        double[] c = new double[g * n];
        List<LinearConstraint> cons = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            double[] row = new double[g * n];
            for (int j = 0; j < n; j++) {
                c[i * n + j] = in.weight()[i] * in.cost()[i][j];
                row[i * n + j] = 1;
                if (!open[j]) {
                    double[] zero = new double[g * n];
                    zero[i * n + j] = 1;
                    cons.add(new LinearConstraint(zero, Relationship.EQ, 0));
                }
            }
            cons.add(new LinearConstraint(row, Relationship.EQ, 1));
        }
        for (int j = 0; j < n; j++) {
            double[] row = new double[g * n];
            for (int i = 0; i < g; i++) {
                row[i * n + j] = in.demand()[i];
            }
            cons.add(new LinearConstraint(row, Relationship.LEQ, in.capacity()[j]));
        }
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(c, 0),
                    new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (NoFeasibleSolutionException e) {
            return Double.NaN;
        }
    }

    private static int mask(boolean[] open) {
        int m = 0;
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                m |= 1 << j;
            }
        }
        return m;
    }

    private static void assertPoolMatchesEnumeration(LocationInstance in, int m) {
        List<double[]> truth = enumerate(in);
        List<MipSolver.Solution> pool = new MipSolver(1).pool(in, m);
        assertEquals(Math.min(m, truth.size()), pool.size(), "pool size");
        for (int i = 0; i < pool.size(); i++) {
            MipSolver.Solution s = pool.get(i);
            assertEquals(truth.get(i)[0], s.objective(), EPS * Math.max(1, Math.abs(s.objective())),
                    "objective of pool member " + i);
            assertTrue(s.optimal());
            assertTrue(in.admissible(s.open()), "pool member " + i + " breaks a constraint");
            // The member's own objective recomputed independently equals what the solver claims.
            double recomputed = in.capacity() == null ? in.evaluate(s.open()) : capacitatedCost(in, s.open());
            assertEquals(recomputed, s.objective(), EPS * Math.max(1, Math.abs(recomputed)));
            if (i > 0) {
                continue; // only the optimum carries an LP bound
            }
            if (in.minimising()) {
                assertTrue(s.lpBound() <= s.objective() + 1e-6, "LP bound above the optimum");
            } else {
                assertTrue(s.lpBound() >= s.objective() - 1e-6, "LP bound below the optimum");
            }
        }
        // Distinct layouts.
        assertEquals(pool.size(), pool.stream().mapToInt(s -> mask(s.open())).distinct().count());
    }

    @Test
    void pMedianOptimumAndPoolEqualEnumeration() {
        for (long seed = 1; seed <= 4; seed++) {
            assertPoolMatchesEnumeration(random(seed, 14, 9, 3, LocationInstance.Kind.MIN_COST, 0), 5);
        }
    }

    @Test
    void maximalCoveringOptimumAndPoolEqualEnumeration() {
        for (long seed = 11; seed <= 14; seed++) {
            assertPoolMatchesEnumeration(random(seed, 16, 9, 2, LocationInstance.Kind.MAX_COVER, 6), 4);
        }
    }

    @Test
    void sideConstraintsAndFixedSitesAgreeWithEnumeration() {
        LocationInstance base = random(21, 14, 9, 4, LocationInstance.Kind.MIN_COST, 0);
        int[] fixed = new int[9];
        fixed[0] = 1;
        fixed[5] = -1;
        // Every group within 9 units of an open site; at least one open site among {2, 3} and two among {6, 7, 8}.
        List<BitSet> within = new ArrayList<>();
        for (int g = 0; g < base.groups(); g++) {
            BitSet s = new BitSet();
            for (int j = 0; j < 9; j++) {
                if (base.cost()[g][j] <= 9) {
                    s.set(j);
                }
            }
            within.add(s);
        }
        BitSet a = new BitSet();
        a.set(2, 4);
        BitSet b = new BitSet();
        b.set(6, 9);
        LocationInstance in = new LocationInstance(base.kind(), base.siteIds(), fixed, base.counted(), 4,
                base.weight(), base.demand(), base.cost(), null, null, within,
                List.of(new LocationInstance.SiteGroup("a", a, 1), new LocationInstance.SiteGroup("b", b, 2)));
        assertPoolMatchesEnumeration(in, 6);
    }

    @Test
    void capacitatedOptimumEqualsEnumeration() {
        LocationInstance base = random(31, 8, 6, 3, LocationInstance.Kind.MIN_COST, 0);
        double total = 0;
        for (double d : base.demand()) {
            total += d;
        }
        double[] cap = new double[6];
        java.util.Arrays.fill(cap, total * 0.4); // three sites hold 120% of demand: capacity binds
        LocationInstance in = new LocationInstance(base.kind(), base.siteIds(), base.fixed(), base.counted(), 3,
                base.weight(), base.demand(), base.cost(), null, cap, List.of(), List.of());
        assertPoolMatchesEnumeration(in, 3);
        // Capacity binds: the capacitated optimum costs more than the uncapacitated one.
        double free = enumerate(base).get(0)[0];
        double capped = new MipSolver(1).solve(in).objective();
        assertTrue(capped > free + 1e-6, "capacity should bind in this instance");
    }

    @Test
    void infeasibleInstanceHasNoSolution() {
        LocationInstance base = random(41, 10, 6, 2, LocationInstance.Kind.MIN_COST, 0);
        BitSet a = new BitSet();
        a.set(0, 6);
        LocationInstance in = new LocationInstance(base.kind(), base.siteIds(), base.fixed(), base.counted(), 2,
                base.weight(), base.demand(), base.cost(), null, null, List.of(),
                List.of(new LocationInstance.SiteGroup("all", a, 3)));
        assertNull(new MipSolver(1).solve(in));
        assertNotNull(new MipSolver(1).solve(in.without(LocationInstance.Constraint.PROVIDER_NETWORKS)));
    }
}
