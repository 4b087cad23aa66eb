package org.acuteflow.pathway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.acuteflow.network.Network;
import org.acuteflow.network.ProviderNetworks;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.TravelTimes;

/**
 * Per-zone candidate sites and stations in order of base (off-peak blue-light) travel time, computed once per
 * scenario. Travel factors depend on the hour and mode only, so the order is the same at every hour; only
 * thresholds (the MTC bypass) need the hour's factor. Immutable and shared by all replications.
 *
 * <p>The one place where provider networks restrict routing ({@link ProviderNetworks} states the rule): every
 * destination list of a zone is cut to its own network here, specialist lists (HASU, MTC) keeping the
 * cross-border units the exception allows.
 */
public final class Routing {
    private final int[][] strokeSites;
    private final int[][] aeSites;
    private final int[][] mtcSites;
    private final int[][] traumaUnitSites;
    private final int[][] pciSites;
    /**
     * The first of each zone's lists above in one dense array per list (-1 when the list is empty): the nearest
     * site is what most patients need, and a zone-indexed int is one read where the row is two, each a likely
     * cache miss on a network of tens of thousands of zones.
     */
    private final int[] nearestStroke;
    private final int[] nearestAe;
    private final int[] nearestPci;
    private final int[][] stationOrder;
    private final int[] selfPresentSite;
    private final int[] homeStrokeUnit;
    private final int[] nearestMtcFromSite;
    private final int[] nearestPciFromSite;
    private final boolean strokeDivertsOnFullHasu;

    public Routing(Network network, int[] vehiclesPerStation) {
        TravelTimes t = network.travel();
        List<Site> sites = network.sites();
        int zones = network.zones().size();
        RoutingProtocol protocol = network.protocol();
        IntPredicate ae = s -> sites.get(s).offers(Service.TYPE1_AE);
        boolean anyAe = sites.stream().anyMatch(s -> s.offers(Service.TYPE1_AE));
        if (!anyAe) {
            if (sites.stream().noneMatch(Site::open)) {
                throw new IllegalArgumentException("network " + network.name() + "/" + network.configuration()
                        + " has no open hospital site");
            }
            ae = s -> sites.get(s).open();
        }
        // Which sites a rule may use is stated once, by the rule (RoutingProtocol.Eligibility); an A&E rule keeps
        // the fallback above for networks without a type-1 A&E.
        Set<Service> strokeServices = protocol.stroke().services();
        IntPredicate strokeEligible = strokeServices.equals(RoutingProtocol.AE) ? ae
                : s -> RoutingProtocol.qualifies(sites.get(s), strokeServices);
        strokeDivertsOnFullHasu = protocol.stroke() == RoutingProtocol.StrokeRouting.NEAREST_HASU;
        ProviderNetworks pn = protocol.providerNetworks();
        IntPredicate mtc = s -> RoutingProtocol.qualifies(sites.get(s),
                RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD.services());
        IntPredicate traumaUnit = s -> sites.get(s).offers(Service.TRAUMA_UNIT) || sites.get(s).offers(Service.MTC);
        IntPredicate pci = s -> sites.get(s).offers(Service.PCI);
        aeSites = new int[zones][];
        strokeSites = new int[zones][];
        mtcSites = new int[zones][];
        traumaUnitSites = new int[zones][];
        pciSites = new int[zones][];
        stationOrder = new int[zones][];
        selfPresentSite = new int[zones];
        homeStrokeUnit = new int[zones];
        IntPredicate strokeUnit = s -> sites.get(s).offers(Service.STROKE_UNIT);
        for (int z = 0; z < zones; z++) {
            final int zone = z;
            Integer[] bySiteTime = sitesByMinutes(sites.size(), s -> t.zoneToSite(zone, s));
            int[] allAe = filter(bySiteTime, ae);
            selfPresentSite[z] = allAe[0];
            // Ambulance destinations: within the zone's provider network when routing is restricted.
            int own = pn != null && pn.restricts(z) ? pn.ofZone(z) : -1;
            IntToDoubleFunction fromZone = s -> t.zoneToSite(zone, s);
            aeSites[z] = withinNetwork(allAe, own, pn, false, fromZone);
            int[] stroke = withinNetwork(filter(bySiteTime, strokeEligible), own, pn, strokeDivertsOnFullHasu, fromZone);
            strokeSites[z] = stroke.length > 0 ? stroke : aeSites[z];
            mtcSites[z] = withinNetwork(filter(bySiteTime, mtc), own, pn, true, fromZone);
            int[] tu = withinNetwork(filter(bySiteTime, traumaUnit), own, pn, false, fromZone);
            traumaUnitSites[z] = tu.length > 0 ? tu : aeSites[z];
            pciSites[z] = withinNetwork(filter(bySiteTime, pci), own, pn, true, fromZone);
            // A stroke unit is a local service: the nearest in the zone's own network when routing is restricted.
            int[] units = withinNetwork(filter(bySiteTime, strokeUnit), own, pn, false, fromZone);
            homeStrokeUnit[z] = units.length > 0 ? units[0] : -1;
            List<Integer> st = new ArrayList<>();
            for (int s = 0; s < vehiclesPerStation.length; s++) {
                if (vehiclesPerStation[s] > 0) {
                    st.add(s);
                }
            }
            st.sort(Comparator.<Integer>comparingDouble(s -> t.stationToZone(s, zone)).thenComparingInt(s -> s));
            stationOrder[z] = st.stream().mapToInt(Integer::intValue).toArray();
        }
        nearestStroke = firstOf(strokeSites);
        nearestAe = firstOf(aeSites);
        nearestPci = firstOf(pciSites);
        nearestMtcFromSite = nearestFromSite(network, mtc);
        nearestPciFromSite = nearestFromSite(network, pci);
    }

