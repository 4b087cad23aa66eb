package org.acuteflow.ems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.acuteflow.network.TravelTimes;
import org.junit.jupiter.api.Test;

/**
 * The fleet's bounded search for a returning vehicle must choose exactly what the exhaustive rule chooses: the
 * least (minutes from where it counts as being, id) among returning vehicles strictly nearer than the nearest free
 * station, and the nearest free station itself: the first of the zone's full order with a free vehicle. Random
 * layouts with whole-minute times (many ties), more sites and stations than a zone's short rows keep, random calls,
 * transfers, returns from scenes and hospitals, arrivals home; every dispatch is compared with a scan of all
 * vehicles written here from the rule.
 */
class FleetSearchTest {

    /** Random whole-minute times; some layouts with one time everywhere (all ties). */
    private static TravelTimes layout(Random r, int zones, int sites, int stations, int range) {
        double[][] zs = table(r, zones, sites, range);
        double[][] sz = table(r, stations, zones, range);
        double[][] ss = table(r, sites, sites, range);
        double[][] st = table(r, sites, stations, range);
        return new TravelTimes() {
            @Override
            public double zoneToSite(int zone, int site) {
                return zs[zone][site];
            }

            @Override
            public double stationToZone(int station, int zone) {
                return sz[station][zone];
            }

            @Override
            public double siteToSite(int from, int to) {
                return ss[from][to];
            }

            @Override
            public double siteToStation(int site, int station) {
                return st[site][station];
            }

            @Override
            public double factor(int hourOfWeek, Mode mode) {
                return 1;
            }
        };
    }

    private static double[][] table(Random r, int rows, int cols, int range) {
        double[][] t = new double[rows][cols];
        for (double[] row : t) {
            for (int j = 0; j < cols; j++) {
                row[j] = 1 + r.nextInt(range);
            }
        }
        return t;
    }

    /** The rule, by exhaustive scan; a mirror of the fleet's state kept by the test. */
    private static final class Exhaustive {
        final TravelTimes t;
        final int[] home;
        final boolean[] free;
        final boolean[] returning;
        final int[] from;
        final double[] start;
        final double[] end;

        Exhaustive(TravelTimes t, int[] home) {
            this.t = t;
            this.home = home;
            free = new boolean[home.length];
            java.util.Arrays.fill(free, true);
            returning = new boolean[home.length];
            from = new int[home.length];
            start = new double[home.length];
            end = new double[home.length];
        }

        int at(int v, double now) {
            return from[v] >= 0 && now < 0.5 * (start[v] + end[v]) ? from[v] : -1;
        }

        /** The chosen returning vehicle, or -1 when a station's (or none) is chosen. */
        int returningChoice(double stationMinutes, int zone, int site, double now) {
            int bestV = -1;
            double best = stationMinutes;
            for (int v = 0; v < home.length; v++) {
                if (!returning[v]) {
                    continue;
                }
                int a = at(v, now);
                double m = zone >= 0
                        ? (a >= 0 ? t.zoneToSite(zone, a) : t.stationToZone(home[v], zone))
                        : (a >= 0 ? t.siteToSite(a, site) : t.siteToStation(site, home[v]));
                if (m < best || m == best && bestV >= 0 && v < bestV) {
                    best = m;
                    bestV = v;
                }
            }
            return bestV;
        }
    }

