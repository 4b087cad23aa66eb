package org.acuteflow.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the simulation
 * event set problem", Communications of the ACM 31(10), 1988) behind SSJ's {@link EventList} interface.
 *
 * <p>Why: the event list was the largest single cost of the London model with SSJ's lists (a third of the time
 * with {@code Henriksen}), and every tree or heap pays a logarithmic, branch-heavy search per event. A calendar
 * spreads pending events over a ring of buckets, each one time-slice wide, so that adding and taking the next
 * event touch one or two short lists whatever the number of pending events (docs/performance.md).
 *
 * <p>Order is exactly SSJ's: by time, then priority, then the order of adding (an event goes after every
 * pending event with the same time and priority), so switching from another SSJ list changes speed, never results.
 *
 * <p>How it works: an event at time {@code t} belongs to the <em>virtual bucket</em> {@code floor(t / width)},
 * stored in ring slot {@code virtual mod buckets}, in a list sorted by (time, priority, arrival). Taking the next
 * event looks at the slot of the current virtual bucket and takes its head if the head belongs to that virtual
 * bucket (a later "year" of the ring may share the slot); otherwise it moves to the next virtual bucket. No
 * pending event ever belongs to a virtual bucket before the current one, so the first head found is the minimum.
 * Comparing integer bucket numbers, never floating-point bucket boundaries, keeps adding and taking consistent.
 * After a whole turn of the ring without finding an event (a sparse, far future), the minimum is searched
 * directly. The ring doubles or halves when the number of pending events passes twice or half the number of
 * buckets, and the width is then re-estimated as three times the mean gap between recently taken events
 * (Brown's rule), so the queue adapts to any time scale.
 *
 * <p>Iteration ({@link #listIterator()}, {@link #iterator()}) walks a snapshot in event order and does not
 * support changes through the iterator. Not thread-safe, as no SSJ list is: one per {@code Simulator}.
 */
public final class CalendarEventList implements EventList {
    private static final int MIN_BUCKETS = 16;
    /** Gaps between taken events kept for the width estimate (a power of two). */
    private static final int GAP_SAMPLES = 64;

    /** A pending event; times are copied in so that searching a bucket does not touch the events. */
    private static final class Node {
        Event event;
        double time;
        double priority;
        Node next;
    }

    private Node[] buckets = new Node[MIN_BUCKETS];
    private int mask = MIN_BUCKETS - 1;
    private double width = 1.0;
    private double inverseWidth = 1.0;
    /** The virtual bucket being emptied; no pending event belongs to an earlier one. */
    private long current;
    private int size;
    /** Recycled nodes, so that a long run does not allocate one per event; at most {@link #MAX_FREE} kept. */
    private Node free;
    private int freeCount;
    private static final int MAX_FREE = 1 << 16;

    private final double[] gaps = new double[GAP_SAMPLES];
    private int gapCount;
    private double lastTakenTime = Double.NaN;

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        buckets = new Node[MIN_BUCKETS];
        mask = MIN_BUCKETS - 1;
        width = 1.0;
        inverseWidth = 1.0;
        current = 0;
        size = 0;
        free = null;
        freeCount = 0;
        gapCount = 0;
        lastTakenTime = Double.NaN;
    }

    private long virtualBucket(double time) {
        // Casting saturates for huge or infinite times, which then share the last virtual bucket; order within
        // a bucket is still exact.
        return (long) Math.floor(time * inverseWidth);
    }

    private Node node(Event ev) {
        Node n = free;
        if (n == null) {
            n = new Node();
        } else {
            free = n.next;
            freeCount--;
        }
        n.event = ev;
        n.time = ev.time();
        n.priority = ev.priority();
        n.next = null;
        return n;
    }

    private void recycle(Node n) {
        n.event = null;
        if (freeCount < MAX_FREE) {
            // A burst of pending events should not pin its nodes for the rest of the run.
            n.next = free;
            free = n;
            freeCount++;
        } else {
            n.next = null;
        }
    }

    @Override
    public void add(Event ev) {
        insertSorted(node(ev), false);
        grown();
    }

    @Override
    public void addFirst(Event ev) {
        insertSorted(node(ev), true);
        grown();
    }

    /**
     * Links {@code n} into its bucket: after every node with the same time and priority (FIFO), or, when
     * {@code first}, before every node whose time is not earlier (SSJ's addFirst: the event happens now, first).
     */
    private void insertSorted(Node n, boolean first) {
        long v = virtualBucket(n.time);
        if (v < current) {
            current = v;
        }
        int slot = (int) (v & mask);
        Node prev = BEFORE_HEAD;
        Node at = buckets[slot];
        if (first) {
            while (at != null && at.time < n.time) {
                prev = at;
                at = at.next;
            }
        } else {
            while (at != null && (at.time < n.time || (at.time == n.time && at.priority <= n.priority))) {
                prev = at;
                at = at.next;
            }
        }
        link(slot, prev, n);
        size++;
    }

    @Override
    public void addBefore(Event ev, Event other) {
        insertNextTo(ev, other, true);
    }

    @Override
    public void addAfter(Event ev, Event other) {
        insertNextTo(ev, other, false);
    }

    /** SSJ's addBefore/addAfter: {@code ev} takes {@code other}'s place in the order, just before or after it. */
    private void insertNextTo(Event ev, Event other, boolean before) {
        int slot = slotOf(other);
        Node prev = previousOf(slot, other);
        if (prev == null) {
            throw new IllegalArgumentException("event " + other + " is not in this list");
        }
        Node at = prev == BEFORE_HEAD ? buckets[slot] : prev.next;
        Node n = node(ev);
        // Same time and priority as other, so the bucket stays sorted.
        n.time = at.time;
        n.priority = at.priority;
        if (before) {
            link(slot, prev, n);
        } else {
            link(slot, at, n);
        }
        size++;
        grown();
    }

    private int slotOf(Event ev) {
        return (int) (virtualBucket(ev.time()) & mask);
    }

    /** Stands for "no node before: it is the bucket's head" in {@link #previousOf}. */
    private static final Node BEFORE_HEAD = new Node();

    /** The node before {@code ev}'s in bucket {@code slot}, {@link #BEFORE_HEAD} if it is the head, null if absent. */
    private Node previousOf(int slot, Event ev) {
        Node prev = BEFORE_HEAD;
        for (Node at = buckets[slot]; at != null; prev = at, at = at.next) {
            if (at.event == ev) {
                return prev;
            }
        }
        return null;
    }

    /** Links {@code n} after {@code prev} ({@link #BEFORE_HEAD}: as the head) of bucket {@code slot}. */
    private void link(int slot, Node prev, Node n) {
        if (prev == BEFORE_HEAD) {
            n.next = buckets[slot];
            buckets[slot] = n;
        } else {
            n.next = prev.next;
            prev.next = n;
        }
    }

    /** The slot whose head is the next event (cursor moved to it), or -1 when the list is empty. */
    private int findFirstSlot() {
        if (size == 0) {
            return -1;
        }
        long v = current;
        for (int step = 0; step <= mask; step++, v++) {
            Node head = buckets[(int) (v & mask)];
            if (head != null && virtualBucket(head.time) == v) {
                current = v;
                return (int) (v & mask);
            }
        }
        // A whole turn without finding this year's event: the next one is far ahead. Search directly.
        Node best = null;
        int bestSlot = -1;
        for (int i = 0; i <= mask; i++) {
            Node head = buckets[i];
            if (head != null && (best == null || head.time < best.time
                    || (head.time == best.time && head.priority < best.priority))) {
                best = head;
                bestSlot = i;
            }
        }
        current = virtualBucket(best.time);
        return bestSlot;
    }

    @Override
    public Event getFirst() {
        int slot = findFirstSlot();
        return slot < 0 ? null : buckets[slot].event;
    }

    @Override
    public Event removeFirst() {
        int slot = findFirstSlot();
        if (slot < 0) {
            return null;
        }
        Node head = buckets[slot];
        buckets[slot] = head.next;
        size--;
        Event ev = head.event;
        recordGap(head.time);
        recycle(head);
        if (size < (buckets.length >> 1) && buckets.length > MIN_BUCKETS) {
            resize(buckets.length >> 1);
        }
        return ev;
    }

    private void recordGap(double time) {
        if (!Double.isNaN(lastTakenTime)) {
            gaps[gapCount & (GAP_SAMPLES - 1)] = time - lastTakenTime;
            gapCount++;
        }
        lastTakenTime = time;
    }

    @Override
    public boolean remove(Event ev) {
        int slot = slotOf(ev);
        Node prev = previousOf(slot, ev);
        if (prev == null) {
            return false;
        }
        Node at;
        if (prev == BEFORE_HEAD) {
            at = buckets[slot];
            buckets[slot] = at.next;
        } else {
            at = prev.next;
            prev.next = at.next;
        }
        size--;
        recycle(at);
        return true;
    }

    private void grown() {
        if (size > (buckets.length << 1) && buckets.length < (1 << 28)) {
            resize(buckets.length << 1);
        }
    }

    /** Rebuilds the ring with {@code count} buckets and a freshly estimated width, keeping every event's order. */
    private void resize(int count) {
        List<Node> nodes = inOrder();
        width = estimateWidth(nodes);
        inverseWidth = 1.0 / width;
        buckets = new Node[count];
        mask = count - 1;
        // Re-linking in event order, each at its bucket's tail, preserves FIFO among equal keys.
        Node[] tails = new Node[count];
        current = nodes.isEmpty() ? 0 : virtualBucket(nodes.get(0).time);
        for (Node n : nodes) {
            int slot = (int) (virtualBucket(n.time) & mask);
            n.next = null;
            if (tails[slot] == null) {
                buckets[slot] = n;
            } else {
                tails[slot].next = n;
            }
            tails[slot] = n;
        }
    }

    /**
     * Three times the mean gap between recently taken events (Brown 1988), ignoring gaps far above the mean so a
     * few long jumps do not make every bucket hold a crowd; before anything was taken, the mean spacing of the
     * pending events.
     */
    private double estimateWidth(List<Node> nodes) {
        int n = Math.min(gapCount, GAP_SAMPLES);
        double w = 0;
        if (n >= 8) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += gaps[i];
            }
            double mean = sum / n;
            double kept = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (gaps[i] <= 2 * mean) {
                    kept += gaps[i];
                    count++;
                }
            }
            w = 3 * (count > 0 ? kept / count : mean);
        } else if (nodes.size() >= 2) {
            double first = nodes.get(0).time;
            double last = nodes.get(nodes.size() - 1).time;
            w = 3 * (last - first) / nodes.size();
        }
        if (!(w > 0) || Double.isInfinite(w)) {
            w = width;
        }
        // Keep virtual bucket numbers well inside a long for every finite time seen.
        double latest = nodes.isEmpty() ? 0 : Math.abs(nodes.get(nodes.size() - 1).time);
        if (Double.isFinite(latest) && latest / w > 1e15) {
            w = latest / 1e15;
        }
        return w;
    }

    /** Every pending node in event order (time, priority, adding order), for resizing and iteration. */
    private List<Node> inOrder() {
        List<Node> nodes = new ArrayList<>(size);
        for (Node head : buckets) {
            for (Node at = head; at != null; at = at.next) {
                nodes.add(at);
            }
        }
        // Events of one virtual bucket are one run of one bucket's list, already in event order (including the
        // places addFirst, addBefore and addAfter gave them); events of different virtual buckets are ordered by
        // it. So a stable sort by virtual bucket alone restores the exact order.
        nodes.sort((a, b) -> Long.compare(virtualBucket(a.time), virtualBucket(b.time)));
        return nodes;
    }

    @Override
    public Event getFirstOfClass(String cl) {
        for (Node n : inOrder()) {
            if (n.event.getClass().getName().equals(cl)) {
                return n.event;
            }
        }
        return null;
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (Node n : inOrder()) {
            if (n.event.getClass() == cl) {
                return cl.cast(n.event);
            }
        }
        return null;
    }

    @Override
    public Iterator<Event> iterator() {
        return listIterator();
    }

    /** A read-only snapshot of the pending events in event order. */
    @Override
    public ListIterator<Event> listIterator() {
        List<Event> events = new ArrayList<>(size);
        for (Node n : inOrder()) {
            events.add(n.event);
        }
        return Collections.unmodifiableList(events).listIterator();
    }

    @Override
    public String toString() {
        return "CalendarEventList(" + size + " events, " + buckets.length + " buckets of " + width + ")";
    }
}
