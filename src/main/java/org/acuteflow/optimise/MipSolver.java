package org.acuteflow.optimise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * Solves a {@link LocationInstance} as a mixed-integer programme with ojAlgo's branch and bound, and lists the M
 * best distinct layouts by adding a no-good cut after each optimum.
 *
 * <p>Formulation (strong p-median / maximal covering): binary {@code y_j} (site j open); for MIN_COST,
 * continuous {@code x_gj} in [0, 1] (share of group g served by j), {@code sum_j x_gj = 1},
 * {@code x_gj <= y_j}, minimise {@code sum w_g c_gj x_gj}; for MAX_COVER, {@code u_g <= sum_{j covers g} y_j},
 * {@code u_g <= 1}, maximise {@code sum w_g u_g}. Side constraints: {@code sum_{counted} y_j = k}; capacity
 * {@code sum_g d_g x_gj <= cap_j y_j} (groups may then be split between sites: a capacitated p-median);
 * every zone within the maximum time ({@code sum_{j in S} y_j >= 1} for each distinct set S of sites within
 * it); at least m open sites per provider network. A no-good cut {@code sum_{j in L} y_j <= k - 1} over the
 * counted open sites of layout L removes exactly L, because every layout opens k counted sites.
 *
 * <p>The proof gap: ojAlgo stops when its incumbent is within the relative gap tolerance of the best bound
 * ({@link #GAP_TOLERANCE}); the LP relaxation's value is also reported as a bound anyone can check.
 */
public final class MipSolver {
    /** Relative optimality tolerance of the branch and bound (ojAlgo's gap context: 6 significant digits). */
    public static final double GAP_TOLERANCE = 1e-6;

    static {
        // ojAlgo prints a notice about unknown hardware profiles to standard output on first use unless this
        // property is set; standard output carries the command's results.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /** Default limit on one branch-and-bound run. */
    public static final long DEFAULT_TIME_LIMIT_MILLIS = 600_000;

    private final int threads;
    private final long timeLimitMillis;

    public MipSolver(int threads) {
        this(threads, DEFAULT_TIME_LIMIT_MILLIS);
    }

    /** @param timeLimitMillis a run stopped by this limit returns its incumbent, not proved optimal */
    public MipSolver(int threads, long timeLimitMillis) {
        this.threads = Math.max(1, threads);
        this.timeLimitMillis = timeLimitMillis;
    }

    /** Whether the LP relaxation is feasible (if not, no layout is: a quick infeasibility proof). */
    public boolean relaxationFeasible(LocationInstance instance) {
        return !Double.isNaN(relaxedBound(build(instance, List.of()).model, instance.minimising()));
    }

    /** Feasibility within the time limit: TRUE, FALSE, or null when the limit ran out first. */
    public Boolean feasible(LocationInstance instance) {
        ExpressionsBasedModel model = build(instance, List.of()).model;
        Optimisation.Result r = instance.minimising() ? model.minimise() : model.maximise();
        if (r.getState().isFeasible()) {
            return Boolean.TRUE;
        }
        return r.getState() == Optimisation.State.INFEASIBLE ? Boolean.FALSE : null;
    }

    /** One solution: the open sites, the MIP objective, how it was proved and how long it took. */
    public record Solution(boolean[] open, double objective, double lpBound, boolean optimal, double seconds) {

        /** Relative gap between the objective and the LP-relaxation bound (the root gap; 0 when they agree). */
        public double rootGap() {
            double denominator = Math.max(Math.abs(objective), 1e-12);
            return Math.abs(objective - lpBound) / denominator;
        }
    }

    /** Thrown when no layout satisfies the constraints. */
    public static final class InfeasibleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InfeasibleException(String message) {
            super(message);
        }
    }

    /** The optimum, or null when the instance is infeasible. */
    public Solution solve(LocationInstance instance) {
        List<Solution> pool = pool(instance, 1);
        return pool.isEmpty() ? null : pool.get(0);
    }

    /**
     * Up to {@code m} best distinct layouts, best first: each is the optimum of the instance with no-good cuts
     * removing the ones before it. Fewer when fewer layouts are feasible; empty when none is.
     */
    public List<Solution> pool(LocationInstance instance, int m) {
        List<Solution> found = new ArrayList<>();
        List<boolean[]> cuts = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            // A fresh model per solve: ojAlgo's presolve changes a model it has solved, so cuts are added to a
            // new build rather than to the solved one.
            Built built = build(instance, cuts);
            long start = System.nanoTime();
            Optimisation.Result result = instance.minimising() ? built.model.minimise() : built.model.maximise();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.getState().isFeasible()) {
                break;
            }
            boolean[] open = new boolean[instance.sites()];
            for (int j = 0; j < open.length; j++) {
                // The y variables are the first added, so y_j is the result's j-th value.
                open[j] = result.doubleValue(j) > 0.5;
            }
            // The LP bound certifies the optimum; later pool members are optima of cut models and need no bound.
            double lp = i == 0 ? relaxedBound(build(instance, cuts).model, instance.minimising()) : Double.NaN;
            found.add(new Solution(open, result.getValue(), lp, result.getState().isOptimal(), seconds));
            boolean anyFree = false;
            for (int j = 0; j < open.length; j++) {
                anyFree |= instance.counted()[j] && instance.fixed()[j] == 0;
            }
            if (!anyFree) {
                break; // every counted site is fixed: there is only one layout
            }
            cuts.add(open);
        }
        return found;
    }

    private static double relaxedBound(ExpressionsBasedModel model, boolean minimising) {
        ExpressionsBasedModel relaxed = model.copy();
        relaxed.relax(true);
        Optimisation.Result r = minimising ? relaxed.minimise() : relaxed.maximise();
        return r.getState().isFeasible() ? r.getValue() : Double.NaN;
    }

    private record Built(ExpressionsBasedModel model, Variable[] y) {
    }

    private Built build(LocationInstance in, List<boolean[]> cuts) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = timeLimitMillis;
        model.options.integer(IntegerStrategy.DEFAULT.withParallelism(() -> threads)
                .withGapTolerance(NumberContext.of(6)));
        int n = in.sites();
        Variable[] y = new Variable[n];
        for (int j = 0; j < n; j++) {
            y[j] = model.addVariable("y_" + in.siteIds().get(j)).binary();
            if (in.fixed()[j] > 0) {
                y[j].level(1);
            } else if (in.fixed()[j] < 0) {
                y[j].level(0);
            }
        }
        Expression k = model.addExpression("k").level(in.k());
        for (int j = 0; j < n; j++) {
            if (in.counted()[j]) {
                k.set(y[j], 1);
            }
        }
        if (in.kind() == LocationInstance.Kind.MIN_COST) {
            Expression[] load = null;
            if (in.capacity() != null) {
                load = new Expression[n];
                for (int j = 0; j < n; j++) {
                    if (in.fixed()[j] >= 0) {
                        load[j] = model.addExpression("capacity_" + j).upper(0);
                        load[j].set(y[j], -in.capacity()[j]);
                    }
                }
            }
            // Without capacity a group goes to its nearest open site. Only (free sites - free open sites) free
            // sites can be closed, so the nearest open one is among a group's nearest (that number + 1) free
            // sites: the others' assignment columns are left out (an exact reduction).
            int closable = closableFreeSites(in);
            int[][] freeRank = freeRanks(in);
            for (int g = 0; g < in.groups(); g++) {
                Expression assign = model.addExpression("assign_" + g).level(1);
                double reach = reachLimit(in, g);
                for (int j = 0; j < n; j++) {
                    if (in.fixed()[j] < 0 || in.cost()[g][j] > reach || !Double.isFinite(in.cost()[g][j])) {
                        continue;
                    }
                    if (in.capacity() == null && freeRank[g][j] > closable) {
                        continue;
                    }
                    Variable x = model.addVariable().lower(0).upper(1).weight(in.weight()[g] * in.cost()[g][j]);
                    assign.set(x, 1);
                    if (in.fixed()[j] == 0) {
                        model.addExpression().upper(0).set(x, 1).set(y[j], -1);
                    }
                    if (load != null) {
                        load[j].set(x, in.demand()[g]);
                    }
                }
            }
        } else {
            for (int g = 0; g < in.groups(); g++) {
                BitSet c = in.covers().get(g);
                if (c.isEmpty() || in.weight()[g] == 0) {
                    continue;
                }
                Variable u = model.addVariable().lower(0).upper(1).weight(in.weight()[g]);
                Expression e = model.addExpression("cover_" + g).upper(0);
                e.set(u, 1);
                for (int j = c.nextSetBit(0); j >= 0; j = c.nextSetBit(j + 1)) {
                    e.set(y[j], -1);
                }
            }
        }
        for (int i = 0; i < in.requireOne().size(); i++) {
            Expression e = model.addExpression("within_max_" + i).lower(1);
            BitSet s = in.requireOne().get(i);
            for (int j = s.nextSetBit(0); j >= 0; j = s.nextSetBit(j + 1)) {
                e.set(y[j], 1);
            }
        }
        // No-good cuts: at most (its count - 1) of each earlier layout's free counted open sites.
        for (int c = 0; c < cuts.size(); c++) {
            boolean[] layout = cuts.get(c);
            Expression cut = model.addExpression("nogood_" + c);
            int inLayout = 0;
            for (int j = 0; j < n; j++) {
                if (layout[j] && in.counted()[j] && in.fixed()[j] == 0) {
                    cut.set(y[j], 1);
                    inLayout++;
                }
            }
            cut.upper(inLayout - 1);
        }
        for (LocationInstance.SiteGroup group : in.groupsOf()) {
            Expression e = model.addExpression("network_" + group.name()).lower(group.min());
            for (int j = group.sites().nextSetBit(0); j >= 0; j = group.sites().nextSetBit(j + 1)) {
                e.set(y[j], 1);
            }
        }
        return new Built(model, y);
    }

    /** Free sites that a layout leaves closed: free sites minus the free counted sites it opens. */
    private static int closableFreeSites(LocationInstance in) {
        int free = 0;
        int fixedCounted = 0;
        for (int j = 0; j < in.sites(); j++) {
            if (in.fixed()[j] == 0) {
                free++;
            } else if (in.fixed()[j] > 0 && in.counted()[j]) {
                fixedCounted++;
            }
        }
        return free - (in.k() - fixedCounted);
    }

    /** Per group, each free site's rank (0 = nearest) among the free sites by cost; fixed sites get rank 0. */
    private static int[][] freeRanks(LocationInstance in) {
        int[][] rank = new int[in.groups()][in.sites()];
        Integer[] order = new Integer[in.sites()];
        for (int g = 0; g < in.groups(); g++) {
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            double[] c = in.cost()[g];
            java.util.Arrays.sort(order, (a, b) -> Double.compare(c[a], c[b]));
            int r = 0;
            for (int j : order) {
                if (in.fixed()[j] == 0) {
                    rank[g][j] = r++;
                }
            }
        }
        return rank;
    }

    /**
     * Without capacity, a group is never served from a site farther than its nearest always-open site, so
     * those assignment variables are left out (fewer columns, the same optimum).
     */
    private static double reachLimit(LocationInstance in, int g) {
        if (in.capacity() != null) {
            return Double.POSITIVE_INFINITY;
        }
        double limit = Double.POSITIVE_INFINITY;
        for (int j = 0; j < in.sites(); j++) {
            if (in.fixed()[j] > 0) {
                limit = Math.min(limit, in.cost()[g][j]);
            }
        }
        return limit;
    }
}
