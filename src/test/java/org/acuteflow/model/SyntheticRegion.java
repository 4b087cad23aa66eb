package org.acuteflow.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Station;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;
import org.acuteflow.testing.ArrayTravelTimes;

/**
 * A synthetic region the size of London for benchmarks and rough calibration checks: a 40 x 40 km square
 * (about London's 1,572 km2) with 70 x 70 zones of equal population (8.2 million in all), 30 hospital sites at
 * random places (8 HASUs, 4 MTCs), and 70 ambulance stations on a grid. Base blue-light minutes = 1.45 x
 * straight-line km (road detour) / 0.61 km per minute (37 km/h); 20% slower at weekday peaks, normal driving
 * 30% slower than blue light. Not London: real networks come from the network loader.
 */
final class SyntheticRegion {
    private SyntheticRegion() {
    }

    static Network build(int vehiclesPerStation, long seed) {
        Random random = new Random(seed);
        int side = 70;
        double km = 40;
        List<Zone> zones = new ArrayList<>();
        double[][] zoneXy = new double[side * side][];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int z = i * side + j;
                zoneXy[z] = new double[] {(i + 0.5) * km / side, (j + 0.5) * km / side};
                double pop = 1700;
                zones.add(new Zone(z, "Z" + z, "zone " + z, "area", 51.5, -0.1, pop, pop * 0.12, pop * 1.15 / 1000));
            }
        }
        int nSites = 30;
        double[][] siteXy = new double[nSites][];
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < nSites; s++) {
            siteXy[s] = new double[] {4 + random.nextDouble() * (km - 8), 4 + random.nextDouble() * (km - 8)};
            EnumSet<Service> services = EnumSet.of(Service.TYPE1_AE, Service.STROKE_UNIT, Service.TRAUMA_UNIT);
            if (s < 8) {
                services.add(Service.HASU);
                services.add(Service.THROMBOLYSIS);
            }
            if (s < 4) {
                services.add(Service.MTC);
                services.add(Service.THROMBECTOMY);
            }
            Map<Service, Integer> beds = s < 8 ? Map.of(Service.HASU, 15, Service.STROKE_UNIT, 40)
                    : Map.of(Service.STROKE_UNIT, 20);
            sites.add(new Site(s, "S" + s, "site " + s, 51.5, -0.1, true, services, beds, Map.of()));
        }
        int stationSide = 7;
        int nStations = stationSide * stationSide + 21;
        double[][] stationXy = new double[nStations][];
        List<Station> stations = new ArrayList<>();
        for (int k = 0; k < nStations; k++) {
            stationXy[k] = k < stationSide * stationSide
                    ? new double[] {(k / stationSide + 0.5) * km / stationSide, (k % stationSide + 0.5) * km / stationSide}
                    : new double[] {random.nextDouble() * km, random.nextDouble() * km};
            stations.add(new Station(k, "A" + k, "station " + k, 51.5, -0.1, vehiclesPerStation));
        }
        double minutesPerKm = 1.45 / 0.61;
        double[][] zoneSite = new double[zones.size()][nSites];
        double[][] stationZone = new double[nStations][zones.size()];
        double[][] siteSite = new double[nSites][nSites];
        double[][] siteStation = new double[nSites][nStations];
        for (int z = 0; z < zones.size(); z++) {
            for (int s = 0; s < nSites; s++) {
                zoneSite[z][s] = dist(zoneXy[z], siteXy[s]) * minutesPerKm;
            }
            for (int k = 0; k < nStations; k++) {
                stationZone[k][z] = dist(stationXy[k], zoneXy[z]) * minutesPerKm;
            }
        }
        for (int a = 0; a < nSites; a++) {
            for (int b = 0; b < nSites; b++) {
                siteSite[a][b] = dist(siteXy[a], siteXy[b]) * minutesPerKm;
            }
            for (int k = 0; k < nStations; k++) {
                siteStation[a][k] = dist(siteXy[a], stationXy[k]) * minutesPerKm;
            }
        }
        ArrayTravelTimes travel = new ArrayTravelTimes(zoneSite, stationZone, siteSite, siteStation);
        for (int h = 0; h < 168; h++) {
            int hod = h % 24;
            boolean peak = h < 120 && ((hod >= 7 && hod < 10) || (hod >= 16 && hod < 19));
            travel.withFactor(h, TravelTimes.Mode.BLUE_LIGHT, peak ? 1.2 : 1.0);
            travel.withFactor(h, TravelTimes.Mode.NORMAL, peak ? 1.6 : 1.3);
        }
        RoutingProtocol protocol = new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU,
                RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, 45);
        return new Network("synthetic", "concentrated", zones, sites, stations, travel, protocol);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
