package org.acuteflow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.config.SourceMap;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Station;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;
import org.acuteflow.sim.ReplicationContext;

/**
 * Synthetic results with known values: a 6 x 5 grid of zones around central London, three sites, and scenarios
 * "current" (baseline: all three sites admit stroke) and "concentrated" (only the HASU site admits stroke, so
 * far zones travel longer). Deaths per year are 100, 110, 120 (current) and 90, 99, 111 (concentrated) in
 * replications 0..2, so the paired differences are -10, -11, -9.
 */
final class ReportFixture {
    static final double[] DEATHS_CURRENT = {100, 110, 120};
    static final double[] DEATHS_CONCENTRATED = {90, 99, 111};
    static final int ZONE_ROWS = 6;
    static final int ZONE_COLS = 5;

    private ReportFixture() {
    }

    /** Straight-line minutes at 40 km/h between places given by lat/lon, a stand-in for road times. */
    record LineTravel(List<Zone> zones, List<Site> sites) implements TravelTimes {
        static double minutes(double lat1, double lon1, double lat2, double lon2) {
            double dy = (lat2 - lat1) * 111.195;
            double dx = (lon2 - lon1) * 111.195 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
            return Math.sqrt(dx * dx + dy * dy) / 40 * 60;
        }

        @Override
        public double zoneToSite(int zone, int site) {
            Zone z = zones.get(zone);
            Site s = sites.get(site);
            return minutes(z.lat(), z.lon(), s.lat(), s.lon());
        }

        @Override
        public double stationToZone(int station, int zone) {
            return 5;
        }

        @Override
        public double siteToSite(int fromSite, int toSite) {
            Site a = sites.get(fromSite);
            Site b = sites.get(toSite);
            return minutes(a.lat(), a.lon(), b.lat(), b.lon());
        }

        @Override
        public double siteToStation(int site, int station) {
            return 5;
        }

        @Override
        public double factor(int hourOfWeek, Mode mode) {
            return 1;
        }
    }

    static List<Zone> zones() {
        List<Zone> zones = new ArrayList<>();
        for (int r = 0; r < ZONE_ROWS; r++) {
            for (int c = 0; c < ZONE_COLS; c++) {
                int i = zones.size();
                zones.add(new Zone(i, "Z" + (100 + i), "Zone " + i, r < 3 ? "South" : "North", 51.40 + 0.04 * r,
                        -0.30 + 0.06 * c, 1500 + 10 * i, 250 + i, 3 + 0.1 * i));
            }
        }
        return zones;
    }

