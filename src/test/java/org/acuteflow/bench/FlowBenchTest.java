package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.acuteflow.cli.Main;
import org.acuteflow.model.FlowModel;
import org.junit.jupiter.api.Test;

/** Structure and counts only, on the five-zone example network and a few simulated days: no timings checked. */
class FlowBenchTest {
    private static final Path EXAMPLE = Path.of("networks/example");

    @Test
    void timedReplicationCountsPatientsAndEventsAndMatchesEveryEventList() {
        FlowBench bench = new FlowBench(EXAMPLE, "hasu", 11, 7 / 365.0);
        FlowModel model = bench.model(1.0);
        FlowBench.Timing t = bench.time("t", model, 0, null);
        assertTrue(t.patients() > 0 && t.events() > t.patients(), t.toString());
        for (var list : FlowBench.EVENT_LISTS.values()) {
            assertEquals(t.result().metrics(), bench.time("t", model, 0, list).result().metrics());
        }
        double pending = bench.meanPendingEvents(model, 0);
        assertTrue(pending > 1, "pending " + pending);
        FlowBench.Reference ref = bench.reference(t, bench.referenceStepMinutes(t, pending), 1);
        assertEquals(t.events(), ref.events(), 0.05 * t.events());
    }

    @Test
    void scalingDemandScalesPatientsAndMergingZonesKeepsThem() {
        FlowBench bench = new FlowBench(EXAMPLE, "hasu", 11, 2 / 365.0);
        FlowModel model = bench.model(1.0);
        FlowBench.Timing one = bench.time("1x", model, 0, null);
        FlowBench.Timing four = bench.time("4x", bench.model(4.0), 0, null);
        assertEquals(4.0, (double) four.patients() / one.patients(), 0.4);
        FlowModel areas = bench.model(model, CoarseNetworks.AREA);
        assertEquals(2, areas.network().zones().size());
        // The same arrival streams: the patients do not depend on where the zones are.
        assertEquals(one.patients(), bench.time("areas", areas, 0, null).patients());
    }

    @Test
    void parallelRunsGiveTheSameEventsAsOneThread() {
        FlowBench bench = new FlowBench(EXAMPLE, "hasu", 11, 3 / 365.0);
        FlowModel model = bench.model(1.0);
        assertEquals(bench.parallel(model, 3, 1).eventsPerReplication(),
                bench.parallel(model, 3, 2).eventsPerReplication());
        FlowBench.Heap heap = bench.heap(model, 3, 2);
        assertEquals(3, heap.replications());
        assertTrue(heap.peakUsedBytes() > 0);
    }

    @Test
    void benchCommandHasHelpAndRejectsBadOptions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Main.OK,
                Main.execute(new String[] {"bench", "--help"}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(out.toString().contains("--heap-replications"), out.toString());
        assertEquals(Main.BAD_INPUT, Main.execute(new String[] {"bench", "--replications", "0"},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
    }
}
