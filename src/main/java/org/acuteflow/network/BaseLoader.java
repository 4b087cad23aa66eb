package org.acuteflow.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.YamlTrees;

/**
 * Reads a network folder (network.yaml and its CSV tables), validates everything, builds the road graph and
 * precomputes travel times. Reports every problem found, with file and line, in one {@link InputException}.
 */
final class BaseLoader {
    static final String NETWORK_FILE = "network.yaml";

    static final Set<String> ZONE_COLUMNS = Set.of("id", "name", "area", "lat", "lon", "population",
            "population_65plus", "stroke_admissions_per_year");
    static final Set<String> SITE_COLUMNS = Set.of("id", "name", "lat", "lon", "type1_ae", "hasu", "stroke_unit",
            "thrombolysis", "thrombectomy", "mtc", "trauma_unit");
    // Services added after the first networks were written are optional columns (empty: not offered).
    static final Set<String> SITE_OPTIONAL = Set.of("hasu_beds", "stroke_unit_beds", "source", "pci");
    static final Set<String> STATION_COLUMNS = Set.of("id", "name", "lat", "lon", "vehicles");
    static final Set<String> STATION_OPTIONAL = Set.of("zone", "source");
    static final Set<String> ROAD_COLUMNS = Set.of("from", "to", "km");
    static final Set<String> MATRIX_COLUMNS = Set.of("zone", "site", "minutes");

    // Upper bounds of the network's numbers: far above any real region, low enough that counts fit in memory
    // and sums of minutes or weights stay finite.
    /** Vehicles at one station. */
    static final int MAX_VEHICLES = 10_000;
    /** Beds of one service at one site. */
    static final int MAX_BEDS = 100_000;
    /** Minutes of one road or one zone-to-site trip (a week). */
    static final double MAX_TRIP_MINUTES = 7 * 1440;
    /** Kilometres of one road or trip. */
    static final double MAX_KM = 20_000;
    /** People in one zone. */
    static final double MAX_POPULATION = 1e9;

    private BaseLoader() {
    }

    /** Where a node id was defined: file and line, for duplicate messages. */
    private record Defined(String file, int line, int node) {
    }

    static BaseNetwork load(Path dir) {
        List<InputProblem> problems = new ArrayList<>();
        Path yamlPath = dir.resolve(NETWORK_FILE);
        String notFolder = org.acuteflow.config.InputFiles.notAFolder(dir);
        if (notFolder != null) {
            throw InputException.of(dir.toString(), 0, null, "network folder " + notFolder);
        }
        if (!Files.exists(yamlPath)) {
            throw InputException.of(yamlPath.toString(), 0, null,
                    "file not found: a network folder needs a network.yaml (see networks/README.md)");
        }
        YamlTrees.Located located = YamlTrees.read(yamlPath);
        YamlNode root = new YamlNode(located.tree(), "", located.sources(), problems);
        if (!root.mapping(Set.of("name", "description", "files", "boundaries", "travel", "cover_profiles"))) {
            throw InputException.of(yamlPath.toString(), 1, null, "must be a YAML mapping with keys name, files, travel");
        }
        String name = root.get("name").text(dir.getFileName().toString(), true);
        String description = root.get("description").text("", false);
        YamlNode files = root.get("files");
        files.mapping(Set.of("zones", "sites", "stations", "roads", "travel_matrix"));
        String zonesName = files.get("zones").text("zones.csv", false);
        String sitesName = files.get("sites").text("sites.csv", false);
        String stationsName = files.get("stations").text("stations.csv", false);
        String roadsName = files.get("roads").text("roads.csv", false);
        String matrixName = files.get("travel_matrix").text(null, false);
        YamlNode boundaries = root.get("boundaries");
        boundaries.mapping(Set.of("zones", "areas"));
        Path zoneBoundaries = boundaryFile(dir, boundaries.get("zones"));
        Path areaBoundaries = boundaryFile(dir, boundaries.get("areas"));

        // ---- travel settings ----
        YamlNode travelNode = root.get("travel");
        travelNode.mapping(Set.of("graph_times", "trip_curve", "blue_light_factor", "blue_light_source", "time_bands",
                "source"));
        if (!travelNode.present()) {
            travelNode.problem("is required: give at least graph_times and blue_light_factor");
        }
        String graphTimes = travelNode.get("graph_times").text("edge_minutes", true).toLowerCase(Locale.ROOT);
        boolean curveMode = graphTimes.equals("trip_curve");
        if (!curveMode && !graphTimes.equals("edge_minutes")) {
            travelNode.get("graph_times").problem("must be trip_curve (edges carry km; a curve maps path km to minutes) "
                    + "or edge_minutes (edges carry minutes)");
        }
        TripCurve curve = null;
        if (curveMode) {
            YamlNode c = travelNode.get("trip_curve");
            if (!c.present()) {
                c.problem("is required when graph_times is trip_curve");
            } else if (c.mapping(Set.of("path_km", "minutes", "road_km", "source"))) {
                double[] x = c.get("path_km").numbers(true);
                double[] m = c.get("minutes").numbers(true);
                double[] k = c.get("road_km").numbers(true);
                try {
                    curve = new TripCurve(x, m, k);
                } catch (IllegalArgumentException e) {
                    c.problem(e.getMessage());
                }
            }
        }
        YamlNode blf = travelNode.get("blue_light_factor");
        double blueLightFactor = blf.number(1.0, true);
        if (!(blueLightFactor > 0 && blueLightFactor <= 2)) {
            blf.problem("must be in (0, 2]: blue-light minutes per normal-road minute (e.g. 0.6), got " + blueLightFactor);
            blueLightFactor = 1.0;
        }
        TimeBands bands = readBands(travelNode.get("time_bands"));
        Map<String, CoverSchedule> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.get("cover_profiles").entries().entrySet()) {
            CoverSchedule s = readProfile(e.getValue());
            if (s != null) {
                profiles.put(e.getKey(), s);
            }
        }

