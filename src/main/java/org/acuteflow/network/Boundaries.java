package org.acuteflow.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Polygons for maps: one per zone and one per area (zones.csv's {@code area} column; for London the borough).
 * Read from the GeoJSON files named under {@code boundaries:} in network.yaml (zone features carry the zone id in
 * property {@code code} or {@code id}; area features the area's name in {@code name}); a network without them gets
 * {@link #derive derived} cells instead, which maps must label as such. Coordinates are x = longitude,
 * y = latitude (WGS 84). Immutable.
 *
 * @param zones   zone id to polygon, in network order
 * @param areas   area name to outline, in order of first appearance in zones.csv
 * @param derived true when the polygons are Voronoi cells of zone centroids, not real boundaries
 */
public record Boundaries(Map<String, Geometry> zones, Map<String, Geometry> areas, boolean derived) {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Derived cells reach this far (degrees, about 1 km) beyond the outermost zone centroids. */
    private static final double HULL_MARGIN_DEGREES = 0.01;

    public Boundaries {
        zones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        areas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(areas));
    }

    /** The network's boundaries as named in its network.yaml, or derived cells when it names none. */
    public static Boundaries of(BaseNetwork network) {
        BaseNetwork.BoundaryFiles files = network.boundaryFiles();
        if (files == null || files.zones() == null) {
            return derive(network.zones());
        }
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Geometry> zones = readZones(files.zones(), network.zones(), problems);
        Map<String, Geometry> areas = files.areas() == null ? new LinkedHashMap<>()
                : readAreas(files.areas(), network.zones(), problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        fillMissingAreas(network.zones(), zones, areas);
        return new Boundaries(zones, areas, false);
    }

    /**
     * Voronoi cells of the zone centroids clipped to their convex hull (widened by about 1 km), and areas as the
     * union of their zones' cells: a stand-in when a network has no boundary files.
     */
    public static Boundaries derive(List<Zone> zoneList) {
        Coordinate[] points = zoneList.stream().map(z -> new Coordinate(z.lon(), z.lat())).toArray(Coordinate[]::new);
        MultiPoint sites = GEOMETRY.createMultiPointFromCoords(points);
        Geometry hull = sites.convexHull().buffer(HULL_MARGIN_DEGREES);
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope clip = new Envelope(hull.getEnvelopeInternal());
        clip.expandBy(HULL_MARGIN_DEGREES);
        builder.setClipEnvelope(clip);
        Geometry cells = builder.getDiagram(GEOMETRY);
        Map<String, Geometry> zones = new LinkedHashMap<>();
        List<Geometry> unclaimed = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            unclaimed.add(cells.getGeometryN(i));
        }
        for (Zone z : zoneList) {
            org.locationtech.jts.geom.Point p = GEOMETRY.createPoint(new Coordinate(z.lon(), z.lat()));
            for (int i = 0; i < unclaimed.size(); i++) {
                Geometry cell = unclaimed.get(i);
                if (cell.covers(p)) {
                    zones.put(z.id(), cell.intersection(hull));
                    unclaimed.remove(i);
                    break;
                }
            }
            // Two zones at one point share a cell: the second gets the same polygon.
            zones.computeIfAbsent(z.id(), id -> zonesAt(zones, zoneList, z));
        }
        Map<String, Geometry> areas = new LinkedHashMap<>();
        fillMissingAreas(zoneList, zones, areas);
        return new Boundaries(zones, areas, true);
    }

    private static Geometry zonesAt(Map<String, Geometry> zones, List<Zone> zoneList, Zone z) {
        for (Zone other : zoneList) {
            Geometry g = zones.get(other.id());
            if (g != null && other.lat() == z.lat() && other.lon() == z.lon()) {
                return g;
            }
        }
        return GEOMETRY.createPoint(new Coordinate(z.lon(), z.lat())).buffer(0.001);
    }

    private static void fillMissingAreas(List<Zone> zoneList, Map<String, Geometry> zones, Map<String, Geometry> areas) {
        Map<String, List<Geometry>> byArea = new LinkedHashMap<>();
        for (Zone z : zoneList) {
            if (z.area() != null && !z.area().isBlank() && !areas.containsKey(z.area())) {
                byArea.computeIfAbsent(z.area(), a -> new ArrayList<>()).add(zones.get(z.id()));
            }
        }
        byArea.forEach((area, parts) -> areas.put(area, CascadedPolygonUnion.union(parts)));
    }

    private static Map<String, Geometry> readZones(Path file, List<Zone> zoneList, List<InputProblem> problems) {
        Map<String, Zone> byId = new LinkedHashMap<>();
        zoneList.forEach(z -> byId.put(z.id(), z));
        Map<String, Geometry> found = new LinkedHashMap<>();
        List<JsonNode> features = features(file, problems);
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String id = text(f.path("properties"), "code", "id");
            String where = "features[" + i + "]";
            if (id == null) {
                problems.add(new InputProblem(file.toString(), 0, 0, where + ".properties.code",
                        "names no zone: give the zone id in property 'code' (or 'id')"));
                continue;
            }
            if (!byId.containsKey(id)) {
                continue; // a boundary file may cover more than the network (e.g. a whole country)
            }
            Geometry g = geometry(f.path("geometry"), file, where, problems);
            if (g != null) {
                found.put(id, g);
            }
        }
        Map<String, Geometry> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Zone z : zoneList) {
            Geometry g = found.get(z.id());
            if (g == null) {
                missing.add(z.id());
            } else {
                ordered.put(z.id(), g);
            }
        }
        if (!missing.isEmpty() && !features.isEmpty()) {
            problems.add(new InputProblem(file.toString(), 0, 0, "features", missing.size()
                    + " zones of zones.csv have no polygon, e.g. " + missing.subList(0, Math.min(5, missing.size()))
                    + "; every zone needs one (property 'code' = zone id)"));
        }
        return ordered;
    }

    private static Map<String, Geometry> readAreas(Path file, List<Zone> zoneList, List<InputProblem> problems) {
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        zoneList.forEach(z -> known.add(z.area()));
        Map<String, Geometry> found = new LinkedHashMap<>();
        List<JsonNode> features = features(file, problems);
        for (int i = 0; i < features.size(); i++) {
            String name = text(features.get(i).path("properties"), "name", "area");
            if (name == null || !known.contains(name)) {
                continue;
            }
            Geometry g = geometry(features.get(i).path("geometry"), file, "features[" + i + "]", problems);
            if (g != null) {
                found.put(name, g);
            }
        }
        Map<String, Geometry> ordered = new LinkedHashMap<>();
        for (String a : known) {
            if (found.containsKey(a)) {
                ordered.put(a, found.get(a));
            }
        }
        return ordered;
    }

    private static List<JsonNode> features(Path file, List<InputProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            problems.add(new InputProblem(file.toString(), 0, 0, null, "is not readable GeoJSON: " + m));
            return List.of();
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            problems.add(new InputProblem(file.toString(), 1, 0, "type", "must be a GeoJSON FeatureCollection"));
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        root.path("features").forEach(list::add);
        return list;
    }

    private static String text(JsonNode props, String... keys) {
        for (String k : keys) {
            JsonNode v = props.get(k);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static Geometry geometry(JsonNode g, Path file, String where, List<InputProblem> problems) {
        String type = g.path("type").asText();
        JsonNode c = g.path("coordinates");
        try {
            if (type.equals("Polygon")) {
                return polygon(c);
            }
            if (type.equals("MultiPolygon")) {
                Polygon[] parts = new Polygon[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    parts[i] = polygon(c.get(i));
                }
                return GEOMETRY.createMultiPolygon(parts);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem(file.toString(), 0, 0, where + ".geometry", "is not a valid polygon: "
                    + e.getMessage()));
            return null;
        }
        problems.add(new InputProblem(file.toString(), 0, 0, where + ".geometry.type",
                "must be Polygon or MultiPolygon, got '" + type + "'"));
        return null;
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("no rings");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = points.get(i);
            if (p == null || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " is not [longitude, latitude]");
            }
            cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(cs);
    }
}
