package org.acuteflow.config;

import org.acuteflow.sim.WeekTime;
/**
 * How long and how often to simulate.
 *
 * @param days          simulated days of statistics collection, after warm-up
 * @param warmupDays    simulated days discarded first, so beds and fleet reach steady state
 * @param replications  independent replications per scenario (substream r of every stream for replication r)
 * @param seed          base seed of every random stream
 * @param threads       worker threads; 0 means one per available core
 * @param psaDraws      coefficient sets drawn for probabilistic sensitivity analysis (output {@code psa})
 */
public record RunControl(double days, double warmupDays, int replications, long seed, int threads, int psaDraws) {

    public static final int MAX_REPLICATIONS = 100_000;
    /** PSA draws when the experiment file does not say. */
    public static final int DEFAULT_PSA_DRAWS = 1000;
    public static final int MAX_PSA_DRAWS = 100_000;

    public RunControl(double days, double warmupDays, int replications, long seed, int threads) {
        this(days, warmupDays, replications, seed, threads, DEFAULT_PSA_DRAWS);
    }

    /** Adds a problem for each value out of range; {@code path} "" names the fields bare (days, seed...). */
    public void check(Problems p, String path) {
        validate(p, path);
    }

    void validate(Problems p, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        p.inRange(prefix + "days", days, 1.0 / 24, 36_500);
        p.inRange(prefix + "warmup_days", warmupDays, 0, 36_500);
        p.inRange(prefix + "replications", replications, 1, MAX_REPLICATIONS);
        p.inRange(prefix + "threads", threads, 0, 1024);
        p.inRange(prefix + "psa_draws", psaDraws, 1, MAX_PSA_DRAWS);
    }

    public double warmupMinutes() {
        return warmupDays * WeekTime.MINUTES_PER_DAY;
    }

    public double endMinutes() {
        return (warmupDays + days) * WeekTime.MINUTES_PER_DAY;
    }

    /** Years of simulated time over which statistics are collected (365-day years). */
    public double years() {
        return days / 365.0;
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public RunControl withReplications(int n) {
        return new RunControl(days, warmupDays, n, seed, threads, psaDraws);
    }

    public RunControl withThreads(int n) {
        return new RunControl(days, warmupDays, replications, seed, n, psaDraws);
    }

    public RunControl withSeed(long s) {
        return new RunControl(days, warmupDays, replications, s, threads, psaDraws);
    }

    public RunControl withPsaDraws(int n) {
        return new RunControl(days, warmupDays, replications, seed, threads, n);
    }

    public RunControl withDays(double d, double warmup) {
        return new RunControl(d, warmup, replications, seed, threads, psaDraws);
    }
}
