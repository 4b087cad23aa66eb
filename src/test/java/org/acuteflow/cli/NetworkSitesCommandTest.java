package org.acuteflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkSitesCommandTest {
    @Test
    void listsEverySiteWithItsNameAndServices() {
        MainTest.Outcome o = MainTest.run("network", "sites", "networks/example");
        assertEquals(Main.OK, o.code(), o.err());
        String[] lines = o.out().split("\n");
        assertEquals(6, lines.length, o.out());
        assertTrue(lines[0].startsWith("id") && lines[0].contains("name") && lines[0].contains("services"));
        assertTrue(lines[1].matches("A\\s+Northern General\\s+type1_ae hasu stroke_unit thrombolysis thrombectomy mtc"),
                lines[1]);
        assertTrue(lines[3].matches("C\\s+Harbour Hospital\\s+type1_ae trauma_unit"), lines[3]);
        assertEquals("4 sites", lines[5]);
    }
}
