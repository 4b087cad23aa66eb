package org.acuteflow.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.TravelTimes;

/**
 * Per-zone candidate sites and stations in order of base (off-peak blue-light) travel time, computed once per
 * scenario. Travel factors depend on the hour and mode only, so the order is the same at every hour; only
 * thresholds (the MTC bypass) need the hour's factor. Immutable and shared by all replications.
 */
public final class Routing {
    private final int[][] strokeSites;
    private final int[][] aeSites;
    private final int[][] mtcSites;
    private final int[][] traumaUnitSites;
    private final int[][] stationOrder;
    private final int[] nearestMtcFromSite;
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
        IntPredicate strokeEligible = switch (protocol.stroke()) {
            case NEAREST_HASU -> s -> sites.get(s).offers(Service.HASU);
            case NEAREST_STROKE_UNIT -> s -> sites.get(s).offers(Service.HASU) || sites.get(s).offers(Service.STROKE_UNIT);
            case NEAREST_AE -> ae;
        };
        strokeDivertsOnFullHasu = protocol.stroke() == RoutingProtocol.StrokeRouting.NEAREST_HASU;
        IntPredicate mtc = s -> sites.get(s).offers(Service.MTC);
        IntPredicate traumaUnit = s -> sites.get(s).offers(Service.TRAUMA_UNIT) || sites.get(s).offers(Service.MTC);
        aeSites = new int[zones][];
        strokeSites = new int[zones][];
        mtcSites = new int[zones][];
        traumaUnitSites = new int[zones][];
        stationOrder = new int[zones][];
        for (int z = 0; z < zones; z++) {
            final int zone = z;
            Integer[] bySiteTime = new Integer[sites.size()];
            for (int s = 0; s < bySiteTime.length; s++) {
                bySiteTime[s] = s;
            }
            Arrays.sort(bySiteTime, Comparator.<Integer>comparingDouble(s -> t.zoneToSite(zone, s))
                    .thenComparingInt(s -> s));
            aeSites[z] = filter(bySiteTime, ae);
            int[] stroke = filter(bySiteTime, strokeEligible);
            strokeSites[z] = stroke.length > 0 ? stroke : aeSites[z];
            mtcSites[z] = filter(bySiteTime, mtc);
            int[] tu = filter(bySiteTime, traumaUnit);
            traumaUnitSites[z] = tu.length > 0 ? tu : aeSites[z];
            List<Integer> st = new ArrayList<>();
            for (int s = 0; s < vehiclesPerStation.length; s++) {
                if (vehiclesPerStation[s] > 0) {
                    st.add(s);
                }
            }
            st.sort(Comparator.<Integer>comparingDouble(s -> t.stationToZone(s, zone)).thenComparingInt(s -> s));
            stationOrder[z] = st.stream().mapToInt(Integer::intValue).toArray();
        }
        nearestMtcFromSite = new int[sites.size()];
        for (int a = 0; a < sites.size(); a++) {
            int best = -1;
            for (int b = 0; b < sites.size(); b++) {
                if (b != a && mtc.test(b) && (best < 0 || t.siteToSite(a, b) < t.siteToSite(a, best))) {
                    best = b;
                }
            }
            nearestMtcFromSite[a] = best;
        }
    }

    private static int[] filter(Integer[] ordered, IntPredicate keep) {
        return Arrays.stream(ordered).mapToInt(Integer::intValue).filter(keep).toArray();
    }

    /** Stroke-protocol sites for zone {@code z}, nearest first (never empty). */
    public int[] strokeSites(int z) {
        return strokeSites[z];
    }

    /** Type-1 A&E sites (or all open sites if none offers A&E), nearest first (never empty). */
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

    /** Stations with vehicles, nearest first. */
    public int[][] stationOrder() {
        return stationOrder;
    }

    /** The MTC nearest to site {@code s} other than itself, or -1. */
    public int nearestMtcFromSite(int s) {
        return nearestMtcFromSite[s];
    }

    /** Whether a full HASU makes suspected strokes go to the next nearest HASU. */
    public boolean strokeDivertsOnFullHasu() {
        return strokeDivertsOnFullHasu;
    }
}
