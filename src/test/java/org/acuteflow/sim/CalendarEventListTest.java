package org.acuteflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;

class CalendarEventListTest {

    /**
     * A random workload driven through a real SSJ simulator: each executed event schedules 0-3 new events with
     * delays from a mix of scales (zero for ties, short, long, very long), random priorities from a small set
     * (ties again), and now and then cancels a pending event or uses scheduleNext/Before/After. The log of
     * executed event ids must be identical to the one SSJ's Henriksen list gives: same order, including ties.
     */
    private static List<String> workload(Supplier<EventList> list, long seed, double timeScale, int maxEvents) {
        Simulator simulator = new Simulator(list.get());
        SplittableRandom random = new SplittableRandom(seed);
        List<String> log = new ArrayList<>();
        List<Event> pending = new ArrayList<>();
        int[] nextId = {0};
        final class Job extends Event {
            final int id = nextId[0]++;

            Job() {
                super(simulator);
            }

            @Override
            public void actions() {
                pending.remove(this);
                log.add(id + "@" + simulator.time());
                if (log.size() >= maxEvents) {
                    return;
                }
                int children = random.nextInt(4);
                for (int i = 0; i < children; i++) {
                    Job j = new Job();
                    j.setPriority(random.nextInt(3));
                    double u = random.nextDouble();
                    double delay;
                    if (u < 0.15) {
                        delay = 0;
                    } else if (u < 0.75) {
                        delay = -Math.log(1 - random.nextDouble()) * timeScale;
                    } else if (u < 0.95) {
                        delay = -Math.log(1 - random.nextDouble()) * 500 * timeScale;
                    } else {
                        delay = -Math.log(1 - random.nextDouble()) * 100_000 * timeScale;
                    }
                    double v = random.nextDouble();
                    if (v < 0.03) {
                        j.scheduleNext();
                    } else if (v < 0.06 && !pending.isEmpty()) {
                        j.scheduleBefore(pending.get(random.nextInt(pending.size())));
                    } else if (v < 0.09 && !pending.isEmpty()) {
                        j.scheduleAfter(pending.get(random.nextInt(pending.size())));
                    } else {
                        j.schedule(delay);
                    }
                    pending.add(j);
                }
                if (!pending.isEmpty() && random.nextDouble() < 0.05) {
                    Event victim = pending.remove(random.nextInt(pending.size()));
                    assertTrue(victim.cancel());
                }
                if (pending.isEmpty()) {
                    Job j = new Job();
                    j.schedule(random.nextDouble() * timeScale);
                    pending.add(j);
                }
            }
        }
        simulator.init();
        for (int i = 0; i < 50; i++) {
            Job j = new Job();
            j.setPriority(random.nextInt(3));
            j.schedule(random.nextDouble() * 10 * timeScale);
            pending.add(j);
        }
        simulator.start();
        return log;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 1.0, 1e6})
    void executesEventsInExactlyTheOrderOfSsjsHenriksenListAtAnyTimeScale(double timeScale) {
        for (long seed = 1; seed <= 4; seed++) {
            List<String> expected = workload(Henriksen::new, seed, timeScale, 30_000);
            List<String> actual = workload(CalendarEventList::new, seed, timeScale, 30_000);
            assertEquals(expected.size(), actual.size(), "events executed, seed " + seed);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "event " + i + ", seed " + seed);
            }
        }
    }

    private static final class Marker extends Event {
        final String name;

        Marker(Simulator sim, String name, double time, double priority) {
            super(sim);
            this.name = name;
            setPriority(priority);
            setTime(time);
        }

        @Override
        public void actions() {
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void ordersByTimeThenPriorityThenAddingOrderAcrossGrowthAndShrinking() {
        Simulator sim = new Simulator();
        CalendarEventList list = new CalendarEventList();
        SplittableRandom random = new SplittableRandom(7);
        List<Marker> all = new ArrayList<>();
        // Enough events to double the ring many times, with many equal times and priorities.
        for (int i = 0; i < 20_000; i++) {
            Marker m = new Marker(sim, "m" + i, random.nextInt(500), random.nextInt(2));
            all.add(m);
            list.add(m);
        }
        List<Marker> expected = new ArrayList<>(all);
        // A stable sort: equal (time, priority) keep the adding order.
        expected.sort((a, b) -> a.time() != b.time() ? Double.compare(a.time(), b.time())
                : Double.compare(a.priority(), b.priority()));
        ListIterator<Event> snapshot = list.listIterator();
        for (Marker m : expected) {
            assertSame(m, snapshot.next());
        }
        for (Marker m : expected) {
            assertSame(m, list.getFirst());
            assertSame(m, list.removeFirst());
        }
        assertTrue(list.isEmpty());
        assertNull(list.removeFirst());
        assertNull(list.getFirst());
    }

    @Test
    void eventsPlacedByAddFirstBeforeAndAfterKeepTheirPlaceWhenTheRingIsRebuilt() {
        Simulator sim = new Simulator();
        List<EventList> lists = List.of(new Henriksen(), new CalendarEventList());
        List<List<String>> orders = new ArrayList<>();
        for (EventList list : lists) {
            Marker a = new Marker(sim, "a", 5, 1);
            Marker b = new Marker(sim, "b", 5, 1);
            list.add(a);
            list.add(b);
            // First although its priority is worse than a's and b's; then one just before b and one after a.
            list.addFirst(new Marker(sim, "first", 5, 2));
            list.addBefore(new Marker(sim, "before-b", 5, 1), b);
            list.addAfter(new Marker(sim, "after-a", 5, 1), a);
            // Enough later events to double the calendar's ring several times.
            for (int i = 0; i < 300; i++) {
                list.add(new Marker(sim, "later" + i, 6 + i * 0.25, 1));
            }
            List<String> order = new ArrayList<>();
            for (Event e = list.removeFirst(); e != null; e = list.removeFirst()) {
                order.add(e.toString());
            }
            orders.add(order);
        }
        assertEquals(List.of("first", "a", "after-a", "before-b", "b"), orders.get(0).subList(0, 5));
        assertEquals(orders.get(0), orders.get(1));
    }

    @Test
    void removesArbitraryEventsAndFindsTheFirstOfAClass() {
        Simulator sim = new Simulator();
        CalendarEventList list = new CalendarEventList();
        Marker a = new Marker(sim, "a", 5, 1);
        Marker b = new Marker(sim, "b", 1e9, 1);
        Marker c = new Marker(sim, "c", 5, 1);
        list.add(a);
        list.add(b);
        list.add(c);
        assertTrue(list.remove(a));
        assertFalse(list.remove(a));
        assertSame(c, list.getFirstOfClass(Marker.class));
        assertSame(c, list.getFirstOfClass(Marker.class.getName()));
        assertSame(c, list.removeFirst());
        // The only pending event is far beyond a turn of the ring: found by the direct search.
        assertSame(b, list.removeFirst());
        assertTrue(list.isEmpty());
        list.add(a);
        list.clear();
        assertTrue(list.isEmpty());
        assertNull(list.getFirst());
    }
}
