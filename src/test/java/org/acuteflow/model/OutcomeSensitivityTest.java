package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.acuteflow.experiment.ReplicationResult;
import org.junit.jupiter.api.Test;

class OutcomeSensitivityTest {
    @Test
    void variantsAreEvaluatedOnTheSameJourneys() {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand")).put("scale", 0.05);
        FlowModel model = new FlowModel(FlowModelTest.smallNetwork(true), parameters(tree), TEST_OUTCOME, List.of(
                new OutcomeVariant("same", TEST_OUTCOME),
                new OutcomeVariant("double", in -> Math.min(1, 2 * TEST_OUTCOME.applyAsDouble(in))),
                new OutcomeVariant("none", in -> 0.0)));
        ReplicationResult r = run(model, 5, 0, 30, 2);
        double base = r.metrics().get("deaths_total");
        assertTrue(base > 0);
        // The same outcome model on the same journeys gives exactly the base deaths.
        assertEquals(base, r.metrics().get("sensitivity.same.deaths_total"), 1e-9 * base);
        assertEquals(r.metrics().get("stroke_deaths_90d"), r.metrics().get("sensitivity.same.stroke_deaths_90d"), 1e-9);
        assertEquals(0.0, r.metrics().get("sensitivity.none.deaths_total"));
        // Doubling every probability (none reaches 1 in the test outcome) doubles expected deaths.
        assertEquals(2 * base, r.metrics().get("sensitivity.double.deaths_total"), 1e-9 * base);
        // Variants never change the simulated journeys.
        FlowModel plain = new FlowModel(FlowModelTest.smallNetwork(true), parameters(tree), TEST_OUTCOME);
        assertEquals(run(plain, 5, 0, 30, 2).metrics().get("stroke_travel_minutes_mean"),
                r.metrics().get("stroke_travel_minutes_mean"));
    }
}
