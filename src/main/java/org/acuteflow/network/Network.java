package org.acuteflow.network;

import java.util.List;

/**
 * A region's urgent-care network as one configuration sees it: zones, hospital sites with their services,
 * ambulance stations, travel times and the routing protocol. Immutable; shared by every replication of a
 * scenario.
 *
 * @param name           network name (e.g. "london")
 * @param configuration  configuration applied (e.g. "concentrated-2010")
 */
public record Network(String name, String configuration, List<Zone> zones, List<Site> sites,
                      List<Station> stations, TravelTimes travel, RoutingProtocol protocol) {

    public Network {
        zones = List.copyOf(zones);
        sites = List.copyOf(sites);
        stations = List.copyOf(stations);
    }

    public int totalVehicles() {
        int n = 0;
        for (Station s : stations) {
            n += s.vehicles();
        }
        return n;
    }
}
