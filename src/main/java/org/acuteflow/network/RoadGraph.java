package org.acuteflow.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.TreeSingleSourcePathsImpl;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * An undirected road graph over integer nodes (0..n-1) whose edges carry a Dijkstra weight and a length in km.
 * The weight is minutes for graphs with timed edges, or km for graphs whose trips are timed by a
 * {@link TripCurve}. Built once per network and read-only afterwards (JGraphT graphs are safe for concurrent
 * reads), so it may be shared by threads.
 */
public final class RoadGraph {
    /** An edge: its Dijkstra weight lives in the graph; its length in km here. */
    public static final class RoadEdge extends DefaultWeightedEdge {
        private static final long serialVersionUID = 1L;
        private final double km;

        RoadEdge(double km) {
            this.km = km;
        }

        public double km() {
            return km;
        }
    }

    /** Shortest-path results from one source: weight and km along the chosen path, per node (infinite if unreachable). */
    public record Paths(double[] weight, double[] km) {
    }

    private final int nodes;
    private final Graph<Integer, RoadEdge> graph;

    private RoadGraph(int nodes, Graph<Integer, RoadEdge> graph) {
        this.nodes = nodes;
        this.graph = graph;
    }

    /** Collects edges and builds a graph. Not thread-safe; use on one thread then {@link #build()}. */
    public static final class Builder {
        private final int nodes;
        private final SimpleWeightedGraph<Integer, RoadEdge> g = new SimpleWeightedGraph<>(RoadEdge.class);

        public Builder(int nodes) {
            this.nodes = nodes;
            for (int i = 0; i < nodes; i++) {
                g.addVertex(i);
            }
        }

        /** Adds an edge; returns false (and changes nothing) for a self-loop or an edge already present. */
        public boolean add(int from, int to, double weight, double km) {
            if (from == to || g.containsEdge(from, to)) {
                return false;
            }
            RoadEdge e = new RoadEdge(km);
            g.addEdge(from, to, e);
            g.setEdgeWeight(e, weight);
            return true;
        }

        public RoadGraph build() {
            return new RoadGraph(nodes, g);
        }
    }

    public int nodeCount() {
        return nodes;
    }

    public int edgeCount() {
        return graph.edgeSet().size();
    }

    /** Connected components, largest first, each as sorted node indices. */
    public List<int[]> components() {
        List<Set<Integer>> sets = new ConnectivityInspector<>(graph).connectedSets();
        List<int[]> out = new ArrayList<>();
        for (Set<Integer> s : sets) {
            int[] a = s.stream().mapToInt(Integer::intValue).sorted().toArray();
            out.add(a);
        }
        out.sort(Comparator.comparingInt((int[] a) -> -a.length).thenComparingInt(a -> a[0]));
        return out;
    }

    /**
     * Dijkstra (JGraphT) from {@code source} to every node; km is summed along the same shortest-weight tree,
     * so it is the length of the path actually chosen, not the shortest length.
     */
    public Paths from(int source) {
        ShortestPathAlgorithm.SingleSourcePaths<Integer, RoadEdge> paths = new DijkstraShortestPath<>(graph).getPaths(source);
        double[] weight = new double[nodes];
        double[] km = new double[nodes];
        Arrays.fill(weight, Double.POSITIVE_INFINITY);
        Arrays.fill(km, Double.POSITIVE_INFINITY);
        if (paths instanceof TreeSingleSourcePathsImpl<Integer, RoadEdge> tree) {
            Map<Integer, Pair<Double, RoadEdge>> map = tree.getDistanceAndPredecessorMap();
            for (Map.Entry<Integer, Pair<Double, RoadEdge>> e : map.entrySet()) {
                weight[e.getKey()] = e.getValue().getFirst();
            }
            weight[source] = 0;
            km[source] = 0;
            for (Integer v : map.keySet()) {
                kmOf(v, map, km);
            }
        } else {
            for (int v = 0; v < nodes; v++) {
                var p = paths.getPath(v);
                if (p != null) {
                    weight[v] = p.getWeight();
                    km[v] = p.getEdgeList().stream().mapToDouble(RoadEdge::km).sum();
                }
            }
        }
        return new Paths(weight, km);
    }

    private double kmOf(int v, Map<Integer, Pair<Double, RoadEdge>> map, double[] km) {
        if (Double.isFinite(km[v])) {
            return km[v];
        }
        // Iterative walk up the tree to the first node with a known km, then back down.
        List<Integer> chain = new ArrayList<>();
        int u = v;
        while (!Double.isFinite(km[u])) {
            chain.add(u);
            RoadEdge e = map.get(u).getSecond();
            u = graph.getEdgeSource(e) == u ? graph.getEdgeTarget(e) : graph.getEdgeSource(e);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            int w = chain.get(i);
            RoadEdge e = map.get(w).getSecond();
            int prev = graph.getEdgeSource(e) == w ? graph.getEdgeTarget(e) : graph.getEdgeSource(e);
            km[w] = km[prev] + e.km();
        }
        return km[v];
    }
}
