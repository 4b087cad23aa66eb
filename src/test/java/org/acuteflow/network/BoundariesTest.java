package org.acuteflow.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.acuteflow.config.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Zone and area polygons: London's real boundaries, and the Voronoi stand-in for a network without them. */
class BoundariesTest {
    private static final GeometryFactory G = new GeometryFactory();

    @TempDir
    Path tmp;

    @Test
    void londonHasAPolygonForEveryLsoaNearItsCentroidAndAnOutlineForEveryBorough() {
        BaseNetwork london = NetworkLoader.loadBase(LondonNetworkTest.LONDON);
        Boundaries b = Boundaries.of(london);
        assertFalse(b.derived());
        assertEquals(london.zones().size(), b.zones().size());
        assertEquals(33, b.areas().size(), "32 boroughs and the City");
        for (Zone z : london.zones()) {
            Geometry polygon = b.zones().get(z.id());
            // The published centroids are geometric: a few fall just outside their concave polygon (<= 123 m).
            double off = polygon.distance(G.createPoint(new Coordinate(z.lon(), z.lat())));
            assertTrue(off < 0.002, z.id() + " centroid " + off + " degrees from its polygon");
            Geometry borough = b.areas().get(z.area());
            assertTrue(borough.buffer(0.001).covers(polygon.getInteriorPoint()), z.id() + " lies in " + z.area());
        }
    }

    @Test
    void aNetworkWithoutBoundariesGetsVoronoiCellsThatTileTheHullAndHoldTheirZone() {
        BaseNetwork example = NetworkLoader.loadBase(Path.of("networks", "example"));
        Boundaries b = Boundaries.of(example);
        assertTrue(b.derived());
        assertEquals(example.zones().size(), b.zones().size());
        double sum = 0;
        Geometry union = null;
        for (Zone z : example.zones()) {
            Geometry cell = b.zones().get(z.id());
            assertTrue(cell.covers(G.createPoint(new Coordinate(z.lon(), z.lat()))), z.id() + " in its own cell");
            sum += cell.getArea();
            union = union == null ? cell : union.union(cell);
        }
        assertEquals(union.getArea(), sum, 1e-9, "cells do not overlap");
        double areasSum = b.areas().values().stream().mapToDouble(Geometry::getArea).sum();
        assertEquals(sum, areasSum, 1e-9, "areas are unions of their zones' cells");
    }

    @Test
    void aMissingBoundaryFileIsReportedAtItsLineInNetworkYaml() throws IOException {
        Path net = copyExample();
        Files.writeString(net.resolve("network.yaml"), Files.readString(net.resolve("network.yaml"))
                + "\nboundaries:\n  zones: nowhere.geojson\n");
        InputException e = assertThrows(InputException.class, () -> NetworkLoader.loadBase(net));
        String text = e.getMessage();
        assertTrue(text.contains("boundaries.zones") && text.contains("nowhere.geojson"), text);
    }

    @Test
    void aZoneWithoutPolygonIsAProblemNamingIt() throws IOException {
        Path net = copyExample();
        Files.writeString(net.resolve("zones.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z1"},
                 "geometry":{"type":"Polygon","coordinates":[[[0,50],[0.01,50],[0.01,50.01],[0,50]]]}}]}
                """);
        Files.writeString(net.resolve("network.yaml"), Files.readString(net.resolve("network.yaml"))
                + "\nboundaries:\n  zones: zones.geojson\n");
        InputException e = assertThrows(InputException.class, () -> Boundaries.of(NetworkLoader.loadBase(net)));
        assertTrue(e.getMessage().contains("have no polygon") && e.getMessage().contains("Z2"), e.getMessage());
    }

    @Test
    void sitesAreFoundByHospitalNameWithSuggestionsForNearMisses() {
        BaseNetwork london = NetworkLoader.loadBase(LondonNetworkTest.LONDON);
        var named = SiteNames.ofDefs(london.sites());
        assertEquals("W68RF", SiteNames.resolve("charing cross hospital", named));
        assertEquals("W68RF", SiteNames.resolve("W68RF", named));
        assertEquals(null, SiteNames.resolve("Charing Crss", named));
        String m = SiteNames.unknown("Charing Crss Hospital", named);
        assertTrue(m.contains("did you mean W68RF (Charing Cross Hospital)"), m);
    }

    private Path copyExample() throws IOException {
        return NetworkValidationTest.copyExample(tmp);
    }
}
