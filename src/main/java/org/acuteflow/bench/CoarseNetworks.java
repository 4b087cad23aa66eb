package org.acuteflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acuteflow.network.Network;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;

/**
 * Coarser versions of a network, built in memory by merging its zones into larger ones: the same sites,
 * stations, time bands and protocol, fewer and bigger zones. They exist to measure how run time depends on the
 * number of zones, not to be modelled with: a merged zone's travel time to a site is the population-weighted mean
 * of its members' times, so its patients all share one route.
 *
 * <p>For London, LSOA names carry their MSOA ("Camden 001A" belongs to "Camden 001") and the zone's area is its
 * borough, so {@link #MSOA} and {@link #AREA} give the 983 MSOAs and 33 boroughs without any extra table.
 */
public final class CoarseNetworks {

    /** An LSOA name: its MSOA's name ("Camden 001") and one capital letter. */
    private static final Pattern LSOA_NAME = Pattern.compile("(.*\\d{3})[A-Z]");

    /** The MSOA of a London LSOA (its name without the final letter); other names stand for themselves. */
    public static final Function<Zone, String> MSOA = z -> {
        Matcher m = LSOA_NAME.matcher(z.name());
        return m.matches() ? m.group(1) : z.name();
    };

    /** The zone's area (for London, the borough). */
    public static final Function<Zone, String> AREA = Zone::area;

    private CoarseNetworks() {
    }

    /**
     * The network with its zones merged by {@code groupOf} (zones with equal keys become one zone, in order of
     * first appearance). Populations and stroke admissions add up; position is the population-weighted centroid;
     * zone-to-site and station-to-zone minutes (and km) are population-weighted means over the members (plain
     * means for a group without residents).
     */
    public static Network merge(Network network, Function<Zone, String> groupOf) {
        Map<String, List<Zone>> groups = new LinkedHashMap<>();
        for (Zone z : network.zones()) {
            groups.computeIfAbsent(groupOf.apply(z), k -> new ArrayList<>()).add(z);
        }
        int sites = network.sites().size();
        int stations = network.stations().size();
        TravelTimes fine = network.travel();
        List<Zone> zones = new ArrayList<>(groups.size());
        double[] zoneToSite = new double[groups.size() * sites];
        double[] zoneToSiteKm = new double[groups.size() * sites];
        double[] stationToZone = new double[stations * groups.size()];
        int g = 0;
        for (Map.Entry<String, List<Zone>> e : groups.entrySet()) {
            List<Zone> members = e.getValue();
            double[] w = weights(members);
            double pop = 0;
            double pop65 = 0;
            double strokes = 0;
            double lat = 0;
            double lon = 0;
            for (int i = 0; i < members.size(); i++) {
                Zone z = members.get(i);
                pop += z.population();
                pop65 += z.population65Plus();
                strokes += z.strokeAdmissionsPerYear();
                lat += w[i] * z.lat();
                lon += w[i] * z.lon();
                for (int s = 0; s < sites; s++) {
                    zoneToSite[g * sites + s] += w[i] * fine.zoneToSite(z.index(), s);
                    zoneToSiteKm[g * sites + s] += w[i] * fine.zoneToSiteKm(z.index(), s);
                }
                for (int s = 0; s < stations; s++) {
                    stationToZone[s * groups.size() + g] += w[i] * fine.stationToZone(s, z.index());
                }
            }
            zones.add(new Zone(g, e.getKey(), e.getKey(), members.get(0).area(), lat, lon, pop, pop65, strokes));
            g++;
        }
        TravelTimes coarse = new FlatTravelTimes(groups.size(), sites, stations, zoneToSite, zoneToSiteKm, stationToZone,
                fine);
        return new Network(network.name() + "-" + groups.size() + "-zones", network.configuration(), zones,
                network.sites(), network.stations(), coarse, network.protocol());
    }

    /** Population shares of the members (equal shares when none has residents). */
    private static double[] weights(List<Zone> members) {
        double total = 0;
        for (Zone z : members) {
            total += Math.max(0, z.population());
        }
        double[] w = new double[members.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = total > 0 ? Math.max(0, members.get(i).population()) / total : 1.0 / w.length;
        }
        return w;
    }
}
