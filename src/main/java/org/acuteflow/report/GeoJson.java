package org.acuteflow.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;

/**
 * zones.geojson and sites.geojson (RFC 7946): one Point feature per zone centroid and per site, positions as
 * [longitude, latitude] in WGS 84 rounded to 6 decimals (about 0.1 m). Per-scenario values are flat properties
 * named {@code <scenario>.<property>}, so that GIS tools can colour by them directly; a value the model did not
 * report is null. Features and properties are written in a fixed order (network order, then experiment order).
 */
final class GeoJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private GeoJson() {
    }

    /** The zones of the first scenario with a network (zones do not change with configuration), or none. */
    static Network referenceNetwork(ExperimentResults results) {
        int b = results.experiment().baselineIndex();
        if (results.model(b).network() != null) {
            return results.model(b).network();
        }
        for (int s = 0; s < results.scenarios(); s++) {
            if (results.model(s).network() != null) {
                return results.model(s).network();
            }
        }
        return null;
    }

    /** @return false (and writes nothing) when no scenario has a network */
    static boolean writeZones(ExperimentResults results, Path file) throws IOException {
        Network ref = referenceNetwork(results);
        if (ref == null) {
            return false;
        }
        Experiment e = results.experiment();
        List<Map<String, Integer>> zoneIndex = new ArrayList<>();
        for (int s = 0; s < results.scenarios(); s++) {
            zoneIndex.add(indexById(results.model(s).network(), true));
        }
        ObjectNode root = featureCollection();
        ArrayNode features = root.putArray("features");
        for (Zone z : ref.zones()) {
            ObjectNode f = feature(features, z.id(), z.lon(), z.lat());
            ObjectNode p = f.putObject("properties");
            p.put("id", z.id());
            p.put("name", z.name());
            p.put("area", z.area());
            number(p, "population", z.population());
            number(p, "population_65_plus", z.population65Plus());
            number(p, "stroke_admissions_per_year_observed", z.strokeAdmissionsPerYear());
            for (int s = 0; s < results.scenarios(); s++) {
                String prefix = e.scenarios().get(s).name() + ".";
                Network net = results.model(s).network();
                Integer i = zoneIndex.get(s).get(z.id());
                number(p, prefix + "stroke_travel_minutes", at(results.seriesMean(s, Metrics.SERIES_ZONE_STROKE_TRAVEL_MINUTES_BASE.name()), i));
                Integer site = chosenSite(results, s, i);
                if (site == null || net == null || site < 0 || site >= net.sites().size()) {
                    p.putNull(prefix + "stroke_site_id");
                } else {
                    p.put(prefix + "stroke_site_id", net.sites().get(site).id());
                }
                number(p, prefix + "expected_deaths_per_year", at(results.seriesMean(s, Metrics.SERIES_ZONE_EXPECTED_DEATHS.name()), i));
                number(p, prefix + "expected_stroke_deaths_per_year",
                        at(results.seriesMean(s, Metrics.SERIES_ZONE_EXPECTED_STROKE_DEATHS.name()), i));
            }
        }
        Files2.writeString(file, JSON.writeValueAsString(root) + "\n");
        return true;
    }

    /** @return false (and writes nothing) when no scenario has a network */
    static boolean writeSites(ExperimentResults results, Path file) throws IOException {
        Experiment e = results.experiment();
        // Sites in first-seen order over scenarios: a configuration may add a site the baseline lacks.
        Map<String, Site> sites = new LinkedHashMap<>();
        for (int s = 0; s < results.scenarios(); s++) {
            Network net = results.model(s).network();
            if (net != null) {
                for (Site site : net.sites()) {
                    sites.putIfAbsent(site.id(), site);
                }
            }
        }
        if (sites.isEmpty()) {
            return false;
        }
        List<Map<String, Integer>> siteIndex = new ArrayList<>();
        for (int s = 0; s < results.scenarios(); s++) {
            siteIndex.add(indexById(results.model(s).network(), false));
        }
        ObjectNode root = featureCollection();
        ArrayNode features = root.putArray("features");
        for (Site site : sites.values()) {
            ObjectNode f = feature(features, site.id(), site.lon(), site.lat());
            ObjectNode p = f.putObject("properties");
            p.put("id", site.id());
            p.put("name", site.name());
            for (int s = 0; s < results.scenarios(); s++) {
                String scenario = e.scenarios().get(s).name();
                String prefix = scenario + ".";
                Integer i = siteIndex.get(s).get(site.id());
                Site here = i == null ? null : results.model(s).network().sites().get(i);
                if (here == null) {
                    p.putNull(prefix + "open");
                    p.putNull(prefix + "services");
                } else {
                    p.put(prefix + "open", here.open());
                    p.set(prefix + "services", services(here));
                }
                interval(p, prefix + "admissions_per_year", results, s, Metrics.SITE_ADMISSIONS_PER_YEAR.of(site.id()),
                        at(results.seriesMean(s, Metrics.SERIES_SITE_ADMISSIONS.name()), i));
                interval(p, prefix + "stroke_admissions_per_year", results, s,
                        Metrics.SITE_STROKE_ADMISSIONS_PER_YEAR.of(site.id()),
                        at(results.seriesMean(s, Metrics.SERIES_SITE_STROKE_ADMISSIONS.name()), i));
                number(p, prefix + Metrics.HASU_OCCUPANCY_MEAN.name(), at(results.seriesMean(s, Metrics.SERIES_SITE_HASU_OCCUPANCY_MEAN.name()), i));
            }
        }
        Files2.writeString(file, JSON.writeValueAsString(root) + "\n");
        return true;
    }

    /** Services in their declared order (a site's set has no stable iteration order of its own). */
    static ArrayNode services(Site site) {
        ArrayNode a = JSON.createArrayNode();
        for (Service sv : Service.values()) {
            if (site.services().contains(sv)) {
                a.add(sv.key());
            }
        }
        return a;
    }

    /**
     * The site chosen for stroke in zone {@code zone}: taken from the first replication, because the choice is
     * fixed by the configuration and an average of indices would name no site.
     */
    static Integer chosenSite(ExperimentResults results, int scenario, Integer zone) {
        if (zone == null || results.replications() == 0) {
            return null;
        }
        for (int r = 0; r < results.replications(); r++) {
            ReplicationResult rr = results.get(scenario, r);
            double[] v = rr == null ? null : rr.series().get(Metrics.SERIES_ZONE_STROKE_SITE_INDEX.name());
            if (v != null) {
                return zone < v.length && Double.isFinite(v[zone]) ? (int) Math.round(v[zone]) : null;
            }
        }
        return null;
    }

    /** The mean of the metric when reported (with its interval), else the series mean, else null. */
    private static void interval(ObjectNode p, String key, ExperimentResults results, int s, String metric,
                                 double seriesValue) {
        Statistics.Interval ci = Statistics.interval95(results.values(s, metric));
        number(p, key, ci.n() > 0 ? ci.mean() : seriesValue);
    }

    private static Map<String, Integer> indexById(Network net, boolean zones) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (net != null) {
            if (zones) {
                net.zones().forEach(z -> m.put(z.id(), z.index()));
            } else {
                net.sites().forEach(s -> m.put(s.id(), s.index()));
            }
        }
        return m;
    }

    private static double at(double[] series, Integer i) {
        return series == null || i == null || i < 0 || i >= series.length ? Double.NaN : series[i];
    }

    private static ObjectNode featureCollection() {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        return root;
    }

    private static ObjectNode feature(ArrayNode features, String id, double lon, double lat) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.put("id", id);
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        ArrayNode c = g.putArray("coordinates");
        c.add(BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
        c.add(BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
        return f;
    }

    /** Ten significant digits as in the CSV files; null for a missing (non-finite) value, since JSON has no NaN. */
    static void number(ObjectNode p, String key, double v) {
        String s = Numbers.format(v);
        if (s.isEmpty()) {
            p.putNull(key);
        } else {
            p.put(key, new BigDecimal(s));
        }
    }
}
