package org.acuteflow.optimise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.acuteflow.config.Problems;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkLoader;

/**
 * The whole location study: solve the MIP for every k, list the best distinct layouts at the selection k,
 * score them (and any named comparison layouts) on every zone, then let the simulation select among them with
 * the Kim-Nelson procedure on common random numbers.
 */
public final class Optimiser {

    /** One layout with its scores. */
    public record Scored(List<String> sites, double solverObjective, double zoneObjective, double lpBound,
                         boolean optimal, double solveSeconds, List<String> brokenConstraints) {
    }

    /** The optimum at one k, or why there is none. */
    public record PerK(int k, Scored best, String infeasibleBecause) {
    }

    /** A named comparison layout (e.g. the 2010 choice) scored like the pool, and simulated paired with the winner. */
    public record Comparison(String label, Scored scored, List<ReplicationResult> simulated) {
    }

    /** Everything the outputs need. */
    public record Outcome(LocationProblem problem, Network network, InstanceBuilder builder, List<PerK> perK,
                          List<Scored> pool, List<Comparison> comparisons, KimNelson.Result selection,
                          List<List<ReplicationResult>> simulated, double solveSeconds, double simulateSeconds,
                          int groups, int zones) {
        public Scored selected() {
            return selection == null ? pool.get(0) : pool.get(selection.selected());
        }
    }

    private final int threads;

    public Optimiser(int threads) {
        this.threads = threads;
    }

    /**
     * Runs the study.
     *
     * @param simulate  false to stop after the static scores (no simulation)
     * @param seed      base seed of the simulation
     * @param progress  called with the number of replications done so far
     */
    public Outcome run(LocationProblem problem, ModelFactory factory, boolean simulate, long seed, IntConsumer progress) {
        Network network = NetworkLoader.load(problem.networkDir(), problem.baseConfiguration());
        InstanceBuilder builder = new InstanceBuilder(problem, network);
        MipSolver solver = new MipSolver(threads);
        long start = System.nanoTime();
        List<PerK> perK = new ArrayList<>();
        int groups = 0;
        for (int k = problem.kMin(); k <= problem.kMax(); k++) {
            LocationInstance inst = builder.solverInstance(k);
            groups = inst.groups();
            String proof = countingProof(inst);
            // An infeasible LP relaxation proves infeasibility at once; branch and bound may take long to.
            boolean hopeless = proof != null || !solver.relaxationFeasible(inst);
            MipSolver.Solution s = hopeless ? null : solver.solve(inst);
            if (s == null) {
                perK.add(new PerK(k, null, diagnose(solver, inst)));
            } else {
                perK.add(new PerK(k, score(builder, k, s), null));
            }
        }
        int selK = problem.selection().k();
        LocationInstance selInstance = builder.solverInstance(selK);
        PerK atSel = perK.get(selK - problem.kMin());
        if (atSel.best() == null) {
            Problems p = problem.sources().problems();
            p.add(atSel.infeasibleBecause().startsWith("constraints") ? atSel.infeasibleBecause().split(":")[0]
                            : atSel.infeasibleBecause().startsWith("the constraints") ? "constraints" : "k",
                    "no layout of " + selK + " units satisfies the constraints: " + atSel.infeasibleBecause());
            p.throwIfAny();
        }
        List<Scored> pool = new ArrayList<>();
        for (MipSolver.Solution s : solver.pool(selInstance, problem.pool())) {
            pool.add(score(builder, selK, s));
        }
        double solveSeconds = (System.nanoTime() - start) / 1e9;

        List<List<String>> layouts = new ArrayList<>();
        pool.forEach(s -> layouts.add(s.sites()));
        Map<String, Scored> compared = new LinkedHashMap<>();
        problem.compare().forEach((label, sites) -> compared.put(label, scoreLayout(builder, sites)));
        List<List<String>> all = new ArrayList<>(layouts);
        compared.values().forEach(c -> all.add(c.sites()));

        KimNelson.Result selection = null;
        List<List<ReplicationResult>> simulated = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        double simulateSeconds = 0;
        if (simulate) {
            long simStart = System.nanoTime();
            try (LayoutSimulator sim = new LayoutSimulator(problem, all, network, factory, threads, seed, progress)) {
                LocationProblem.Selection sel = problem.selection();
                KimNelson kn = new KimNelson(sel.indifference(), sel.probability(), sel.firstStage(),
                        sel.maxReplications());
                selection = kn.select(pool.size(), sim::sample);
                for (int i = 0; i < pool.size(); i++) {
                    simulated.add(sim.results(i));
                }
                // Comparison layouts: as many replications as the selected layout, the same substreams (paired).
                int n = selection.replications()[selection.selected()];
                int c = pool.size();
                for (Map.Entry<String, Scored> e : compared.entrySet()) {
                    comparisons.add(new Comparison(e.getKey(), e.getValue(), sim.ensure(c++, n)));
                }
            }
            simulateSeconds = (System.nanoTime() - simStart) / 1e9;
        } else {
            compared.forEach((label, s) -> comparisons.add(new Comparison(label, s, List.of())));
        }
        return new Outcome(problem, network, builder, perK, pool, comparisons, selection, simulated, solveSeconds,
                simulateSeconds, groups, network.zones().size());
    }

