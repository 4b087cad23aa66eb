package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.Problems;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkEditor;
import org.acuteflow.network.NetworkLoader;
import org.junit.jupiter.api.Test;

/** The report lists what a scenario changes from the networks themselves. */
class ScenarioChangesTest {
    private static final Path EXAMPLE = Path.of("networks", "example");

    @Test
    void listsClosuresServicesCoverFleetAndRoutingAndWarnsOfServicesLeftWithoutAnAe() {
        Network hasu = NetworkLoader.load(EXAMPLE, "hasu");
        Network local = NetworkLoader.load(EXAMPLE, "local");
        List<String> c = ScenarioChanges.changes(hasu, local);
        assertTrue(c.contains("routing: strokes nearest_hasu, trauma mtc_within_threshold becomes strokes "
                + "nearest_stroke_unit, trauma nearest_ae"), c.toString());
        assertTrue(c.contains("ambulances: 6 become 9"), c.toString());
        assertTrue(c.contains("Northern General (A): withdraws hasu, mtc"), c.toString());
        assertTrue(c.contains("Southern Infirmary (D): withdraws hasu"), c.toString());

        Problems problems = Problems.forFile("test");
        Network noAe = NetworkEditor.apply(hasu, new NetworkEdits(List.of("C"),
                List.of(new NetworkEdits.SiteService("A", "type1_ae")), List.of()), problems, "scenarios[1]");
        List<String> d = ScenarioChanges.changes(hasu, noAe);
        // A scenario's closure of an A&E withdraws the MTC with it (NetworkEditor), so there is nothing to warn of.
        assertEquals(List.of("Northern General (A): withdraws type1_ae, mtc", "Harbour Hospital (C): closed"), d);
        assertTrue(ScenarioChanges.changes(hasu, hasu).isEmpty());
    }
}
