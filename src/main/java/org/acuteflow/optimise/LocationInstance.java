package org.acuteflow.optimise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A facility-location instance as the solver sees it, independent of any network: demand groups, sites, what
 * each group pays (or gains) at each site, and the side constraints. Immutable.
 *
 * <p>Two kinds of objective share one instance shape: {@link Kind#MIN_COST} (p-median and the linear
 * outcome approximation: every group is served by one open site and pays {@code weight x cost}) and
 * {@link Kind#MAX_COVER} (maximal covering: a group counts its weight when any open site covers it).
 *
 * @param kind        objective kind
 * @param siteIds     the sites, in solver order
 * @param fixed       per site: +1 always open, -1 always closed, 0 the solver decides
 * @param counted     per site: counts towards {@code k} (the candidate sites)
 * @param k           number of counted sites that are open
 * @param weight      per group: objective weight (demand of the objective's kind)
 * @param demand      per group: patients per year, for capacity constraints (may equal weight)
 * @param cost        [group][site]: cost per unit of weight of serving the group from the site (MIN_COST)
 * @param covers      per group: the sites that cover it (MAX_COVER); null for MIN_COST
 * @param capacity    per site: patients per year it can take, or null for no capacity constraint
 * @param requireOne  site sets of which at least one must be open (every zone within the maximum time)
 * @param groupsOf    site groups with a minimum number of open sites (provider networks)
 */
public record LocationInstance(Kind kind, List<String> siteIds, int[] fixed, boolean[] counted, int k,
                               double[] weight, double[] demand, double[][] cost, List<BitSet> covers,
                               double[] capacity, List<BitSet> requireOne, List<SiteGroup> groupsOf) {

    public enum Kind {
        MIN_COST,
        MAX_COVER
    }

    /** A named set of sites that must hold at least {@code min} open sites. */
    public record SiteGroup(String name, BitSet sites, int min) {
    }

    public LocationInstance {
        siteIds = List.copyOf(siteIds);
        requireOne = List.copyOf(requireOne);
        groupsOf = List.copyOf(groupsOf);
        Objects.requireNonNull(kind);
        if (kind == Kind.MIN_COST && cost == null || kind == Kind.MAX_COVER && covers == null) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.MIN_COST ? "costs" : "covers"));
        }
    }

    public int sites() {
        return siteIds.size();
    }

    public int groups() {
        return weight.length;
    }

    public LocationInstance withK(int newK) {
        return new LocationInstance(kind, siteIds, fixed, counted, newK, weight, demand, cost, covers, capacity,
                requireOne, groupsOf);
    }

    /** The same instance without the named constraint family (to find which one makes a problem infeasible). */
    public LocationInstance without(Constraint c) {
        return new LocationInstance(kind, siteIds, fixed, counted, k, weight, demand, cost, covers,
                c == Constraint.CAPACITY ? null : capacity,
                c == Constraint.MAX_MINUTES ? List.of() : requireOne,
                c == Constraint.PROVIDER_NETWORKS ? List.of() : groupsOf);
    }

    /** The side-constraint families, named as in problem files. */
    public enum Constraint {
        CAPACITY("constraints.capacity"),
        MAX_MINUTES("constraints.max_minutes"),
        PROVIDER_NETWORKS("constraints.per_provider_network");

        private final String field;

        Constraint(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public List<Constraint> constraintsInForce() {
        List<Constraint> in = new ArrayList<>();
        if (capacity != null) {
            in.add(Constraint.CAPACITY);
        }
        if (!requireOne.isEmpty()) {
            in.add(Constraint.MAX_MINUTES);
        }
        if (!groupsOf.isEmpty()) {
            in.add(Constraint.PROVIDER_NETWORKS);
        }
        return in;
    }

    /** Whether a layout respects the fixed sites, k, the maximum time and the provider networks (not capacity). */
    public boolean admissible(boolean[] open) {
        int n = 0;
        for (int j = 0; j < sites(); j++) {
            if (fixed[j] > 0 && !open[j] || fixed[j] < 0 && open[j]) {
                return false;
            }
            if (counted[j] && open[j]) {
                n++;
            }
        }
        if (n != k) {
            return false;
        }
        for (BitSet s : requireOne) {
            if (!anyOpen(s, open)) {
                return false;
            }
        }
        for (SiteGroup g : groupsOf) {
            int m = 0;
            for (int j = g.sites().nextSetBit(0); j >= 0; j = g.sites().nextSetBit(j + 1)) {
                if (open[j]) {
                    m++;
                }
            }
            if (m < g.min()) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyOpen(BitSet s, boolean[] open) {
        for (int j = s.nextSetBit(0); j >= 0; j = s.nextSetBit(j + 1)) {
            if (open[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The objective of a layout when every group goes to its best open site (nearest for MIN_COST; covered or
     * not for MAX_COVER), ignoring capacity: what the simulation's nearest-site routing does. NaN when a
     * MIN_COST group has no open site.
     */
    public double evaluate(boolean[] open) {
        double total = 0;
        for (int g = 0; g < groups(); g++) {
            if (kind == Kind.MAX_COVER) {
                if (anyOpen(covers.get(g), open)) {
                    total += weight[g];
                }
            } else {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < sites(); j++) {
                    if (open[j] && cost[g][j] < best) {
                        best = cost[g][j];
                    }
                }
                if (best == Double.POSITIVE_INFINITY) {
                    return Double.NaN;
                }
                total += weight[g] * best;
            }
        }
        return total;
    }

    /** Total weight of all groups (to turn totals into means or shares). */
    public double totalWeight() {
        double w = 0;
        for (double x : weight) {
            w += x;
        }
        return w;
    }

    /** True when lower objective values are better. */
    public boolean minimising() {
        return kind == Kind.MIN_COST;
    }
}
