package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.junit.jupiter.api.Test;

/** Site names on the maps never overlap one another or a marker, stay in the frame, and sit by their site. */
class MapLabelsTest {
    private static Site site(int i) {
        return new Site(i, "S" + i, "Hospital number " + i, 0, 0, true, Set.of(Service.TYPE1_AE), Map.of(), Map.of());
    }

    @Test
    void crowdedSitesGetNamesThatDoNotOverlapAndTheRestAreLeftOut() {
        Rectangle2D area = new Rectangle2D.Double(50, 40, 600, 600);
        List<MapCharts.Label> labels = new ArrayList<>();
        List<Rectangle2D> markers = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        // 60 sites in a 200-pixel square: far more names than fit.
        for (int i = 0; i < 60; i++) {
            double x = 250 + random.nextDouble() * 200;
            double y = 240 + random.nextDouble() * 200;
            labels.add(new MapCharts.Label(site(i), "Hospital number " + i, i % 7 == 0, x, y));
            markers.add(new Rectangle2D.Double(x - 6, y - 6, 12, 12));
        }
        // A far site at the frame's edge: its name must turn inwards rather than leave the frame.
        labels.add(new MapCharts.Label(site(60), "Edge Hospital", false, 645, 300));
        markers.add(new Rectangle2D.Double(639, 294, 12, 12));
        List<MapCharts.Placed> placed = MapCharts.place(labels, area, markers);
        assertTrue(placed.size() > 10, "some names placed: " + placed.size());
        assertTrue(placed.size() < labels.size(), "not every name fits in so small a space");
        for (int i = 0; i < placed.size(); i++) {
            Rectangle2D a = placed.get(i).box();
            assertTrue(area.contains(a), "inside the frame: " + placed.get(i).label().text());
            for (int j = i + 1; j < placed.size(); j++) {
                assertFalse(a.intersects(placed.get(j).box()), placed.get(i).label().text() + " overlaps "
                        + placed.get(j).label().text());
            }
            for (Rectangle2D m : markers) {
                assertFalse(a.intersects(m), "a name covers a marker: " + placed.get(i).label().text());
            }
            // Next to its own marker: within 10 pixels of it.
            MapCharts.Label l = placed.get(i).label();
            Rectangle2D near = new Rectangle2D.Double(l.cx() - 10, l.cy() - 10, 20, 20);
            assertTrue(a.intersects(near), "by its site: " + l.text());
        }
        assertTrue(placed.stream().anyMatch(p -> p.label().text().equals("Edge Hospital")));
        assertEquals(placed, MapCharts.place(labels, area, markers), "deterministic");
    }
}
