package org.acuteflow.ems;

import java.util.ArrayDeque;

/**
 * Calls waiting for a free ambulance: Category A first, then first come, first served within a priority.
 * Mutable; confined to one replication.
 *
 * @param <T> what is queued (a patient's journey)
 */
public final class CallQueue<T> {
    private final ArrayDeque<T> categoryA = new ArrayDeque<>();
    private final ArrayDeque<T> other = new ArrayDeque<>();

    public void add(T call, boolean isCategoryA) {
        (isCategoryA ? categoryA : other).addLast(call);
    }

    /** The next call to serve, or null when none waits. */
    public T poll() {
        T p = categoryA.pollFirst();
        return p != null ? p : other.pollFirst();
    }

    public boolean isEmpty() {
        return categoryA.isEmpty() && other.isEmpty();
    }

    public int size() {
        return categoryA.size() + other.size();
    }
}
