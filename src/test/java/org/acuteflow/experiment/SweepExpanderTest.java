package org.acuteflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepExpanderTest {
    @TempDir
    Path dir;

    private static Network threeSites() {
        TravelTimes flat = new TravelTimes() {
            @Override
            public double zoneToSite(int zone, int site) {
                return 10;
            }

            @Override
            public double stationToZone(int station, int zone) {
                return 5;
            }

            @Override
            public double siteToSite(int a, int b) {
                return 7;
            }

            @Override
            public double siteToStation(int site, int station) {
                return 5;
            }

            @Override
            public double factor(int hourOfWeek, Mode mode) {
                return 1;
            }
        };
        List<Site> sites = List.of(
                new Site(0, "A", "Alpha", 51.5, -0.1, true, Set.of(Service.TYPE1_AE, Service.HASU), Map.of(), Map.of()),
                new Site(1, "B", "Beta", 51.5, -0.2, true, Set.of(Service.STROKE_UNIT), Map.of(), Map.of()),
                new Site(2, "C", "Gamma", 51.5, -0.3, true, Set.of(Service.TYPE1_AE), Map.of(), Map.of()));
        return new Network("tiny", "base", List.of(new Zone(0, "Z", "Z", "area", 51.5, -0.1, 100, 10, 1)), sites,
                List.of(), flat, new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU,
                RoutingProtocol.TraumaRouting.NEAREST_AE, 45));
    }

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
        Experiment e = SweepExpander.expand(load("configuration: base", "close_each: type1_ae"), c -> threeSites());
        List<String> names = e.scenarios().stream().map(ScenarioSpec::name).toList();
        assertEquals(List.of("base", "close-A", "close-C"), names);
        assertEquals("base", e.baseline());
        assertEquals(List.of("A"), e.scenarios().get(1).edits().closeSites());
        assertEquals(2, e.scenarios().get(2).index());
    }

    @Test
    void serviceOnlyClosureWithdrawsJustThatService() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "close_each: hasu", "close_service_only: true"),
                c -> threeSites());
        assertEquals(2, e.scenarios().size());
        assertEquals("A", e.scenarios().get(1).edits().closeServices().get(0).site());
        assertEquals("hasu", e.scenarios().get(1).edits().closeServices().get(0).service());
        assertTrue(e.scenarios().get(1).edits().closeSites().isEmpty());
    }

    @Test
    void gridIsTheCartesianProductAndSetsTheParameters() throws IOException {
        Experiment e = SweepExpander.expand(load("configuration: base", "grid:", "  ems.fleet_scale: [0.5, 1.5]",
                "  demand.scale: [2]"), c -> threeSites());
        assertEquals(3, e.scenarios().size());
        ScenarioSpec second = e.scenarios().get(2);
        assertEquals(2, second.parameters().at("/demand/scale").asInt());
        assertEquals(1.5, second.parameters().at("/ems/fleet_scale").asDouble());
        assertEquals("scale-2_fleet_scale-1.5", second.name());
    }

    @Test
    void sweepMistakesAreInputErrors() throws IOException {
        assertThrows(InputException.class, () -> load("configuration: base"));
        InputException unknownService = assertThrows(InputException.class,
                () -> SweepExpander.expand(load("configuration: base", "close_each: cardiology"), c -> threeSites()));
        assertTrue(unknownService.getMessage().contains("cardiology"));
        InputException nothingToClose = assertThrows(InputException.class,
                () -> SweepExpander.expand(load("configuration: base", "close_each: mtc"), c -> threeSites()));
        assertTrue(nothingToClose.getMessage().contains("no open site offers"));
        InputException typo = assertThrows(InputException.class,
                () -> load("configuration: base", "close_eahc: hasu"));
        assertTrue(typo.getMessage().contains("close_eahc"), typo.getMessage());
    }
}
