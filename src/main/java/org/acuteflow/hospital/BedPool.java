package org.acuteflow.hospital;

import java.util.ArrayDeque;

/**
 * A pool of {@code beds} identical beds with a first-come-first-served waiting line of at most
 * {@code waitingPlaces} patients: an M/M/c/K-style station (c = beds, K = beds + waiting places) whose timing is
 * kept by the caller (the pool holds no clock and draws nothing). A patient who arrives to a free bed takes it;
 * else it joins the line if there is a place, else it is blocked (the caller decides where it goes instead).
 * When a bed frees, the longest-waiting patient takes it. A patient may also leave the line before a bed frees
 * ({@link #withdraw}), and a caller may place a patient over capacity ({@link #admitOverCapacity}: e.g. a
 * pre-alerted stroke already at the door of a full unit); beds over capacity are not handed on when they free.
 *
 * <p>Mutable; confined to one replication.
 *
 * @param <T> who occupies a bed or waits (a patient's journey)
 */
public final class BedPool<T> {
    /** What happened to an arrival. */
    public enum Admission { BED, WAITING, BLOCKED }

    private final int beds;
    private final int waitingPlaces;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int occupied;

    /**
     * @param beds          beds (servers), at least 0
     * @param waitingPlaces places in the waiting line, at least 0; {@link Integer#MAX_VALUE} for an unlimited line
     */
    public BedPool(int beds, int waitingPlaces) {
        if (beds < 0 || waitingPlaces < 0) {
            throw new IllegalArgumentException("beds and waiting places must be >= 0, got " + beds + ", " + waitingPlaces);
        }
        this.beds = beds;
        this.waitingPlaces = waitingPlaces;
    }

    /** A pool whose waiting line is unlimited (M/M/c when arrivals and stays are exponential). */
    public static <T> BedPool<T> withUnlimitedWaiting(int beds) {
        return new BedPool<>(beds, Integer.MAX_VALUE);
    }

    /** A patient arrives: a bed if one is free, else a place in the line if there is one, else blocked. */
    public Admission arrive(T who) {
        if (occupied < beds) {
            occupied++;
            return Admission.BED;
        }
        if (waiting.size() < waitingPlaces) {
            waiting.addLast(who);
            return Admission.WAITING;
        }
        return Admission.BLOCKED;
    }

    /** Takes a bed whether or not one is free (occupancy may exceed the beds). */
    public void admitOverCapacity() {
        occupied++;
    }

    /**
     * A bed frees. Returns the longest-waiting patient, who now occupies it (occupancy unchanged), or null when
     * none waits or the pool is still at or over capacity without that bed (occupancy down by one).
     */
    public T release() {
        if (occupied <= 0) {
            throw new IllegalStateException("no bed is occupied");
        }
        occupied--;
        if (occupied < beds && !waiting.isEmpty()) {
            occupied++;
            return waiting.pollFirst();
        }
        return null;
    }

    /** The patient leaves the waiting line (e.g. discharged before a bed freed); false when it was not in it. */
    public boolean withdraw(T who) {
        return waiting.remove(who);
    }

    public int beds() {
        return beds;
    }

    public int occupied() {
        return occupied;
    }

    public int waiting() {
        return waiting.size();
    }

    public boolean hasFreeBed() {
        return occupied < beds;
    }
}