    static Network network(boolean concentrated) {
        List<Zone> zones = zones();
        List<Site> sites = List.of(
                new Site(0, "S-CEN", "Central Hospital", 51.50, -0.18, true,
                        EnumSet.of(Service.TYPE1_AE, Service.HASU, Service.THROMBOLYSIS, Service.MTC),
                        Map.of(Service.HASU, 20), Map.of()),
                new Site(1, "S-NOR", "North General", 51.60, -0.05, true,
                        concentrated ? EnumSet.of(Service.TYPE1_AE) : EnumSet.of(Service.TYPE1_AE, Service.STROKE_UNIT),
                        Map.of(), Map.of()),
                new Site(2, "S-SOU", "South \"Infirmary\" & Clinic", 51.42, 0.00, !concentrated,
                        concentrated ? Set.of() : EnumSet.of(Service.TYPE1_AE, Service.STROKE_UNIT, Service.TRAUMA_UNIT),
                        Map.of(), Map.of()));
        List<Station> stations = List.of(new Station(0, "A1", "Station One", 51.5, -0.1, 6),
                new Station(1, "A2", "Station Two", 51.45, -0.2, 4));
        return new Network("testland", concentrated ? "concentrated" : "current", zones, sites, stations,
                new LineTravel(zones, sites), new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_STROKE_UNIT,
                RoutingProtocol.TraumaRouting.NEAREST_AE, 45));
    }

    /** A prepared scenario that only answers for its network; these tests never simulate. */
    record FixedModel(Network network) implements ScenarioModel {
        @Override
        public ReplicationResult simulate(ReplicationContext context, RunControl run, PatientSink patients) {
            throw new UnsupportedOperationException("report tests use fixed results");
        }
    }

    static JsonNode parameters(String scenario) {
        try {
            return new ObjectMapper().readTree("{\"demand\": {\"strokes_per_100k_per_year\": 180, "
                    + "\"weekly_profile\": [1.0, 0.9, 1.1]}, \"hospital\": {\"hasu\": {\"door_to_needle_minutes\": "
                    + ("concentrated".equals(scenario) ? "30" : "45") + ", \"name\": \"<HASU> & co\"}}, "
                    + "\"transfers\": [{\"from\": \"S-NOR\", \"minutes\": 20}]}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SourceMap sources(String scenario) {
        SourceMap m = new SourceMap("experiment.yaml");
        m.put("parameters.demand", "/somewhere/params/demand-2010.yaml", 3, 1);
        m.put("parameters.demand.strokes_per_100k_per_year", "/somewhere/params/demand-2010.yaml", 4, 3);
        m.put("parameters.hospital.hasu.door_to_needle_minutes",
                "concentrated".equals(scenario) ? "experiment.yaml" : "built-in hospital.yaml",
                "concentrated".equals(scenario) ? 31 : 12, 5);
        return m;
    }

    static Experiment experiment(int replications, Set<String> outputs) {
        List<ScenarioSpec> specs = List.of(
                new ScenarioSpec(0, "current", "Stroke units in every district hospital, as before 2010.",
                        "current", parameters("current"), sources("current"), NetworkEdits.NONE),
                new ScenarioSpec(1, "concentrated", "Acute stroke care in one HASU.", "concentrated",
                        parameters("concentrated"), sources("concentrated"), NetworkEdits.NONE));
        return new Experiment("test-stroke", "Would one HASU save lives?\n\nA test <question> & answer.",
                Path.of("experiments", "test-stroke.yaml"), "ab".repeat(32), Path.of("networks", "testland"),
                new RunControl(365, 30, replications, 42, 1), outputs, "current", specs, null);
    }

    static Set<String> allOutputs() {
        return Set.of("differences", "report", "charts", "geojson");
    }

    /** The full results: every contract metric and series, three replications. */
    static ExperimentResults full() {
        return results(experiment(3, allOutputs()), true);
    }

    static ExperimentResults results(Experiment e, boolean withNetwork) {
        int reps = e.run().replications();
        List<ScenarioModel> models = new ArrayList<>();
        ReplicationResult[][] rr = new ReplicationResult[e.scenarios().size()][reps];
        for (ScenarioSpec spec : e.scenarios()) {
            int s = spec.index();
            Network net = network(s == 1);
            models.add(new FixedModel(withNetwork ? net : null));
            for (int r = 0; r < reps; r++) {
                rr[s][r] = replication(net, s, r);
            }
        }
        return new ExperimentResults(e, rr, models);
    }

    static ReplicationResult replication(Network net, int s, int r) {
        ReplicationResult x = new ReplicationResult();
        double deaths = (s == 0 ? DEATHS_CURRENT : DEATHS_CONCENTRATED)[r % 3];
        x.metric("deaths_total", deaths);
        x.metric("stroke_deaths_90d", 40 - 4 * s + r);
        x.metric("stroke_mortality_90d", 0.2 - 0.02 * s + 0.001 * r);
        x.metric("trauma_deaths", 20 + r * 0.5);
        x.metric("emergency_deaths_30d", 40 + r);
        x.metric("stroke_travel_minutes_mean", 14 + 3 * s + 0.25 * r);
        x.metric("stroke_travel_minutes_p95", 30 + 5 * s + 0.5 * r);
        x.metric("stroke_share_within_30min", 0.95 - 0.05 * s - 0.01 * r);
        x.metric("stroke_share_within_45min", 0.99 - 0.01 * s);
        x.metric("thrombolysis_rate", 0.08 + 0.04 * s + 0.003 * r);
        x.metric("onset_to_needle_minutes_median", 150 - 20 * s + r);
        x.metric("door_to_needle_minutes_median", 60 - 25 * s + 2 * r);
        x.metric("ambulance_response_minutes_mean", 7.5 + 0.1 * r);
        x.metric("ambulance_share_within_8min", 0.72 + 0.01 * r);
        x.metric("hasu_occupancy_mean", 12.345 + 6 * s + r);
        x.metric("diverts_per_year", s == 0 ? 0 : 5 + r);
        x.metric("incidents_per_year", 30000 + r);
        x.metric("strokes_per_year", 900 + r);
        x.metric("events_executed", 1_000_000 + r);
        for (Site site : net.sites()) {
            if (site.open()) {
                x.metric("site_admissions_per_year." + site.id(), 5000 + 1000 * site.index() + 10 * r + 500 * s);
            }
        }
        int zones = net.zones().size();
        double[] chosen = new double[zones];
        double[] minutes = new double[zones];
        double[] expected = new double[zones];
        for (Zone z : net.zones()) {
            int best = -1;
            for (Site site : net.sites()) {
                boolean stroke = site.offers(Service.HASU) || site.offers(Service.STROKE_UNIT);
                if (stroke && (best < 0 || net.travel().zoneToSite(z.index(), site.index())
                        < net.travel().zoneToSite(z.index(), best))) {
                    best = site.index();
                }
            }
            chosen[z.index()] = best;
            minutes[z.index()] = net.travel().zoneToSite(z.index(), best);
            expected[z.index()] = deaths / zones * (0.5 + z.index() % 3 * 0.5);
        }
        x.series("zone_stroke_site_index", chosen);
        x.series("zone_stroke_travel_minutes_base", minutes);
        x.series("zone_expected_deaths", expected);
        double[] week = new double[168];
        double[] deathsWeek = new double[168];
        double[] hasu = new double[168];
        double[] ed = new double[168];
        for (int h = 0; h < 168; h++) {
            int hour = h % 24;
            int day = h / 24;
            week[h] = 3 + 2 * Math.sin(Math.PI * (hour - 6) / 12) + (day >= 5 ? -0.5 : 0) + 0.1 * r;
            deathsWeek[h] = 0.01 * week[h] * (1 + 0.1 * s);
            hasu[h] = 12 + 6 * s + 2 * Math.sin(2 * Math.PI * h / 168);
            ed[h] = 30 + 10 * Math.sin(Math.PI * (hour - 8) / 12);
        }
        x.series("arrivals_by_hour_of_week", week);
        x.series("stroke_arrivals_by_hour_of_week", scale(week, 0.05));
        x.series("deaths_by_hour_of_week", deathsWeek);
        x.series("hasu_occupancy_by_hour_of_week", hasu);
        x.series("ed_occupancy_by_hour_of_week", ed);
        double[] histogram = new double[121];
        for (int m = 0; m < 121; m++) {
            double centre = 14 + 3 * s;
            histogram[m] = Math.exp(-Math.pow((m - centre) / 6.0, 2)) * 100;
        }
        x.series("stroke_travel_minutes_histogram", histogram);
        double[] admissions = new double[net.sites().size()];
        double[] hasuSite = new double[net.sites().size()];
        for (Site site : net.sites()) {
            admissions[site.index()] = site.open() ? 5000 + 1000 * site.index() : 0;
            hasuSite[site.index()] = site.offers(Service.HASU) ? 12.5 + 6 * s : 0;
        }
        x.series("site_admissions", admissions);
        x.series("site_stroke_admissions", scale(admissions, 0.1));
        x.series("site_hasu_occupancy_mean", hasuSite);
        double[] doorToNeedle = new double[net.sites().size()];
        for (Site site : net.sites()) {
            // Thrombolysis only where there is a HASU, and none at all in replication 1: that replication has
            // no median, so the mean is over the others.
            doorToNeedle[site.index()] = site.offers(Service.HASU) && r != 1 ? 40 + 10 * r : Double.NaN;
        }
        x.series("site_door_to_needle_minutes_median", doorToNeedle);
        x.series("site_expected_deaths", scale(admissions, 0.02));
        return x;
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }
}
