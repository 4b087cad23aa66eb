package org.acuteflow.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Provider networks: groups of zones and sites (e.g. the three London academic health science networks of
 * 2013) and whether ambulance routing stays within the patient's own network.
 *
 * <p>The rule, applied by the model's routing: a conveyed patient from a zone of network N goes to the nearest
 * site of N offering what the protocol asks for. The stated exception is for specialist units (a HASU for
 * suspected stroke under {@code nearest_hasu}, an MTC for major trauma, and the MTC a trauma unit transfers
 * to): a unit in another network is used when it is more than {@code borderMinutes} nearer (off-peak blue
 * light) than the nearest unit in N, or when N has none. When N has no site of a kind at all, routing for that
 * kind is unrestricted. Patients who present themselves, zones in no network and ambulance dispatch are never
 * restricted.
 *
 * @param names          network names, in the order first met in the file
 * @param zoneNetwork    per zone, the index into {@code names}, or -1 for no network
 * @param siteNetwork    per site, the index into {@code names}, or -1 for no network
 * @param restrict       whether routing is restricted to the patient's own network
 * @param borderMinutes  the exception margin in minutes; {@link Double#POSITIVE_INFINITY} for no exception
 */
public record ProviderNetworks(List<String> names, int[] zoneNetwork, int[] siteNetwork, boolean restrict,
                               double borderMinutes) {

    /** A site belongs to the area of the zone nearest to it when that zone's centroid is within this distance. */
    public static final double AREA_MATCH_KM = 2.0;

    public ProviderNetworks {
        names = List.copyOf(names);
        zoneNetwork = zoneNetwork.clone();
        siteNetwork = siteNetwork.clone();
    }

    /** Network of zone {@code z}, or -1. */
    public int ofZone(int z) {
        return zoneNetwork[z];
    }

    /** Network of site {@code s}, or -1. */
    public int ofSite(int s) {
        return siteNetwork[s];
    }

    /** Whether routing for zone {@code z} is restricted (restriction on and the zone in a network). */
    public boolean restricts(int z) {
        return restrict && zoneNetwork[z] >= 0;
    }

    /**
     * The area (e.g. borough) each site lies in: that of the zone whose centroid is nearest, when within
     * {@link #AREA_MATCH_KM}; null otherwise (a site outside the mapped region).
     */
    public static String[] siteAreas(List<Zone> zones, List<Site> sites) {
        String[] out = new String[sites.size()];
        for (Site s : sites) {
            Zone nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Zone z : zones) {
                double km = Geo.km(s.lat(), s.lon(), z.lat(), z.lon());
                if (km < best) {
                    best = km;
                    nearest = z;
                }
            }
            out[s.index()] = nearest != null && best <= AREA_MATCH_KM ? nearest.area() : null;
        }
        return out;
    }

    /** Names of the sites in network {@code n}, for messages and documentation. */
    public List<String> siteIds(int n, List<Site> sites) {
        List<String> out = new ArrayList<>();
        for (Site s : sites) {
            if (siteNetwork[s.index()] == n) {
                out.add(s.id());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderNetworks p && names.equals(p.names) && Arrays.equals(zoneNetwork, p.zoneNetwork)
                && Arrays.equals(siteNetwork, p.siteNetwork) && restrict == p.restrict
                && Double.compare(borderMinutes, p.borderMinutes) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(siteNetwork);
    }

    @Override
    public String toString() {
        return "ProviderNetworks" + names + (restrict ? " restricted, border " + borderMinutes + " min" : "");
    }
}
