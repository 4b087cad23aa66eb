package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.config.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration assigns zones (by area) and sites (by the area they lie in, or by name) to provider networks.
 * The example network: zones Z1-Z2 in Northside, Z3-Z5 in Southside; site A lies in Northside (nearest zone Z1),
 * B, C and D in Southside.
 */
class ProviderNetworksConfigurationTest {
    @TempDir
    Path tmp;

    private Path copyExample() throws IOException {
        Path dir = NetworkValidationTest.copyExample(tmp);
        Files.writeString(dir.resolve("areas.csv"), """
                # test areas
                name,network
                Northside,north
                Southside,south
                """);
        return dir;
    }

    @Test
    void zonesAndSitesJoinTheNetworksOfTheirAreas() throws IOException {
        Path dir = copyExample();
        Files.writeString(dir.resolve("configurations/test.yaml"), """
                extends: hasu
                provider_networks:
                  file: areas.csv
                  column: network
                  restrict_routing: true
                  border_minutes: 10
                  sites: {C: north}
                """);
        ProviderNetworks pn = NetworkLoader.load(dir, "test").protocol().providerNetworks();
        assertEquals(List.of("north", "south"), pn.names());
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, pn.zoneNetwork());
        assertArrayEquals(new int[] {0, 1, 0, 1}, pn.siteNetwork());
        assertTrue(pn.restricts(0));
        assertEquals(10, pn.borderMinutes());
        assertNull(NetworkLoader.load(dir, "hasu").protocol().providerNetworks());
    }

    @Test
    void anUnknownNetworkOrColumnIsNamed() throws IOException {
        Path dir = copyExample();
        Files.writeString(dir.resolve("configurations/test.yaml"), """
                extends: hasu
                provider_networks:
                  file: areas.csv
                  column: network
                  sites: {C: east}
                """);
        String m = assertThrows(InputException.class, () -> NetworkLoader.load(dir, "test")).getMessage();
        assertTrue(m.contains("unknown provider network 'east'") && m.contains("[north, south]"), m);
        Files.writeString(dir.resolve("configurations/test.yaml"), """
                extends: hasu
                provider_networks: {file: areas.csv, column: networks, border_minutes: -1}
                """);
        m = assertThrows(InputException.class, () -> NetworkLoader.load(dir, "test")).getMessage();
        assertTrue(m.contains("test.yaml:2") && m.contains("border_minutes"), m);
    }
}
