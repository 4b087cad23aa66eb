package org.acuteflow.bench;

import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * An event list that passes every call to another and keeps the number of pending events, to learn how many
 * events the model keeps in its list on average (sampled at each removal). The reference loop is then given the
 * same mean queue length, so that both pay for the same depth of heap. Used for an untimed run only.
 */
final class CountingEventList implements EventList {
    private final EventList inner;
    private long size;
    private long removals;
    private double sizeSum;

    CountingEventList(EventList inner) {
        this.inner = inner;
    }

    /** Mean number of pending events just before an event is taken off the list. */
    double meanPending() {
        return removals == 0 ? 0 : sizeSum / removals;
    }

    @Override
    public boolean isEmpty() {
        return inner.isEmpty();
    }

    @Override
    public void clear() {
        inner.clear();
        size = 0;
    }

    @Override
    public void add(Event ev) {
        inner.add(ev);
        size++;
    }

    @Override
    public void addFirst(Event ev) {
        inner.addFirst(ev);
        size++;
    }

    @Override
    public void addBefore(Event ev, Event other) {
        inner.addBefore(ev, other);
        size++;
    }

    @Override
    public void addAfter(Event ev, Event other) {
        inner.addAfter(ev, other);
        size++;
    }

    @Override
    public Event getFirst() {
        return inner.getFirst();
    }

    @Override
    public Event getFirstOfClass(String cl) {
        return inner.getFirstOfClass(cl);
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        return inner.getFirstOfClass(cl);
    }

    @Override
    public ListIterator<Event> listIterator() {
        return inner.listIterator();
    }

    @Override
    public java.util.Iterator<Event> iterator() {
        return inner.iterator();
    }

    @Override
    public boolean remove(Event ev) {
        boolean removed = inner.remove(ev);
        if (removed) {
            size--;
        }
        return removed;
    }

    @Override
    public Event removeFirst() {
        Event e = inner.removeFirst();
        if (e != null) {
            sizeSum += size;
            removals++;
            size--;
        }
        return e;
    }
}
