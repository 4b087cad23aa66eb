package org.acuteflow.network;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A hospital site after its configuration is applied.
 *
 * @param index     position in {@link Network#sites()}, used to index travel arrays
 * @param open      false when the configuration closes the whole site
 * @param services  services offered (empty when closed)
 * @param beds      staffed beds per bedded service (HASU, STROKE_UNIT); a service absent here has unlimited beds
 * @param cover     specialist cover per service; a service absent here has 24/7 on-site cover
 */
public record Site(int index, String id, String name, double lat, double lon, boolean open,
                   Set<Service> services, Map<Service, Integer> beds, Map<Service, CoverSchedule> cover) {

    public Site {
        // An EnumSet answers offers() with a bit test: routing and statistics ask it for every patient.
        services = services.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(services));
        beds = beds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(beds));
        cover = cover.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(cover));
    }

    public boolean offers(Service service) {
        return open && services.contains(service);
    }

    /** Beds for {@code service}, or {@link Integer#MAX_VALUE} when unlimited. */
    public int bedsFor(Service service) {
        return beds.getOrDefault(service, Integer.MAX_VALUE);
    }

    public CoverSchedule coverFor(Service service) {
        CoverSchedule c = cover.get(service);
        return c == null ? CoverSchedule.always() : c;
    }
}