    /**
     * Which constraint families, dropped one at a time, make the instance feasible. Counting arguments first
     * (units the provider networks need, capacity of the largest units), then the LP relaxation (infeasible:
     * a proof), then a time-limited branch and bound.
     */
    static String diagnose(MipSolver solver, LocationInstance inst) {
        String counted = countingProof(inst);
        if (counted != null) {
            return counted;
        }
        MipSolver quick = new MipSolver(1, 30_000);
        List<String> binding = new ArrayList<>();
        List<String> possibly = new ArrayList<>();
        for (LocationInstance.Constraint c : inst.constraintsInForce()) {
            LocationInstance relaxed = inst.without(c);
            if (countingProof(relaxed) != null || !quick.relaxationFeasible(relaxed)) {
                continue;
            }
            Boolean ok = quick.feasible(relaxed);
            if (ok == null) {
                possibly.add(c.field());
            } else if (ok) {
                binding.add(c.field());
            }
        }
        if (!binding.isEmpty()) {
            return binding.get(0) + ": infeasible with k = " + inst.k() + " (dropping "
                    + String.join(" or dropping ", binding) + " makes it feasible)";
        }
        if (!possibly.isEmpty()) {
            return possibly.get(0) + ": infeasible with k = " + inst.k() + " (dropping "
                    + String.join(" or ", possibly) + " may make it feasible; not proved within 30 s)";
        }
        return inst.constraintsInForce().isEmpty() ? "k: no layout of " + inst.k() + " units exists"
                : "the constraints " + inst.constraintsInForce().stream().map(LocationInstance.Constraint::field)
                .toList() + " together, with k = " + inst.k() + " (no single one of them dropped makes it feasible)";
    }

