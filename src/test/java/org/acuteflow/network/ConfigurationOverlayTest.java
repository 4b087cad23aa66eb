package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlays close and open sites and services, set beds, cover and fleet, and extend one another, as written. */
class ConfigurationOverlayTest {
    @TempDir
    Path tmp;

    /** One copy of the example network per test, shared by the configurations the test writes. */
    private Path dir;

    private Network load(String yaml) throws IOException {
        if (dir == null) {
            dir = NetworkValidationTest.copyExample(tmp);
        }
        Files.writeString(dir.resolve("configurations/test.yaml"), yaml);
        return NetworkLoader.load(dir, "test");
    }

    private static Site site(Network n, String id) {
        return n.sites().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void closingASiteLeavesItClosedWithNoServices() throws IOException {
        Network n = load("""
                extends: hasu
                close_sites: [D]
                """);
        Site d = site(n, "D");
        assertFalse(d.open());
        assertTrue(d.services().isEmpty());
        assertFalse(d.offers(Service.TYPE1_AE));
        assertTrue(d.beds().isEmpty());
        // Every zone's nearest HASU is now A: Z5 -> A is 20 normal = 10 blue light.
        double[] hasu = NetworkCheck.nearestMinutes(n, Service.HASU, NetworkCheck.OFF_PEAK_HOUR, TravelTimes.Mode.BLUE_LIGHT);
        assertEquals(10.0, hasu[4], 1e-9);
    }

    @Test
    void hospitalNamesAreAcceptedWhereverASiteIdIs() throws IOException {
        Network byName = load("""
                extends: hasu
                close_sites: [southern infirmary]
                add_services:
                  hasu: ["Riverside Hospital"]
                beds:
                  Riverside Hospital: {hasu: 4}
                cover:
                  stroke_unit:
                    sites: {"NORTHERN GENERAL": weekday-08-18}
                """);
        Network byId = load("""
                extends: hasu
                close_sites: [D]
                add_services:
                  hasu: [B]
                beds:
                  B: {hasu: 4}
                cover:
                  stroke_unit:
                    sites: {A: weekday-08-18}
                """);
        for (Site s : byId.sites()) {
            Site n = site(byName, s.id());
            assertEquals(s.open(), n.open(), s.id());
            assertEquals(s.services(), n.services(), s.id());
            assertEquals(s.beds(), n.beds(), s.id());
            for (Service sv : s.services()) {
                assertEquals(s.coverFor(sv), n.coverFor(sv), s.id() + " " + sv);
            }
        }
        assertEquals(4, site(byName, "B").bedsFor(Service.HASU));
        assertFalse(site(byName, "D").open());
    }

    @Test
    void aMisspeltHospitalNameGetsADidYouMean() throws IOException {
        org.acuteflow.config.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.acuteflow.config.InputException.class, () -> load("""
                        extends: hasu
                        close_sites: [Southern Infirmery]
                        """));
        String m = e.problems().get(0).toString();
        assertTrue(m.contains("test.yaml:2"), m);
        assertTrue(m.contains("unknown site 'Southern Infirmery'; did you mean D (Southern Infirmary)"), m);
    }

    @Test
    void closingAndOpeningServicesChangeOnlyTheNamedSites() throws IOException {
        Network n = load("""
                extends: hasu
                remove_services:
                  hasu: [D]
                add_services:
                  hasu: [B]
                  mtc: [B, C]
                """);
        assertFalse(site(n, "D").offers(Service.HASU));
        assertTrue(site(n, "D").offers(Service.STROKE_UNIT));
        assertTrue(site(n, "B").offers(Service.HASU));
        assertTrue(site(n, "A").offers(Service.HASU));
        assertTrue(site(n, "C").offers(Service.MTC));
        // B has no HASU bed count in the data: unlimited.
        assertEquals(Integer.MAX_VALUE, site(n, "B").bedsFor(Service.HASU));
    }

    @Test
    void servicesListReplacesTheSitesOfferingAService() throws IOException {
        Network n = load("""
                extends: hasu
                services:
                  stroke_unit: [C]
                """);
        assertEquals(Set.of("C"), Set.copyOf(n.sites().stream().filter(s -> s.offers(Service.STROKE_UNIT))
                .map(Site::id).toList()));
    }

    @Test
    void reopeningASiteClosedByTheParentRestoresItsServices() throws IOException {
        Network closed = load("""
                extends: hasu
                close_sites: [B]
                """);
        assertFalse(site(closed, "B").open());
        Files.writeString(dir.resolve("configurations/closed.yaml"), "extends: hasu\nclose_sites: [B]\n");
        Network reopened = load("""
                extends: closed
                open_sites: [B]
                """);
        assertTrue(site(reopened, "B").open());
        assertTrue(site(reopened, "B").offers(Service.STROKE_UNIT));
        assertEquals(20, site(reopened, "B").bedsFor(Service.STROKE_UNIT));
    }

    @Test
    void bedsCoverAndFleetApplyAsWritten() throws IOException {
        Network n = load("""
                extends: hasu
                cover_profiles:
                  weekend-only:
                    hours: {sat-sun: "00-24"}
                    on_call_delay_minutes: 20
                beds:
                  A: {hasu: 12, stroke_unit: unlimited}
                cover:
                  hasu:
                    sites: {D: weekend-only}
                fleet:
                  vehicles: {S2: 5}
                """);
        Site a = site(n, "A");
        assertEquals(12, a.bedsFor(Service.HASU));
        assertEquals(Integer.MAX_VALUE, a.bedsFor(Service.STROKE_UNIT));
        CoverSchedule d = site(n, "D").coverFor(Service.HASU);
        assertEquals(48, d.hoursOnSitePerWeek());
        assertEquals(20.0, d.onCallDelayMinutes(), 1e-9);
        assertTrue(d.onSiteAt(5 * 24));
        assertFalse(d.onSiteAt(4 * 24 + 23));
        // A keeps the parent's 24x7 HASU cover.
        assertEquals(168, a.coverFor(Service.HASU).hoursOnSitePerWeek());
        assertEquals(4 + 5, n.totalVehicles());
    }

    @Test
    void fleetScaleKeepsTheRoundedTotalByLargestRemainders() throws IOException {
        // 4 and 2 vehicles x 0.75 = 3.0 and 1.5: total round(4.5) = 5 (Math.round rounds half up), so S2 gets 2.
        Network n = load("""
                extends: hasu
                fleet:
                  scale: 0.75
                """);
        assertEquals(3, n.stations().get(0).vehicles());
        assertEquals(2, n.stations().get(1).vehicles());
    }
}