        // ---- tables ----
        Map<String, Defined> ids = new HashMap<>();
        List<Integer> zoneLines = new ArrayList<>();
        List<Zone> zones = readZones(dir.resolve(zonesName), ids, zoneLines, problems);
        int zoneCount = zones.size();
        List<BaseNetwork.SiteDef> sites = readSites(dir.resolve(sitesName), zoneCount, ids, problems);
        int siteCount = sites.size();
        List<String> stationZone = new ArrayList<>();
        List<Integer> stationLines = new ArrayList<>();
        List<Station> stations = readStations(dir.resolve(stationsName), zoneCount + siteCount, ids, stationZone,
                stationLines, problems);
        int stationCount = stations.size();
        int nodes = zoneCount + siteCount + stationCount;
        String stationsFile = dir.resolve(stationsName).toString();

        RoadGraph.Builder builder = new RoadGraph.Builder(nodes);
        for (int k = 0; k < stationCount; k++) {
            String z = stationZone.get(k);
            if (z.isEmpty()) {
                continue;
            }
            Defined d = ids.get(z);
            if (d == null || d.node() >= zoneCount) {
                problems.add(new InputProblem(stationsFile, stationLines.get(k), 0, "zone",
                        "unknown zone id '" + z + "'; name a zone of " + zonesName + " or leave it empty"));
            } else {
                // A station placed in a zone: travel from it is travel from that zone's centroid.
                builder.add(zoneCount + siteCount + k, d.node(), 0, 0);
            }
        }
        readRoads(dir.resolve(roadsName), curveMode, ids, builder, problems);
        RoadGraph graph = builder.build();

        double[][] matrix = null;
        if (matrixName != null) {
            matrix = readMatrix(dir.resolve(matrixName), ids, zoneCount, siteCount, problems);
        }
        locateMissingTables(dir, files, problems, Map.of("zones", zonesName, "sites", sitesName, "stations",
                stationsName, "roads", roadsName, "travel_matrix", matrixName == null ? "" : matrixName));
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        checkConnected(graph, zones, zoneLines, sites, stations, stationLines, dir.resolve(zonesName).toString(),
                dir.resolve(sitesName).toString(), stationsFile, dir.resolve(roadsName).toString(), problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        RoadTravelTimes travel = precompute(graph, zoneCount, siteCount, stationCount, curve, matrix, bands,
                blueLightFactor);
        Map<String, Integer> siteIndex = new HashMap<>();
        sites.forEach(s -> siteIndex.put(s.id(), s.index()));
        Map<String, Integer> stationIndex = new HashMap<>();
        stations.forEach(s -> stationIndex.put(s.id(), s.index()));
        return new BaseNetwork(name, description, dir, dir.resolve(sitesName).toString(), stationsFile, zones, sites,
                stations, siteIndex, stationIndex, profiles, travel, graph, curve,
                new BaseNetwork.BoundaryFiles(zoneBoundaries, areaBoundaries));
    }

