package org.acuteflow.sim;

import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Simulator;
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
        this(baseSeed, replication, newEventList());
    }

    /**
     * The event list every replication uses: a calendar queue ({@link CalendarEventList}), which keeps SSJ's order
     * (time, then priority, then scheduling order) in constant time per event; on the London model it beat every
     * SSJ list (docs/performance.md; `acuteflow bench --event-lists` compares them). The choice changes speed,
     * never results.
     */
    public static EventList newEventList() {
        return new CalendarEventList();
    }

    /** With a given (empty) event list, for comparing event lists. */
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
