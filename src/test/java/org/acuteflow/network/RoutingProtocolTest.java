package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which sites each routing rule may use, as the rule states it (the candidate lists and the checks both read it). */
class RoutingProtocolTest {
    private static Site site(Service... services) {
        return new Site(0, "S0", "site", 51.5, 0, true, EnumSet.of(Service.TYPE1_AE, services), Map.of(), Map.of());
    }

    @Test
    void aSiteQualifiesForARuleWhenItOffersAnyOfItsServices() {
        Site strokeUnit = site(Service.STROKE_UNIT);
        Site hasu = site(Service.HASU);
        Site tu = site(Service.TRAUMA_UNIT);
        assertFalse(RoutingProtocol.qualifies(strokeUnit, RoutingProtocol.StrokeRouting.NEAREST_HASU.services()));
        assertTrue(RoutingProtocol.qualifies(hasu, RoutingProtocol.StrokeRouting.NEAREST_HASU.services()));
        assertTrue(RoutingProtocol.qualifies(strokeUnit, RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT.services()));
        assertTrue(RoutingProtocol.qualifies(hasu, RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT.services()));
        assertFalse(RoutingProtocol.qualifies(tu, RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD.services()));
        assertTrue(RoutingProtocol.qualifies(tu, RoutingProtocol.TraumaRouting.NEAREST_AE.services()));
        assertEquals(Set.of(Service.TYPE1_AE), RoutingProtocol.StrokeRouting.NEAREST_AE.services());
    }
}
