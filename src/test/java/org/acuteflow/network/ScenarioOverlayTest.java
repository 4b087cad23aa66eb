package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cover:/beds:/fleet:/provider_networks: written in a scenario of the experiment file act as a last configuration
 * overlay.
 */
class ScenarioOverlayTest {
    @TempDir
    Path dir;

    private Experiment experiment(String scenarioExtra) throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "name: overlay\nnetwork: " + Path.of("networks", "example").toAbsolutePath()
                + "\nrun: {days: 2, replications: 1, seed: 1}\nscenarios:\n  - name: a\n    configuration: hasu\n"
                + scenarioExtra);
        return ExperimentLoader.load(file);
    }

    private static Network network(Experiment e) {
        ScenarioSpec s = e.scenarios().get(0);
        return NetworkLoader.load(e.networkDir(), s.configuration(), s.overlay(), s.path(), s.sources());
    }

    @Test
    void coverBedsAndFleetInTheScenarioChangeTheConfiguredNetworkAndNothingElse() throws IOException {
        Network plain = NetworkLoader.load(Path.of("networks", "example"), "hasu");
        Network edited = network(experiment("""
                    cover_profiles:
                      nights-off: {hours: {mon-sun: "08-20"}, on_call_delay_minutes: 20}
                    cover:
                      hasu: {all: 24x7, sites: {D: nights-off}}
                    beds:
                      A: {hasu: 3}
                    fleet: {scale: 0.5}
                """));
        assertEquals(plain.totalVehicles() / 2, edited.totalVehicles());
        Site a = edited.sites().get(0);
        Site d = edited.sites().get(3);
        assertEquals(3, a.bedsFor(Service.HASU));
        assertEquals(plain.sites().get(3).bedsFor(Service.HASU), d.bedsFor(Service.HASU));
        assertEquals(plain.sites().get(0).coverFor(Service.HASU), a.coverFor(Service.HASU));
        assertTrue(!d.coverFor(Service.HASU).equals(plain.sites().get(3).coverFor(Service.HASU)));
        assertEquals(plain.sites().get(1).services(), edited.sites().get(1).services());
        assertEquals(plain.protocol(), edited.protocol());
    }

    @Test
    void noOverlayGivesTheConfigurationAsIs() throws IOException {
        Experiment e = experiment("");
        assertTrue(e.scenarios().get(0).overlay().isEmpty());
        assertEquals(NetworkLoader.load(e.networkDir(), "hasu"), network(e));
    }

    @Test
    void problemsInTheOverlayAreReportedAtTheExperimentLine() throws IOException {
        Experiment e = experiment("""
                    cover:
                      hasu: {sites: {Q: 24x7}}
                    fleet: {scale: -1}
                """);
        InputException ex = assertThrows(InputException.class, () -> network(e));
        InputProblem site = ex.problems().stream().filter(p -> p.field().equals("scenarios[0].cover.hasu.sites.Q"))
                .findFirst().orElseThrow(() -> new AssertionError(ex.getMessage()));
        assertTrue(site.file().endsWith("exp.yaml") && site.line() == 8, site.toString());
        assertTrue(ex.problems().stream().anyMatch(p -> p.field().equals("scenarios[0].fleet.scale") && p.line() == 9),
                ex.getMessage());
    }

    /**
     * provider_networks: in a scenario gives the same protocol as a configuration file saying the same thing; a
     * second scenario on the same configuration without it is unrestricted.
     */
    @Test
    void providerNetworksInTheScenarioEqualTheSameKeysInAConfigurationFile() throws IOException {
        Path net = NetworkValidationTest.copyExample(dir);
        Files.writeString(net.resolve("areas.csv"), "name,network\nNorthside,north\nSouthside,south\n");
        Files.writeString(net.resolve("configurations/hasu-networks.yaml"), """
                extends: hasu
                provider_networks: {file: areas.csv, column: network, restrict_routing: true, border_minutes: 10}
                """);
        Path file = dir.resolve("pn.yaml");
        Files.writeString(file, "name: pn\nnetwork: " + net.toAbsolutePath()
                + "\nrun: {days: 2, replications: 1, seed: 1}\nscenarios:\n  - name: a\n    configuration: hasu\n"
                + "    provider_networks: {file: areas.csv, column: network, restrict_routing: true, border_minutes: 10}\n"
                + "  - name: b\n    configuration: hasu\n");
        Experiment e = ExperimentLoader.load(file);
        ScenarioSpec a = e.scenarios().get(0);
        Network withOverlay = NetworkLoader.load(e.networkDir(), a.configuration(), a.overlay(), a.path(), a.sources());
        ProviderNetworks pn = withOverlay.protocol().providerNetworks();
        assertEquals(NetworkLoader.load(net, "hasu-networks").protocol(), withOverlay.protocol());
        assertEquals(java.util.List.of("north", "south"), pn.names());
        assertTrue(pn.restricts(0) && pn.borderMinutes() == 10);
        ScenarioSpec b = e.scenarios().get(1);
        assertEquals(null, NetworkLoader.load(e.networkDir(), b.configuration(), b.overlay(), b.path(), b.sources())
                .protocol().providerNetworks());
    }

    @Test
    void aBadProviderNetworkKeyInTheScenarioIsReportedAtItsLine() throws IOException {
        Experiment e = experiment("""
                    provider_networks: {column: ahsn, restrict_routing: perhaps}
                """);
        InputException ex = assertThrows(InputException.class, () -> network(e));
        assertTrue(ex.problems().stream().anyMatch(p -> p.field().equals("scenarios[0].provider_networks.restrict_routing")
                && p.file().endsWith("exp.yaml") && p.line() == 7), ex.getMessage());
    }
}