    @Test
    void theBoundedSearchChoosesWhatTheExhaustiveRuleChooses() {
        Random r = new Random(20261205L);
        int dispatches = 0;
        int returningChosen = 0;
        int beyondShortRow = 0;
        for (int round = 0; round < 100; round++) {
            int zones = 1 + r.nextInt(6);
            int sites = 1 + r.nextInt(DispatchOrders.NEAREST_SITES * 2);
            int stations = 1 + r.nextInt(DispatchOrders.NEAREST_STATIONS * 2);
            int range = round % 10 == 0 ? 1 : 2 + r.nextInt(15);
            TravelTimes t = layout(r, zones, sites, stations, range);
            int[] perStation = IntStream.range(0, stations).map(s -> r.nextInt(4)).toArray();
            if (IntStream.of(perStation).sum() == 0) {
                perStation[0] = 1;
            }
            int[][] stationOrder = new int[zones][];
            for (int z = 0; z < zones; z++) {
                final int zone = z;
                List<Integer> st = new ArrayList<>();
                for (int s = 0; s < stations; s++) {
                    if (perStation[s] > 0) {
                        st.add(s);
                    }
                }
                st.sort(Comparator.<Integer>comparingDouble(s -> t.stationToZone(s, zone)).thenComparingInt(s -> s));
                stationOrder[z] = st.stream().mapToInt(Integer::intValue).toArray();
            }
            Fleet fleet = new Fleet(perStation, stationOrder, t, sites);
            int[] home = IntStream.range(0, fleet.size()).map(fleet::homeStation).toArray();
            Exhaustive ref = new Exhaustive(t, home);
            double now = 0;
            for (int step = 0; step < 400; step++) {
                now += r.nextInt(4) * 0.5;
                int op = r.nextInt(10);
                if (op < 5) {
                    boolean toZone = r.nextBoolean();
                    int zone = toZone ? r.nextInt(zones) : -1;
                    int site = toZone ? -1 : r.nextInt(sites);
                    int station = -1;
                    int[] order = toZone ? stationOrder[zone] : new DispatchOrders(perStation, stationOrder, t,
                            zones, sites).stationsBySite[site];
                    for (int i = 0; i < order.length; i++) {
                        if (hasFree(ref, order[i])) {
                            station = order[i];
                            if (toZone && i >= DispatchOrders.NEAREST_STATIONS) {
                                beyondShortRow++;
                            }
                            break;
                        }
                    }
                    double stationMinutes = station < 0 ? Double.POSITIVE_INFINITY
                            : toZone ? t.stationToZone(station, zone) : t.siteToStation(site, station);
                    int expectedReturning = ref.returningChoice(stationMinutes, zone, site, now);
                    int v = toZone ? fleet.dispatchToZone(zone, now, true) : fleet.dispatchToSite(site, now, true);
                    dispatches++;
                    // The minutes to the scene, as the search left them and for any vehicle, place and zone.
                    for (int k = 0; k < 2; k++) {
                        int cv = k == 0 ? v : r.nextInt(home.length);
                        int cz = k == 0 ? zone : r.nextInt(zones);
                        int cf = k == 0 ? fleet.lastFromSite() : r.nextInt(sites + 1) - 1;
                        if (cv >= 0 && cz >= 0) {
                            assertEquals(cf >= 0 ? t.zoneToSite(cz, cf) : t.stationToZone(home[cv], cz),
                                    fleet.baseMinutesToZone(cv, cf, cz));
                        }
                    }
                    if (expectedReturning >= 0) {
                        returningChosen++;
                        assertEquals(expectedReturning, v, "round " + round + " step " + step);
                        assertTrue(fleet.lastWasReturning());
                        assertEquals(ref.at(v, now), fleet.lastFromSite());
                        ref.returning[v] = false;
                    } else {
                        assertEquals(station < 0 ? -1 : "station " + station,
                                v < 0 ? -1 : "station " + home[v], "round " + round + " step " + step);
                        if (v >= 0) {
                            assertTrue(ref.free[v]);
                            ref.free[v] = false;
                        }
                    }
                } else {
                    // A busy vehicle (not returning) starts home, or a returning one arrives.
                    int v = r.nextInt(home.length);
                    if (!ref.free[v] && !ref.returning[v] && op < 8) {
                        int from = r.nextInt(3) == 0 ? -1 : r.nextInt(sites);
                        double end = now + 1 + r.nextInt(8);
                        fleet.returning(v, from, now, end);
                        ref.returning[v] = true;
                        ref.from[v] = from;
                        ref.start[v] = now;
                        ref.end[v] = end;
                    } else if (ref.returning[v]) {
                        fleet.release(v);
                        ref.returning[v] = false;
                        ref.free[v] = true;
                    }
                }
            }
        }
        assertTrue(dispatches > 10_000 && returningChosen > 1_000 && beyondShortRow > 30, dispatches
                + " dispatches, " + returningChosen + " of them returning vehicles, " + beyondShortRow
                + " to a station beyond the zone's short row");
    }

    private static boolean hasFree(Exhaustive ref, int station) {
        for (int v = 0; v < ref.home.length; v++) {
            if (ref.home[v] == station && ref.free[v]) {
                return true;
            }
        }
        return false;
    }
}
