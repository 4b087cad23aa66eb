package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

class CommonRandomNumbersTest {
    /** Columns fixed at creation: id .. call_min (the first 14 of the patient CSV). */
    private static final int DEMAND_COLUMNS = 14;

    private static Map<Long, String> demandById(ListSink sink) {
        Map<Long, String> out = new TreeMap<>();
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            out.put(Long.parseLong(f[0]), String.join(",", Arrays.copyOf(f, DEMAND_COLUMNS)));
        }
        return out;
    }

    /**
     * "Current" (four stroke units, no HASU) and "concentrated" (two HASUs with few beds) on the same seed see
     * the same patients: same ids, classes, conditions, zones, ages, flags, onset and call times.
     */
    @Test
    void demandIsIdenticalAcrossConfigurations() {
        ListSink current = new ListSink();
        ListSink concentrated = new ListSink();
        run(FlowModelTest.smallModel(false, 0.01), 77, 3, 90, 7, current);
        run(FlowModelTest.smallModel(true, 0.01), 77, 3, 90, 7, concentrated);
        assertEquals(current.header, concentrated.header);
        assertEquals(List.of(current.header.split(",")).subList(0, DEMAND_COLUMNS),
                List.of("id", "class", "condition", "zone", "age_band", "self_presenter", "category_a", "conveyed",
                        "recognised", "onset_known", "eligible", "lvo", "onset_min", "call_min"));
        Map<Long, String> a = demandById(current);
        Map<Long, String> b = demandById(concentrated);
        assertTrue(a.size() > 2000, "patients: " + a.size());
        assertEquals(a, b);
        // ... while where they went differs.
        assertNotEquals(current.rows.stream().sorted().toList(), concentrated.rows.stream().sorted().toList());
    }

    /** Door-to-needle shifts by exactly the on-call delay when the specialist is never on site. */
    @Test
    void onCallCoverShiftsMedianDoorToNeedle() {
        double withCover = medianDoorToNeedle(CoverSchedule.always());
        double onCall = medianDoorToNeedle(new CoverSchedule(new boolean[168], 30));
        // Medians read from histograms with 0.5-minute bins; per patient the shift is exact (checked below).
        assertEquals(30.0, onCall - withCover, 0.5);
        // 10 + 20 min, read from a histogram with 0.5-minute bins.
        assertEquals(30.0, withCover, 0.5);
    }

    private static double medianDoorToNeedle(CoverSchedule cover) {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stroke").put("per_year", 3000.0).put("self_present_share", 0.0);
        // All recognised: an unrecognised stroke waits the extra unrecognised_stroke_delay_minutes.
        ((ObjectNode) tree.get("demand").get("stroke")).put("recognition_probability", 1.0);
        ObjectNode h = (ObjectNode) tree.get("hospital").get("stroke");
        h.put("hasu_door_to_scan_minutes", 10.0);
        h.put("hasu_scan_to_needle_minutes", 20.0);
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.HASU, Service.THROMBOLYSIS), Map.of(),
                        Map.of(Service.HASU, cover))),
                List.of(station(0, 20)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        ListSink sink = new ListSink();
        ReplicationResult r = run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 1, 0, 60, 0, sink);
        assertTrue(r.metrics().get("thrombolysis_rate") > 0.05);
        List<String> header = List.of(sink.header.split(","));
        int door = header.indexOf("door_min");
        int needle = header.indexOf("needle_min");
        double expected = 30 + (cover.onSiteAt(0) ? 0 : cover.onCallDelayMinutes());
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            if (!f[needle].isEmpty()) {
                assertEquals(expected, Double.parseDouble(f[needle]) - Double.parseDouble(f[door]), 2e-3, row);
            }
        }
        return r.metrics().get("door_to_needle_minutes_median");
    }
}
