package org.acuteflow.optimise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fully sequential indifference-zone selection procedure KN of Kim and Nelson (2001, "A fully sequential
 * procedure for indifference-zone selection in simulation", ACM TOMACS 11(3):251-273), for the smallest mean,
 * with common random numbers: replication r of every system uses the same random numbers, and the procedure
 * works on the variances of pairwise differences, so CRN's positive correlation shrinks the replications needed.
 *
 * <p>With n0 first-stage replications of each of k systems, eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2,
 * h^2 = 2 eta (n0 - 1) and S^2_il the first-stage variance of X_i - X_l, the procedure adds one replication
 * of every surviving system per stage and, at stage r, eliminates system i when its mean exceeds some
 * survivor l's by more than W_il(r) = max(0, (delta / (2 r)) (h^2 S^2_il / delta^2 - r)). When one system
 * survives, or when r exceeds every pair's N_il = floor(h^2 S^2_il / delta^2) (after which W is 0), the survivor
 * with the smallest mean is selected. If the true best is at least delta better than every other system, it is
 * selected with probability at least 1 - alpha (normal outputs; Kim and Nelson's Theorem 1).
 *
 * <p>Replications come from a {@link Sampler}; a stage's replications are requested together, so the sampler
 * may run them in parallel. The procedure itself is deterministic given the samples.
 */
public final class KimNelson {

    /** Outputs of systems: {@code sample(systems, r)} returns replication r of each listed system. */
    public interface Sampler {
        double[] sample(int[] systems, int replication);
    }

    /**
     * The outcome.
     *
     * @param selected      index of the selected system
     * @param replications  replications taken of each system
     * @param eliminatedAt  stage (replication count) at which each system was eliminated; 0 for the selected one
     * @param means         each system's mean over its replications
     * @param capped        true when the replication cap stopped the procedure before it finished (the
     *                      probability guarantee then does not hold)
     * @param outputs       every output taken, [system][replication]
     */
    public record Result(int selected, int[] replications, int[] eliminatedAt, double[] means, boolean capped,
                         double[][] outputs) {
        public int totalReplications() {
            return Arrays.stream(replications).sum();
        }
    }

    private final double delta;
    private final double alpha;
    private final int n0;
    private final int maxReplications;

    /**
     * @param delta           indifference zone (a difference smaller than this is not worth detecting)
     * @param probability     probability of correct selection 1 - alpha
     * @param n0              first-stage replications (>= 2)
     * @param maxReplications cap on replications per system
     */
    public KimNelson(double delta, double probability, int n0, int maxReplications) {
        if (n0 < 2 || delta <= 0 || probability <= 0 || probability >= 1 || maxReplications < n0) {
            throw new IllegalArgumentException("KN needs n0 >= 2, delta > 0, 0 < probability < 1, cap >= n0");
        }
        this.delta = delta;
        this.alpha = 1 - probability;
        this.n0 = n0;
        this.maxReplications = maxReplications;
    }

    /** h^2 of the procedure for k systems. */
    public double hSquared(int k) {
        double eta = 0.5 * (Math.pow(2 * alpha / (k - 1), -2.0 / (n0 - 1)) - 1);
        return 2 * eta * (n0 - 1);
    }

    public Result select(int k, Sampler sampler) {
        double[][] x = new double[k][maxReplications];
        int[] reps = new int[k];
        int[] eliminated = new int[k];
        if (k == 1) {
            for (int r = 0; r < n0; r++) {
                x[0][r] = sampler.sample(new int[] {0}, r)[0];
            }
            return result(0, new int[] {n0}, eliminated, x, false);
        }
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = i;
        }
        for (int r = 0; r < n0; r++) {
            store(x, all, r, sampler.sample(all, r));
        }
        Arrays.fill(reps, n0);
        double h2 = hSquared(k);
        double[][] s2 = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int l = i + 1; l < k; l++) {
                double mean = 0;
                for (int r = 0; r < n0; r++) {
                    mean += x[i][r] - x[l][r];
                }
                mean /= n0;
                double ss = 0;
                for (int r = 0; r < n0; r++) {
                    double d = x[i][r] - x[l][r] - mean;
                    ss += d * d;
                }
                s2[i][l] = s2[l][i] = ss / (n0 - 1);
            }
        }
        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            survivors.add(i);
        }
        int r = n0;
        boolean capped = false;
        while (true) {
            // Screening at stage r.
            double[] mean = new double[k];
            for (int i : survivors) {
                mean[i] = mean(x[i], r);
            }
            List<Integer> next = new ArrayList<>();
            for (int i : survivors) {
                boolean out = false;
                for (int l : survivors) {
                    if (l != i && mean[i] > mean[l] + w(h2, s2[i][l], r)) {
                        out = true;
                        break;
                    }
                }
                if (out) {
                    eliminated[i] = r;
                } else {
                    next.add(i);
                }
            }
            survivors = next;
            if (survivors.size() == 1) {
                break;
            }
            if (r > stageLimit(h2, s2, survivors)) {
                break; // every W is 0 from here: the smallest mean wins
            }
            if (r >= maxReplications) {
                capped = true;
                break;
            }
            int[] alive = survivors.stream().mapToInt(Integer::intValue).toArray();
            store(x, alive, r, sampler.sample(alive, r));
            for (int i : alive) {
                reps[i] = r + 1;
            }
            r++;
        }
        int best = survivors.get(0);
        for (int i : survivors) {
            if (mean(x[i], r) < mean(x[best], r)) {
                best = i;
            }
        }
        for (int i : survivors) {
            if (i != best && eliminated[i] == 0) {
                eliminated[i] = r;
            }
        }
        eliminated[best] = 0;
        return result(best, reps, eliminated, x, capped);
    }

    private double w(double h2, double s2, int r) {
        return Math.max(0, delta / (2.0 * r) * (h2 * s2 / (delta * delta) - r));
    }

    private double stageLimit(double h2, double[][] s2, List<Integer> survivors) {
        double n = 0;
        for (int i : survivors) {
            for (int l : survivors) {
                if (i != l) {
                    n = Math.max(n, Math.floor(h2 * s2[i][l] / (delta * delta)));
                }
            }
        }
        return n;
    }

    private static void store(double[][] x, int[] systems, int r, double[] values) {
        for (int i = 0; i < systems.length; i++) {
            x[systems[i]][r] = values[i];
        }
    }

    private static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    private static Result result(int best, int[] reps, int[] eliminated, double[][] x, boolean capped) {
        double[] means = new double[x.length];
        double[][] outputs = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            means[i] = mean(x[i], reps[i]);
            outputs[i] = Arrays.copyOf(x[i], reps[i]);
        }
        return new Result(best, reps, eliminated, means, capped, outputs);
    }
}