    private static int[] firstOf(int[][] lists) {
        int[] first = new int[lists.length];
        for (int z = 0; z < lists.length; z++) {
            first[z] = lists[z].length > 0 ? lists[z][0] : -1;
        }
        return first;
    }

    /** For each site, the nearest other site passing {@code specialist} (within provider networks), or -1. */
    private static int[] nearestFromSite(Network network, IntPredicate specialist) {
        TravelTimes t = network.travel();
        List<Site> sites = network.sites();
        ProviderNetworks pn = network.protocol().providerNetworks();
        int[] nearest = new int[sites.size()];
        for (int a = 0; a < sites.size(); a++) {
            final int from = a;
            Integer[] bySiteTime = sitesByMinutes(sites.size(), b -> t.siteToSite(from, b));
            int own = pn != null && pn.restrict() ? pn.ofSite(a) : -1;
            int[] candidates = withinNetwork(filter(bySiteTime, b -> b != from && specialist.test(b)), own, pn, true,
                    b -> t.siteToSite(from, b));
            nearest[a] = candidates.length > 0 ? candidates[0] : -1;
        }
        return nearest;
    }

    /**
     * The sites of {@code nearestFirst} open to a patient of provider network {@code own} (-1: unrestricted):
     * those of its own network; for a specialist unit, also one of another network that is more than the border
     * margin nearer than the own network's nearest; everything when the own network has none.
     */
    private static int[] withinNetwork(int[] nearestFirst, int own, ProviderNetworks pn, boolean specialist,
                                       IntToDoubleFunction minutes) {
        if (own < 0) {
            return nearestFirst;
        }
        double ownNearest = Double.NaN;
        for (int s : nearestFirst) {
            if (pn.ofSite(s) == own) {
                ownNearest = minutes.applyAsDouble(s);
                break;
            }
        }
        if (Double.isNaN(ownNearest)) {
            return nearestFirst;
        }
        final double limit = ownNearest - pn.borderMinutes();
        return Arrays.stream(nearestFirst).filter(s -> pn.ofSite(s) == own
                || specialist && minutes.applyAsDouble(s) < limit).toArray();
    }

    /** Site indices 0..n-1 by {@code minutes}, nearest first; equal times keep the lower index (a stable sort). */
    private static Integer[] sitesByMinutes(int n, IntToDoubleFunction minutes) {
        Integer[] order = new Integer[n];
        for (int s = 0; s < n; s++) {
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparingDouble(minutes::applyAsDouble));
        return order;
    }

    private static int[] filter(Integer[] ordered, IntPredicate keep) {
        return Arrays.stream(ordered).mapToInt(Integer::intValue).filter(keep).toArray();
    }

    /** Stroke-protocol sites for zone {@code z}, nearest first (never empty). */
    public int[] strokeSites(int z) {
        return strokeSites[z];
    }

    /** The first of {@link #strokeSites}. */
    public int nearestStrokeSite(int z) {
        return nearestStroke[z];
    }

    /** The first of {@link #aeSites}. */
    public int nearestAeSite(int z) {
        return nearestAe[z];
    }

    /** The first of {@link #pciSites}, or -1 when there is none. */
    public int nearestPciSite(int z) {
        return nearestPci[z];
    }

    /**
     * The stroke unit of zone {@code z}'s patients after the hyper-acute phase (their repatriation destination):
     * the nearest site with a stroke unit, within the zone's provider network when routing is restricted; -1 when
     * no site has one.
     */
    public int homeStrokeUnit(int z) {
        return homeStrokeUnit[z];
    }

    /** The nearest type-1 A&E (or open site if none offers A&E), where a patient takes itself, whatever network. */
    public int selfPresentSite(int z) {
        return selfPresentSite[z];
    }

    /** Type-1 A&E sites (or all open sites if none offers A&E) an ambulance may take zone {@code z} to, nearest first (never empty). */
    public int[] aeSites(int z) {
        return aeSites[z];
    }

    /** MTC sites, nearest first (may be empty). */
    public int[] mtcSites(int z) {
        return mtcSites[z];
    }

    /** Trauma units and MTCs (or A&Es if none), nearest first (never empty). */
    public int[] traumaUnitSites(int z) {
        return traumaUnitSites[z];
    }

    /** Primary PCI sites (heart attack centres), nearest first (may be empty). */
    public int[] pciSites(int z) {
        return pciSites[z];
    }

    /** Stations with vehicles, nearest first. */
    public int[][] stationOrder() {
        return stationOrder;
    }

    /** The MTC nearest to site {@code s} other than itself, or -1. */
    public int nearestMtcFromSite(int s) {
        return nearestMtcFromSite[s];
    }

    /** The primary PCI site nearest to site {@code s} other than itself, or -1. */
    public int nearestPciFromSite(int s) {
        return nearestPciFromSite[s];
    }

    /** Whether a full HASU makes suspected strokes go to the next nearest HASU. */
    public boolean strokeDivertsOnFullHasu() {
        return strokeDivertsOnFullHasu;
    }
}
