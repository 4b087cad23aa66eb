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
            MipSolver.Solution s = solver.solve(inst);
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
            p.add(atSel.infeasibleBecause().startsWith("constraints") ? atSel.infeasibleBecause().split(":")[0] : "k",
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

    /** Which constraint families, dropped one at a time, make the instance feasible. */
    static String diagnose(MipSolver solver, LocationInstance inst) {
        List<String> binding = new ArrayList<>();
        for (LocationInstance.Constraint c : inst.constraintsInForce()) {
            if (solver.solve(inst.without(c)) != null) {
                binding.add(c.field());
            }
        }
        if (binding.isEmpty()) {
            return inst.constraintsInForce().isEmpty() ? "k exceeds the sites that can be open"
                    : "the constraints " + inst.constraintsInForce().stream().map(LocationInstance.Constraint::field)
                    .toList() + " together (no single one of them dropped makes it feasible)";
        }
        return binding.get(0) + ": infeasible with this k (dropping " + String.join(" or dropping ", binding)
                + " makes it feasible)";
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