    /** A boundary file named in network.yaml, or null when none is named; a name that is no file is a problem. */
    private static Path boundaryFile(Path dir, YamlNode named) {
        String name = named.text(null, false);
        if (name == null) {
            return null;
        }
        Path file = dir.resolve(name).normalize();
        if (!name.endsWith(".geojson") && !name.endsWith(".json")) {
            named.problem("names " + name + ": boundaries are GeoJSON files (.geojson)");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            named.problem("names " + name + ", which is not in " + dir + "; create it or correct the name");
            return null;
        }
        return file;
    }

    /**
     * A table that is not there is reported where network.yaml names it (file, line, field), which is where the
     * fix usually is (a misspelt name); a default name not written in network.yaml says how to name another.
     */
    private static void locateMissingTables(Path dir, YamlNode files, List<InputProblem> problems,
                                            Map<String, String> names) {
        names.forEach((key, name) -> {
            if (name.isEmpty()) {
                return;
            }
            String file = dir.resolve(name).toString();
            boolean removed = problems.removeIf(p -> file.equals(p.file()) && p.line() == 0
                    && "file not found".equals(p.message()));
            if (!removed) {
                return;
            }
            YamlNode named = files.get(key);
            if (named.present()) {
                named.problem("names " + name + ", which is not in " + dir + "; create it or correct the name");
            } else {
                problems.add(new InputProblem(file, 0, 0, "files." + key, "file not found: a network needs this "
                        + "table; create it, or name another file under files." + key + " in " + NETWORK_FILE));
            }
        });
    }

    // ---------------------------------------------------------------- yaml parts

    static TimeBands readBands(YamlNode list) {
        List<TimeBands.Band> bands = new ArrayList<>();
        String[] owner = new String[CoverSchedule.HOURS_PER_WEEK];
        for (YamlNode b : list.items()) {
            if (!b.mapping(Set.of("name", "hours", "blue_light", "normal", "source"))) {
                continue;
            }
            String name = b.get("name").text("band", true);
            boolean[] hours = readWeekHours(b.get("hours"));
            double blue = b.get("blue_light").number(1, true);
            double normal = b.get("normal").number(1, true);
            if (!(blue > 0 && blue <= 5)) {
                b.get("blue_light").problem("must be a multiplier in (0, 5], got " + blue);
            }
            if (!(normal > 0 && normal <= 5)) {
                b.get("normal").problem("must be a multiplier in (0, 5], got " + normal);
            }
            if (hours == null) {
                continue;
            }
            for (int h = 0; h < hours.length; h++) {
                if (hours[h] && owner[h] != null) {
                    b.get("hours").problem("overlaps band '" + owner[h] + "' at " + WeekHours.DAYS[h / 24] + " "
                            + (h % 24) + ":00; bands must not overlap");
                    break;
                }
            }
            for (int h = 0; h < hours.length; h++) {
                if (hours[h]) {
                    owner[h] = name;
                }
            }
            bands.add(new TimeBands.Band(name, hours, blue, normal));
        }
        return new TimeBands(bands);
    }

