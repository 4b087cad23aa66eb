package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;

class CountingEventListTest {
    @Test
    void meanPendingIsTheListLengthBeforeEachRemoval() {
        CountingEventList list = new CountingEventList(new Henriksen());
        Simulator sim = new Simulator(list);
        sim.init();
        List<Double> seen = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            new Event(sim) {
                @Override
                public void actions() {
                    seen.add(simulator().time());
                }
            }.schedule(i);
        }
        sim.start();
        assertEquals(List.of(1.0, 2.0, 3.0), seen);
        // 3, 2, then 1 pending when each event was taken.
        assertEquals(2.0, list.meanPending(), 1e-12);
    }
}