    /** A counting proof of infeasibility for provider-network minimums or capacity, or null when there is none. */
    static String countingProof(LocationInstance in) {
        int freeOpen = in.k();
        for (int j = 0; j < in.sites(); j++) {
            if (in.fixed()[j] > 0 && in.counted()[j]) {
                freeOpen--;
            }
        }
        int needed = 0;
        for (LocationInstance.SiteGroup g : in.groupsOf()) {
            int fixedOpen = 0;
            int free = 0;
            for (int j = g.sites().nextSetBit(0); j >= 0; j = g.sites().nextSetBit(j + 1)) {
                if (in.fixed()[j] > 0) {
                    fixedOpen++;
                } else if (in.fixed()[j] == 0) {
                    free++;
                }
            }
            int short_ = Math.max(0, g.min() - fixedOpen);
            if (short_ > free) {
                return LocationInstance.Constraint.PROVIDER_NETWORKS.field() + ": network '" + g.name() + "' has "
                        + (fixedOpen + free) + " possible units, fewer than the minimum " + g.min();
            }
            needed += short_;
        }
        if (needed > freeOpen) {
            return LocationInstance.Constraint.PROVIDER_NETWORKS.field() + ": the networks need " + needed
                    + " more units than the always-open ones, but k = " + in.k() + " leaves " + freeOpen;
        }
        if (in.capacity() != null) {
            double demand = 0;
            for (double d : in.demand()) {
                demand += d;
            }
            double fixedCap = 0;
            List<Double> free = new ArrayList<>();
            for (int j = 0; j < in.sites(); j++) {
                if (in.fixed()[j] > 0) {
                    fixedCap += in.capacity()[j];
                } else if (in.fixed()[j] == 0) {
                    free.add(in.capacity()[j]);
                }
            }
            free.sort(java.util.Comparator.reverseOrder());
            double best = fixedCap;
            for (int i = 0; i < Math.min(freeOpen, free.size()); i++) {
                best += free.get(i);
            }
            if (best < demand) {
                return LocationInstance.Constraint.CAPACITY.field() + String.format(java.util.Locale.ROOT,
                        ": demand of %.0f patients a year exceeds the %.0f that the largest %d units can take",
                        demand, best, in.k());
            }
        }
        return null;
    }

    private static Scored score(InstanceBuilder builder, int k, MipSolver.Solution s) {
        LocationInstance zones = builder.zoneInstance(k);
        List<String> sites = new ArrayList<>();
        for (int j = 0; j < s.open().length; j++) {
            if (s.open()[j] && zones.counted()[j]) {
                sites.add(zones.siteIds().get(j));
            }
        }
        return new Scored(sites, s.objective(), zones.evaluate(s.open()), s.lpBound(), s.optimal(), s.seconds(),
                broken(zones, s.open()));
    }

    /** A named layout's zone-level score and the constraints it breaks. */
    static Scored scoreLayout(InstanceBuilder builder, List<String> sites) {
        LocationInstance zones = builder.zoneInstance(sites.size());
        boolean[] open = new boolean[zones.sites()];
        for (int j = 0; j < open.length; j++) {
            open[j] = !zones.counted()[j] || sites.contains(zones.siteIds().get(j));
        }
        // A comparison site that is not a candidate is still open in that layout.
        List<String> extra = new ArrayList<>(sites);
        extra.removeAll(zones.siteIds());
        return new Scored(List.copyOf(sites), Double.NaN, extra.isEmpty() ? zones.evaluate(open) : Double.NaN,
                Double.NaN, false, 0, broken(zones, open));
    }

    private static List<String> broken(LocationInstance zones, boolean[] open) {
        List<String> out = new ArrayList<>();
        for (LocationInstance.Constraint c : zones.constraintsInForce()) {
            LocationInstance only = zones;
            for (LocationInstance.Constraint other : zones.constraintsInForce()) {
                if (other != c) {
                    only = only.without(other);
                }
            }
            if (c == LocationInstance.Constraint.CAPACITY) {
                // Capacity with nearest-unit assignment: each unit's nearest-zone demand within its capacity.
                if (!nearestWithinCapacity(zones, open)) {
                    out.add(c.field() + " (nearest-unit demand)");
                }
            } else if (!only.admissible(open)) {
                out.add(c.field());
            }
        }
        return out;
    }

    private static boolean nearestWithinCapacity(LocationInstance z, boolean[] open) {
        double[] load = new double[z.sites()];
        for (int g = 0; g < z.groups(); g++) {
            int best = -1;
            for (int j = 0; j < z.sites(); j++) {
                if (open[j] && (best < 0 || z.cost()[g][j] < z.cost()[g][best])) {
                    best = j;
                }
            }
            if (best >= 0) {
                load[best] += z.demand()[g];
            }
        }
        for (int j = 0; j < z.sites(); j++) {
            if (open[j] && load[j] > z.capacity()[j] + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