    /** {@code {mon-fri: "08-18", sat: "10-14"}} to 168 flags; null (and problems) when malformed. */
    static boolean[] readWeekHours(YamlNode node) {
        if (!node.present()) {
            node.problem("is required: a mapping of days to hour ranges, e.g. {mon-fri: \"08-18\"}");
            return null;
        }
        boolean[] out = new boolean[CoverSchedule.HOURS_PER_WEEK];
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            try {
                boolean[] days = WeekHours.days(e.getKey());
                String spec = e.getValue().text("", true);
                boolean[] hours = WeekHours.hours(spec);
                for (int d = 0; d < 7; d++) {
                    for (int h = 0; h < 24; h++) {
                        if (days[d] && hours[h]) {
                            out[d * 24 + h] = true;
                        }
                    }
                }
            } catch (IllegalArgumentException ex) {
                e.getValue().problem(ex.getMessage());
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A cover profile: {@code {hours: {...}, on_call_delay_minutes: 30, source: ...}}; null when malformed. */
    static CoverSchedule readProfile(YamlNode p) {
        if (!p.mapping(Set.of("hours", "on_call_delay_minutes", "source"))) {
            if (!p.present()) {
                p.problem("is required");
            }
            return null;
        }
        boolean[] hours = readWeekHours(p.get("hours"));
        double delay = p.get("on_call_delay_minutes").number(0, true);
        if (!(delay >= 0 && delay <= 24 * 60)) {
            p.get("on_call_delay_minutes").problem("must be between 0 and 1440 minutes, got " + delay);
            return null;
        }
        return hours == null ? null : new CoverSchedule(hours, delay);
    }

    // ---------------------------------------------------------------- tables

    private static boolean defineId(String id, String file, int line, int node, Map<String, Defined> ids,
                                    List<InputProblem> problems) {
        if (id.isEmpty()) {
            problems.add(new InputProblem(file, line, 0, "id", "is empty; every row needs a unique id"));
            return false;
        }
        Defined earlier = ids.putIfAbsent(id, new Defined(file, line, node));
        if (earlier != null) {
            problems.add(new InputProblem(file, line, 0, "id", "duplicate id '" + id + "' (already used at "
                    + earlier.file() + ":" + earlier.line() + "); ids must be unique across zones, sites and stations"));
            return false;
        }
        return true;
    }

    /** The row's lat and lon columns, checked to be plausible WGS84 degrees; NaN where a cell is unreadable. */
    private static double[] coordinates(Csv.Table t, Csv.Row r, List<InputProblem> problems) {
        double lat = Csv.number(t, r, "lat", Double.NaN, problems);
        double lon = Csv.number(t, r, "lon", Double.NaN, problems);
        if (!Double.isNaN(lat) && !Double.isNaN(lon) && !Geo.plausible(lat, lon)) {
            problems.add(new InputProblem(t.file(), r.line(), 0, "lat",
                    "impossible coordinates " + lat + ", " + lon + ": lat must be in [-90, 90], lon in [-180, 180], "
                            + "and 0,0 is taken for a missing value (WGS84 degrees, e.g. 51.5, -0.12)"));
        }
        return new double[] {lat, lon};
    }

    static List<Zone> readZones(Path file, Map<String, Defined> ids, List<Integer> lines, List<InputProblem> problems) {
        Csv.Table t = Csv.read(file, ZONE_COLUMNS, Set.of(), problems);
        List<Zone> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (Csv.Row r : t.rows()) {
            String id = t.get(r, "id");
            double[] latLon = coordinates(t, r, problems);
            double lat = latLon[0];
            double lon = latLon[1];
            double pop = Csv.number(t, r, "population", Double.NaN, problems);
            double pop65 = Csv.number(t, r, "population_65plus", Double.NaN, problems);
            double strokes = Csv.number(t, r, "stroke_admissions_per_year", Double.NaN, problems);
            if (pop < 0 || pop > MAX_POPULATION) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "population", "must be between 0 and "
                        + (long) MAX_POPULATION + ", got " + t.get(r, "population")));
            }
            if (pop65 < 0 || pop65 > pop) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "population_65plus",
                        "must be between 0 and population (" + pop + "), got " + pop65));
            }
            if (strokes < 0 || strokes > MAX_POPULATION) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "stroke_admissions_per_year", "must be between 0 and "
                        + (long) MAX_POPULATION + ", got " + t.get(r, "stroke_admissions_per_year")));
            }
            if (defineId(id, t.file(), r.line(), out.size(), ids, problems)) {
                out.add(new Zone(out.size(), id, t.get(r, "name"), t.get(r, "area"), lat, lon, pop, pop65, strokes));
                lines.add(r.line());
            }
        }
        if (out.isEmpty() && t.rows().isEmpty()) {
            problems.add(new InputProblem(t.file(), t.headerLine(), 0, null, "has no zones"));
        }
        return out;
    }

    private static final Map<String, Service> SERVICE_COLUMNS = Map.of("type1_ae", Service.TYPE1_AE, "hasu",
            Service.HASU, "stroke_unit", Service.STROKE_UNIT, "thrombolysis", Service.THROMBOLYSIS, "thrombectomy",
            Service.THROMBECTOMY, "mtc", Service.MTC, "trauma_unit", Service.TRAUMA_UNIT);

    static List<BaseNetwork.SiteDef> readSites(Path file, int firstNode, Map<String, Defined> ids,
                                               List<InputProblem> problems) {
        Csv.Table t = Csv.read(file, SITE_COLUMNS, SITE_OPTIONAL, problems);
        List<BaseNetwork.SiteDef> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (Csv.Row r : t.rows()) {
            String id = t.get(r, "id");
            double[] latLon = coordinates(t, r, problems);
            double lat = latLon[0];
            double lon = latLon[1];
            Set<Service> services = EnumSet.noneOf(Service.class);
            for (Service s : Service.values()) {
                if (Csv.flag(t, r, s.key(), problems)) {
                    services.add(s);
                }
            }
            Map<Service, Integer> beds = new EnumMap<>(Service.class);
            readBeds(t, r, "hasu_beds", Service.HASU, beds, problems);
            readBeds(t, r, "stroke_unit_beds", Service.STROKE_UNIT, beds, problems);
            if (defineId(id, t.file(), r.line(), firstNode + out.size(), ids, problems)) {
                out.add(new BaseNetwork.SiteDef(out.size(), id, t.get(r, "name"), lat, lon, services, beds, r.line()));
            }
        }
        if (out.isEmpty() && t.rows().isEmpty()) {
            problems.add(new InputProblem(t.file(), t.headerLine(), 0, null, "has no sites"));
        }
        return out;
    }

    private static void readBeds(Csv.Table t, Csv.Row r, String column, Service service, Map<Service, Integer> beds,
                                 List<InputProblem> problems) {
        double v = Csv.number(t, r, column, -1, problems);
        if (v == -1 || Double.isNaN(v)) {
            return;
        }
        if (v < 1 || v > MAX_BEDS || v != Math.rint(v)) {
            problems.add(new InputProblem(t.file(), r.line(), 0, column, "must be a whole number of beds from 1 to "
                    + MAX_BEDS + ", or empty for unlimited; got " + t.get(r, column)));
            return;
        }
        beds.put(service, (int) v);
    }

    static List<Station> readStations(Path file, int firstNode, Map<String, Defined> ids, List<String> zoneOut,
                                      List<Integer> lineOut, List<InputProblem> problems) {
        Csv.Table t = Csv.read(file, STATION_COLUMNS, STATION_OPTIONAL, problems);
        List<Station> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (Csv.Row r : t.rows()) {
            String id = t.get(r, "id");
            double[] latLon = coordinates(t, r, problems);
            double lat = latLon[0];
            double lon = latLon[1];
            double v = Csv.number(t, r, "vehicles", Double.NaN, problems);
            if (!Double.isNaN(v) && (v < 0 || v > MAX_VEHICLES || v != Math.rint(v))) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "vehicles", "must be a whole number from 0 to "
                        + MAX_VEHICLES + ", got " + t.get(r, "vehicles")));
                v = Double.NaN;
            }
            if (defineId(id, t.file(), r.line(), firstNode + out.size(), ids, problems)) {
                out.add(new Station(out.size(), id, t.get(r, "name"), lat, lon, Double.isNaN(v) ? 0 : (int) v));
                zoneOut.add(t.get(r, "zone"));
                lineOut.add(r.line());
            }
        }
        return out;
    }

    static void readRoads(Path file, boolean curveMode, Map<String, Defined> ids, RoadGraph.Builder builder,
                          List<InputProblem> problems) {
        if (GraphMlRoads.isGraphMl(file)) {
            for (GraphMlRoads.Edge e : GraphMlRoads.read(file, curveMode, problems)) {
                addRoad(file.toString(), e.line(), e.from(), e.to(), e.km(), e.minutes(), curveMode, ids, builder,
                        problems);
            }
            return;
        }
        Set<String> optional = curveMode ? Set.of("minutes") : Set.of();
        Set<String> required = curveMode ? ROAD_COLUMNS : Set.of("from", "to", "km", "minutes");
        Csv.Table t = Csv.read(file, required, optional, problems);
        if (t == null) {
            return;
        }
        for (Csv.Row r : t.rows()) {
            double km = Csv.number(t, r, "km", Double.NaN, problems);
            double minutes = curveMode ? km : Csv.number(t, r, "minutes", Double.NaN, problems);
            addRoad(t.file(), r.line(), t.get(r, "from"), t.get(r, "to"), km, minutes, curveMode, ids, builder,
                    problems);
        }
    }

    /**
     * Checks one road (ids known, lengths not negative, two different places, not given twice) and adds it. NaN
     * lengths were already reported by the reader and are skipped silently. In trip-curve mode the readers pass
     * the road's km as its minutes: the graph's weight is its length.
     */
    private static void addRoad(String file, int line, String from, String to, double km, double minutes,
                                boolean curveMode, Map<String, Defined> ids, RoadGraph.Builder builder,
                                List<InputProblem> problems) {
        Defined a = ids.get(from);
        Defined b = ids.get(to);
        if (a == null) {
            problems.add(new InputProblem(file, line, 0, "from", "unknown id '" + from
                    + "'; roads join ids of zones, sites and stations"));
        }
        if (b == null) {
            problems.add(new InputProblem(file, line, 0, "to", "unknown id '" + to
                    + "'; roads join ids of zones, sites and stations"));
        }
        if (km < 0 || km > MAX_KM) {
            problems.add(new InputProblem(file, line, 0, "km", "must be between 0 and " + (long) MAX_KM + ", got " + km));
        }
        if (!curveMode && (minutes < 0 || minutes > MAX_TRIP_MINUTES)) {
            problems.add(new InputProblem(file, line, 0, "minutes", "must be between 0 and " + (long) MAX_TRIP_MINUTES
                    + " (a week), got " + minutes));
        }
        if (a == null || b == null || !(km >= 0 && km <= MAX_KM)
                || !(curveMode || minutes >= 0 && minutes <= MAX_TRIP_MINUTES)) {
            return;
        }
        if (a.node() == b.node()) {
            problems.add(new InputProblem(file, line, 0, "to", "a road must join two different places"));
        } else if (!builder.add(a.node(), b.node(), minutes, km)) {
            problems.add(new InputProblem(file, line, 0, "to", "road " + from + " - " + to
                    + " is given twice (roads are two-way); keep one"));
        }
    }

    /** Normal-road minutes and km per zone x site from the matrix file, NaN where not given. */
    static double[][] readMatrix(Path file, Map<String, Defined> ids, int zones, int sites, List<InputProblem> problems) {
        Csv.Table t = Csv.read(file, MATRIX_COLUMNS, Set.of("km"), problems);
        if (t == null) {
            return null;
        }
        double[] minutes = new double[zones * sites];
        double[] km = new double[zones * sites];
        java.util.Arrays.fill(minutes, Double.NaN);
        java.util.Arrays.fill(km, Double.NaN);
        for (Csv.Row r : t.rows()) {
            Defined z = ids.get(t.get(r, "zone"));
            Defined s = ids.get(t.get(r, "site"));
            if (z == null || z.node() >= zones) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "zone", "unknown zone id '" + t.get(r, "zone") + "'"));
            }
            if (s == null || s.node() < zones || s.node() >= zones + sites) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "site", "unknown site id '" + t.get(r, "site") + "'"));
            }
            double m = Csv.number(t, r, "minutes", Double.NaN, problems);
            if (m < 0 || m > MAX_TRIP_MINUTES) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "minutes", "must be between 0 and "
                        + (long) MAX_TRIP_MINUTES + " (a week), got " + m));
                m = Double.NaN;
            }
            double k = t.has("km") ? Csv.number(t, r, "km", Double.NaN, problems) : Double.NaN;
            if (k < 0 || k > MAX_KM) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "km", "must be between 0 and " + (long) MAX_KM
                        + ", got " + k));
            }
            if (z == null || s == null || z.node() >= zones || s.node() < zones || s.node() >= zones + sites || !(m >= 0)) {
                continue;
            }
            int cell = z.node() * sites + (s.node() - zones);
            if (!Double.isNaN(minutes[cell])) {
                problems.add(new InputProblem(t.file(), r.line(), 0, "site", "zone " + t.get(r, "zone") + " to site "
                        + t.get(r, "site") + " is given twice; keep one"));
            }
            minutes[cell] = m;
            km[cell] = k >= 0 ? k : Double.NaN;
        }
        return new double[][] {minutes, km};
    }

    // ---------------------------------------------------------------- graph

    private static void checkConnected(RoadGraph graph, List<Zone> zones, List<Integer> zoneLines,
                                       List<BaseNetwork.SiteDef> sites,
                                       List<Station> stations, List<Integer> stationLines, String zonesFile,
                                       String sitesFile, String stationsFile, String roadsFile,
                                       List<InputProblem> problems) {
        List<int[]> components = graph.components();
        if (components.size() <= 1) {
            return;
        }
        int z = zones.size();
        int s = sites.size();
        // Every node outside the largest component is reported at its own row, so the user sees which places
        // the roads miss.
        int reported = 0;
        for (int c = 1; c < components.size(); c++) {
            for (int node : components.get(c)) {
                if (reported++ >= 50) {
                    continue;
                }
                String message = "is not connected to the rest of the road graph in " + roadsFile
                        + " (" + components.size() + " separate parts); add a road joining it";
                if (node < z) {
                    Zone zone = zones.get(node);
                    problems.add(new InputProblem(zonesFile, zoneLines.get(node), 0, "id", "zone '" + zone.id() + "' "
                            + message));
                } else if (node < z + s) {
                    BaseNetwork.SiteDef site = sites.get(node - z);
                    problems.add(new InputProblem(sitesFile, site.line(), 0, "id", "site '" + site.id() + "' " + message));
                } else {
                    Station st = stations.get(node - z - s);
                    problems.add(new InputProblem(stationsFile, stationLines.get(node - z - s), 0, "id",
                            "station '" + st.id() + "' " + message + " or give its zone"));
                }
            }
        }
        if (reported > 50) {
            problems.add(new InputProblem(roadsFile, 0, 0, null, (reported - 50) + " more places are not connected"));
        }
    }

    static RoadTravelTimes precompute(RoadGraph graph, int zones, int sites, int stations, TripCurve curve,
                                      double[][] matrix, TimeBands bands, double blueLightFactor) {
        double[] zoneToSite = new double[zones * sites];
        double[] zoneToSiteKm = new double[zones * sites];
        double[] siteToSite = new double[sites * sites];
        double[] siteToStation = new double[sites * stations];
        double[] stationToZone = new double[stations * zones];
        BitSet measured = new BitSet(zones * sites);
        for (int s = 0; s < sites; s++) {
            RoadGraph.Paths p = graph.from(zones + s);
            for (int z = 0; z < zones; z++) {
                zoneToSite[z * sites + s] = minutes(p, z, curve) * blueLightFactor;
                zoneToSiteKm[z * sites + s] = km(p, z, curve);
            }
            for (int t = 0; t < sites; t++) {
                siteToSite[s * sites + t] = t == s ? 0 : minutes(p, zones + t, curve) * blueLightFactor;
            }
            for (int k = 0; k < stations; k++) {
                siteToStation[s * stations + k] = minutes(p, zones + sites + k, curve) * blueLightFactor;
            }
        }
        for (int k = 0; k < stations; k++) {
            RoadGraph.Paths p = graph.from(zones + sites + k);
            for (int z = 0; z < zones; z++) {
                stationToZone[k * zones + z] = minutes(p, z, curve) * blueLightFactor;
            }
        }
        if (matrix != null) {
            for (int cell = 0; cell < zones * sites; cell++) {
                if (!Double.isNaN(matrix[0][cell])) {
                    zoneToSite[cell] = matrix[0][cell] * blueLightFactor;
                    if (!Double.isNaN(matrix[1][cell])) {
                        zoneToSiteKm[cell] = matrix[1][cell];
                    }
                    measured.set(cell);
                }
            }
        }
        return new RoadTravelTimes(zones, sites, stations, zoneToSite, zoneToSiteKm, measured, stationToZone,
                siteToSite, siteToStation, bands, blueLightFactor);
    }

    /** Normal-road minutes to a node: the path weight, or the trip curve applied to the path length. */
    static double minutes(RoadGraph.Paths p, int node, TripCurve curve) {
        double w = p.weight()[node];
        return curve == null || !Double.isFinite(w) ? w : curve.minutes(w);
    }

    static double km(RoadGraph.Paths p, int node, TripCurve curve) {
        double k = p.km()[node];
        return curve == null || !Double.isFinite(k) ? k : curve.roadKm(k);
    }
}
