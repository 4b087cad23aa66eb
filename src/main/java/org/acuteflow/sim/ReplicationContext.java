package org.acuteflow.sim;

import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * Everything that is random or timed in one replication: its own SSJ {@link Simulator} (never the static
 * {@code Sim}) and its own named random streams. A replication is a pure function of its scenario and this
 * context. Clock unit: minutes from Monday 00:00 of week 0.
 */
public final class ReplicationContext {
    private final Simulator simulator;
    private final RandomStreams streams;

    public ReplicationContext(long baseSeed, int replication) {
        // A binary-heap-like tree: O(log n) and, unlike the default splay tree, no pathological
        // behaviour when many events share a time stamp.
        this(baseSeed, replication, new BinaryTree());
    }

    /**
     * With a given (empty) event list, for comparing SSJ's implementations: every SSJ event list orders events
     * by time, then priority, then insertion, so the choice changes speed, never results.
     */
    public ReplicationContext(long baseSeed, int replication, EventList eventList) {
        this.simulator = new Simulator(eventList);
        this.streams = new RandomStreams(baseSeed, replication);
    }

    public Simulator simulator() {
        return simulator;
    }

    public int replication() {
        return streams.replication();
    }

    public RandomStream stream(String name) {
        return streams.stream(name);
    }
}
