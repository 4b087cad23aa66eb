package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The primary PCI service: London's heart attack centres and their catheter-laboratory cover. */
class HeartAttackCentresTest {
    private static final Path LONDON = Path.of("networks", "london");

    @Test
    void londonHeartAttackCentresOfferPciWithTheCathLabTeamOnSiteInWeekdayDaytime() {
        Network n = NetworkLoader.load(LONDON, "heart-attack-centres-2011");
        List<String> pci = n.sites().stream().filter(s -> s.offers(Service.PCI)).map(Site::id).sorted().toList();
        assertEquals(List.of("E11FR", "NW12BU", "NW32QG", "SE17EH", "SE59RS", "SW170QT", "hammersmith-hospital"), pci);
        CoverSchedule cover = n.sites().stream().filter(s -> s.id().equals("SW170QT")).findFirst().orElseThrow()
                .coverFor(Service.PCI);
        assertEquals(5 * 10, cover.hoursOnSitePerWeek());
        assertTrue(cover.onSiteAt(10), "Monday 10:00");
        assertFalse(cover.onSiteAt(20), "Monday 20:00");
        assertFalse(cover.onSiteAt(5 * 24 + 10), "Saturday 10:00");
        assertEquals(15, cover.onCallDelayMinutes(), 0);
        // The stroke and trauma systems are those of the configuration it extends.
        Network concentrated = NetworkLoader.load(LONDON, "concentrated-2010");
        for (Service s : List.of(Service.HASU, Service.STROKE_UNIT, Service.MTC, Service.TYPE1_AE)) {
            for (int i = 0; i < n.sites().size(); i++) {
                assertEquals(concentrated.sites().get(i).offers(s), n.sites().get(i).offers(s), s + " at site " + i);
            }
        }
        // The data columns give no site primary PCI: only a configuration does.
        assertTrue(concentrated.sites().stream().noneMatch(s -> s.offers(Service.PCI)));
    }

    @Test
    void aSitesFileMayDeclarePciAsAnOptionalColumn(@TempDir Path dir) throws Exception {
        Path net = NetworkValidationTest.copyExample(dir);
        Path sites = net.resolve("sites.csv");
        List<String> lines = Files.readAllLines(sites);
        StringBuilder out = new StringBuilder();
        int row = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                out.append(line).append('\n');
            } else {
                // The header gains the column; the first site offers primary PCI, the others do not.
                out.append(line).append(row == 0 ? ",pci" : row == 1 ? ",1" : ",0").append('\n');
                row++;
            }
        }
        Files.writeString(sites, out.toString());
        BaseNetwork base = NetworkLoader.loadBase(net);
        assertEquals(1, base.sites().stream().filter(s -> s.services().contains(Service.PCI)).count());
        assertEquals("pci", Service.PCI.key());
        assertEquals(Service.PCI, Service.parse("PCI"));
    }
}
