package org.acuteflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.network.ThreeSiteNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepExpanderTest {
    @TempDir
    Path dir;

    private Experiment load(String... sweepLines) throws IOException {
        Files.createDirectories(dir.resolve("net"));
        Path f = dir.resolve("sweep.yaml");
        StringBuilder sb = new StringBuilder("name: s\nnetwork: net\nrun:\n  days: 1\n  replications: 2\n  seed: 1\nsweep:\n");
        for (String l : sweepLines) {
            sb.append("  ").append(l).append('\n');
        }
        Files.writeString(f, sb.toString());
        return ExperimentLoader.load(f);
    }

    @Test
    void closeEachMakesOneScenarioPerSiteOfferingTheServiceAfterTheBase() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "close_each: type1_ae"), c -> ThreeSiteNetwork.create());
        List<String> names = e.scenarios().stream().map(ScenarioSpec::name).toList();
        assertEquals(List.of("base", "close-A", "close-C"), names);
        assertEquals("base", e.baseline());
        assertEquals(List.of("A"), e.scenarios().get(1).edits().closeSites());
        assertEquals(2, e.scenarios().get(2).index());
    }

    @Test
    void anExplicitSiteListRestrictsTheClosures() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "close_each: type1_ae", "sites: [C]"),
                c -> ThreeSiteNetwork.create());
        assertEquals(List.of("base", "close-C"), e.scenarios().stream().map(ScenarioSpec::name).toList());
        InputException notOffered = assertThrows(InputException.class, () -> SweepExpander.expand(
                load("configuration: base", "close_each: type1_ae", "sites: [B]"), c -> ThreeSiteNetwork.create()));
        assertEquals("sweep.sites[0]", notOffered.problems().get(0).field());
        assertEquals(10, notOffered.problems().get(0).line());
    }

    @Test
    void serviceOnlyClosureWithdrawsJustThatService() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "close_each: hasu", "close_service_only: true"),
                c -> ThreeSiteNetwork.create());
        assertEquals(2, e.scenarios().size());
        assertEquals("A", e.scenarios().get(1).edits().closeServices().get(0).site());
        assertEquals("hasu", e.scenarios().get(1).edits().closeServices().get(0).service());
        assertTrue(e.scenarios().get(1).edits().closeSites().isEmpty());
    }

    @Test
    void gridIsTheCartesianProductAndSetsTheParameters() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "grid:", "  ems.fleet_scale: [0.5, 1.5]",
                "  demand.scale: [2]"), c -> ThreeSiteNetwork.create());
        assertEquals(3, e.scenarios().size());
        ScenarioSpec second = e.scenarios().get(2);
        assertEquals(2, second.parameters().at("/demand/scale").asInt());
        assertEquals(1.5, second.parameters().at("/ems/fleet_scale").asDouble());
        assertEquals("scale-2_fleet_scale-1.5", second.name());
    }

    @Test
    void mappingValuesAreNamedByPosition() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "grid:",
                "  ems.mobilisation_minutes: [{type: fixed, value: 1}, {type: fixed, value: 2}]"),
                c -> ThreeSiteNetwork.create());
        assertEquals(List.of("base", "mobilisation_minutes-v1", "mobilisation_minutes-v2"),
                e.scenarios().stream().map(ScenarioSpec::name).toList());
        assertEquals(2, e.scenarios().get(2).parameters().at("/ems/mobilisation_minutes/value").asInt());
    }

    @Test
    void theConfigurationAxisVariesTheNetworkConfiguration() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "grid:",
                "  configuration: [tight, loose]", "  ems.fleet_scale: [2]"), c -> ThreeSiteNetwork.create());
        assertEquals(List.of("base", "tight", "loose"), e.scenarios().stream().map(ScenarioSpec::configuration).toList());
        assertEquals("configuration-loose_fleet_scale-2", e.scenarios().get(2).name());
        assertEquals(2, e.scenarios().get(2).parameters().at("/ems/fleet_scale").asInt());
        assertTrue(e.scenarios().get(2).parameters().at("/configuration").isMissingNode(), "not a parameter");
        InputException notAName = assertThrows(InputException.class,
                () -> load("configuration: base", "grid:", "  configuration: [{a: 1}]"));
        assertEquals("sweep.grid.configuration[0]", notAName.problems().get(0).field());
    }

    @Test
    void sweepMistakesAreInputErrors() throws IOException {
        assertThrows(InputException.class, () -> load("configuration: base"));
        InputException unknownService = assertThrows(InputException.class,
                () -> SweepExpander.expand(load("configuration: base", "close_each: cardiology"), c -> ThreeSiteNetwork.create()));
        assertTrue(unknownService.getMessage().contains("cardiology"));
        InputException nothingToClose = assertThrows(InputException.class,
                () -> SweepExpander.expand(load("configuration: base", "close_each: mtc"), c -> ThreeSiteNetwork.create()));
        assertTrue(nothingToClose.getMessage().contains("no open site offers"));
        InputException typo = assertThrows(InputException.class,
                () -> load("configuration: base", "close_eahc: hasu"));
        assertTrue(typo.getMessage().contains("close_eahc"), typo.getMessage());
    }
}
