package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.NetworkEdits.SiteService;
import org.acuteflow.config.Problems;
import org.junit.jupiter.api.Test;

class NetworkEditorTest {
    @Test
    void closingASiteRemovesAllItsServicesAndKeepsTheRest() {
        Network n = ThreeSiteNetwork.create();
        Problems p = Problems.forFile("exp.yaml");
        Network edited = NetworkEditor.apply(n, new NetworkEdits(List.of("A"), List.of(), List.of()), p, "scenarios[0]");
        // A is the only HASU and strokes are routed to HASUs: the closure is applied, and reported as leaving
        // strokes nowhere to go.
        assertEquals(1, p.list().size(), p.list().toString());
        assertEquals("scenarios[0].close_sites", p.list().get(0).field());
        assertTrue(p.list().get(0).message().contains("[hasu]"), p.list().toString());
        assertFalse(edited.sites().get(0).open());
        assertFalse(edited.sites().get(0).offers(Service.TYPE1_AE));
        assertTrue(edited.sites().get(2).offers(Service.TYPE1_AE));
        assertSame(n.travel(), edited.travel());
        assertTrue(n.sites().get(0).open(), "the original network is unchanged");
    }

    @Test
    void servicesAreWithdrawnAndAddedAtOneSite() {
        Network edited = NetworkEditor.apply(ThreeSiteNetwork.create(), new NetworkEdits(List.of(),
                List.of(new SiteService("A", "hasu")), List.of(new SiteService("C", "hasu"))),
                Problems.forFile("x"), "s");
        assertEquals(Set.of(Service.TYPE1_AE), edited.sites().get(0).services());
        assertEquals(Set.of(Service.TYPE1_AE, Service.HASU), edited.sites().get(2).services());
        assertEquals(10, edited.sites().get(0).bedsFor(Service.HASU), "beds stay with the site");
    }

    /** A trauma unit or MTC needs an emergency department: withdrawing the A&E withdraws them, nothing else. */
    @Test
    void closingAnAeWithdrawsTheTraumaServicesThatNeedIt() {
        Network n = ThreeSiteNetwork.create();
        Site a = n.sites().get(0);
        Site withTrauma = new Site(a.index(), a.id(), a.name(), a.lat(), a.lon(), true,
                Set.of(Service.TYPE1_AE, Service.HASU, Service.TRAUMA_UNIT, Service.MTC), a.beds(), a.cover());
        Network base = new Network(n.name(), n.configuration(), n.zones(),
                List.of(withTrauma, n.sites().get(1), n.sites().get(2)), n.stations(), n.travel(), n.protocol());
        Network edited = NetworkEditor.apply(base, new NetworkEdits(List.of(),
                List.of(new SiteService("A", "type1_ae")), List.of()), Problems.forFile("x"), "s");
        assertEquals(Set.of(Service.HASU), edited.sites().get(0).services());
        Network hasuOnly = NetworkEditor.apply(base, new NetworkEdits(List.of(),
                List.of(new SiteService("A", "hasu")), List.of()), Problems.forFile("x"), "s");
        assertEquals(Set.of(Service.TYPE1_AE, Service.TRAUMA_UNIT, Service.MTC), hasuOnly.sites().get(0).services());
    }

    @Test
    void unknownSitesAndServicesAreAllReported() {
        Problems p = Problems.forFile("exp.yaml");
        NetworkEditor.apply(ThreeSiteNetwork.create(), new NetworkEdits(List.of("Q"),
                List.of(new SiteService("A", "cardiology")), List.of(new SiteService("Z", "hasu"))), p, "scenarios[1]");
        List<String> fields = p.list().stream().map(x -> x.field()).toList();
        assertEquals(List.of("scenarios[1].close_sites[0]", "scenarios[1].close_services[0].service",
                "scenarios[1].open_services[0].site"), fields);
    }
}
