package org.acuteflow.pathway.emergency;

import org.acuteflow.hospital.BedPool;

/**
 * Emergency admissions at each site: the site's emergency bed pool ({@link BedPool}, first come first served,
 * unlimited line: patients waiting for a bed stay in the emergency department) and the tallies of the counted
 * admissions: time from the decision to admit to a bed (boarding), and time from arrival to a bed. The caller
 * keeps the clock: it says when a patient is ready for a bed and when a bed frees.
 *
 * <p>Mutable; confined to one replication.
 *
 * @param <T> who waits for a bed (a patient's journey)
 */
final class Admissions<T> {
    /** The 4-hour standard: arrival to leaving the emergency department. */
    static final double FOUR_HOURS = 240;

    private final BedPool<T>[] pools;
    private final long[] admitted;
    private final double[] boardingSum;
    private final long[] boardedOver4h;
    private final long[] edOver4h;

    /** @param beds per site, the beds of its pool */
    @SuppressWarnings("unchecked")
    Admissions(int[] beds) {
        int n = beds.length;
        pools = new BedPool[n];
        for (int s = 0; s < n; s++) {
            pools[s] = BedPool.withUnlimitedWaiting(beds[s]);
        }
        admitted = new long[n];
        boardingSum = new double[n];
        boardedOver4h = new long[n];
        edOver4h = new long[n];
    }

    /** {@code who} is ready for a bed at {@code site}: true when it takes one now, false when it waits in line. */
    boolean ready(int site, T who) {
        return pools[site].arrive(who) == BedPool.Admission.BED;
    }

    /** A bed at {@code site} frees: the longest-waiting patient, who now has it, or null when none waits. */
    T bedFreed(int site) {
        return pools[site].release();
    }

    /**
     * A counted patient took its bed at {@code site} {@code boardingMinutes} after the decision to admit and
     * {@code edMinutes} after arriving in the emergency department.
     */
    void record(int site, double boardingMinutes, double edMinutes) {
        admitted[site]++;
        boardingSum[site] += boardingMinutes;
        if (boardingMinutes > FOUR_HOURS) {
            boardedOver4h[site]++;
        }
        if (edMinutes > FOUR_HOURS) {
            edOver4h[site]++;
        }
    }

    int sites() {
        return pools.length;
    }

    int beds(int site) {
        return pools[site].beds();
    }

    /** Patients waiting for a bed at {@code site} now. */
    int boarding(int site) {
        return pools[site].waiting();
    }

    long admitted(int site) {
        return admitted[site];
    }

    /** Mean minutes from the decision to admit to a bed of the counted admissions at {@code site}; NaN with none. */
    double boardingMinutesMean(int site) {
        return admitted[site] > 0 ? boardingSum[site] / admitted[site] : Double.NaN;
    }

    /** The same over every site. */
    double boardingMinutesMean() {
        double sum = 0;
        long n = 0;
        for (int s = 0; s < pools.length; s++) {
            sum += boardingSum[s];
            n += admitted[s];
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** Share of the counted admissions at {@code site} that waited more than 4 hours for a bed; NaN with none. */
    double boardedOver4hShare(int site) {
        return admitted[site] > 0 ? boardedOver4h[site] / (double) admitted[site] : Double.NaN;
    }

    /** Share of the counted admissions at {@code site} more than 4 hours in the department; NaN with none. */
    double edOver4hShare(int site) {
        return admitted[site] > 0 ? edOver4h[site] / (double) admitted[site] : Double.NaN;
    }

    /** The two shares over every site: {boarded over 4 h, in the department over 4 h}; NaN with none. */
    double[] over4hShares() {
        long n = 0;
        long b = 0;
        long e = 0;
        for (int s = 0; s < pools.length; s++) {
            n += admitted[s];
            b += boardedOver4h[s];
            e += edOver4h[s];
        }
        return n > 0 ? new double[] {b / (double) n, e / (double) n} : new double[] {Double.NaN, Double.NaN};
    }
}
