package org.acuteflow.network;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A one-zone network with three sites (A: A&E + HASU, B: stroke unit, C: A&E) and flat travel times. */
public final class ThreeSiteNetwork {
    private ThreeSiteNetwork() {
    }

    public static Network create() {
        TravelTimes flat = new TravelTimes() {
            @Override
            public double zoneToSite(int zone, int site) {
                return 10 + site;
            }

            @Override
            public double stationToZone(int station, int zone) {
                return 5;
            }

            @Override
            public double siteToSite(int a, int b) {
                return a == b ? 0 : 7;
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
                new Site(0, "A", "Alpha", 51.5, -0.1, true, Set.of(Service.TYPE1_AE, Service.HASU), Map.of(Service.HASU, 10), Map.of()),
                new Site(1, "B", "Beta", 51.5, -0.2, true, Set.of(Service.STROKE_UNIT), Map.of(), Map.of()),
                new Site(2, "C", "Gamma", 51.5, -0.3, true, Set.of(Service.TYPE1_AE), Map.of(), Map.of()));
        return new Network("tiny", "base", List.of(new Zone(0, "Z", "Z", "area", 51.5, -0.1, 100, 10, 1)), sites,
                List.of(new Station(0, "S", "Station", 51.5, -0.1, 2)), flat,
                new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU, RoutingProtocol.TraumaRouting.NEAREST_AE, 45));
    }
}
