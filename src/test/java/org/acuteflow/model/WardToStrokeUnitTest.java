package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.testing.ArrayTravelTimes;
import org.junit.jupiter.api.Test;

/**
 * A stroke on a general ward moves to the stroke unit when its bed frees and its share of the stay in organised care
 * is the rest of its stay over the whole stay. One site with one stroke-unit bed and no HASU, strokes only (all
 * recognised, none self-presenting), every stay exactly 600 minutes, no travel: the door times alone decide
 * everything, so each patient's share is recomputed by hand from them (one bed, first come first served, a ward
 * patient leaving hospital 600 minutes after its door time if the bed has not freed by then) and must be the
 * model's, patient by patient.
 */
class WardToStrokeUnitTest {
    private static final double STAY = 600;

    @Test
    void theShareOfStayInOrganisedCareIsTheRestOfTheStayAfterTheMove() {
        ObjectNode tree = defaults();
        onlyClasses(tree);
        demandClass(tree, "stroke").put("per_year", 500.0).put("self_present_share", 0.0);
        ObjectNode mix = (ObjectNode) tree.get("demand").get("stroke");
        mix.put("mimic_share", 0.0);
        mix.put("recognition_probability", 1.0);
        ObjectNode hospital = (ObjectNode) tree.get("hospital").get("stroke");
        hospital.putObject("stroke_unit_stay_minutes").put("type", "fixed").put("value", STAY);
        hospital.put("stroke_unit_bed_queue", true);
        Network net = network(List.of(zone(0, 1000)),
                List.of(site(0, services(Service.TYPE1_AE, Service.STROKE_UNIT), Map.of(Service.STROKE_UNIT, 1),
                        Map.of())),
                List.of(station(0, 20)), ArrayTravelTimes.zero(1, 1, 1), hasuProtocol(45));
        ListSink sink = new ListSink();
        run(new FlowModel(net, parameters(tree), TEST_OUTCOME), 17, 0, 200, 0, sink);
        List<String> columns = Arrays.asList(sink.header.split(","));
        int door = columns.indexOf("door_min");
        int share = columns.indexOf("organised_care_share");
        List<double[]> patients = new ArrayList<>();
        for (String row : sink.rows) {
            String[] f = row.split(",", -1);
            patients.add(new double[] {Double.parseDouble(f[door]), Double.parseDouble(f[share])});
        }
        patients.sort((a, b) -> Double.compare(a[0], b[0]));

        // By hand: one bed, a first-come-first-served line of ward patients (door times).
        double bedFreeAt = Double.NEGATIVE_INFINITY;
        ArrayDeque<Double> ward = new ArrayDeque<>();
        java.util.Map<Double, Double> expected = new java.util.HashMap<>();
        for (double[] p : patients) {
            double a = p[0];
            // Beds freeing before this arrival pass to the ward patients still in hospital.
            while (bedFreeAt <= a && !ward.isEmpty()) {
                bedFreeAt = moveFirst(ward, bedFreeAt, expected);
            }
            if (bedFreeAt <= a) {
                expected.put(a, 1.0);
                bedFreeAt = a + STAY;
            } else {
                ward.addLast(a);
            }
        }
        while (!ward.isEmpty()) {
            bedFreeAt = moveFirst(ward, bedFreeAt, expected);
        }
        long moved = expected.values().stream().filter(e -> e > 0 && e < 1).count();
        assertTrue(moved > 20, "ward patients moved: " + moved);
        int checked = 0;
        for (double[] p : patients) {
            Double e = expected.get(p[0]);
            if (e != null) {
                assertEquals(e, p[1], 2e-4, "door " + p[0]);
                checked++;
            }
        }
        assertEquals(patients.size(), checked);
    }

    /**
     * The bed frees at {@code bedFreeAt}: the first ward patient takes it for the rest of its stay, or had left
     * hospital before (share 0). Returns when the bed is free next.
     */
    private static double moveFirst(ArrayDeque<Double> ward, double bedFreeAt, java.util.Map<Double, Double> expected) {
        double w = ward.pollFirst();
        if (w + STAY < bedFreeAt) {
            expected.put(w, 0.0);
            return bedFreeAt;
        }
        expected.put(w, (STAY - (bedFreeAt - w)) / STAY);
        return w + STAY;
    }
}
