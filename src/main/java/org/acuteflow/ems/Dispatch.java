package org.acuteflow.ems;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Which free vehicle answers a call or an inter-hospital transfer: a rule chosen by key in the experiment's
 * {@code ems:} parameters ({@code dispatch:}). A rule takes the vehicle from the fleet (marking it busy, or
 * taking it off its way home) or returns -1 when none may go, and the call waits. Rules may keep
 * per-replication state: a new instance is made for each replication.
 */
public interface Dispatch {
    /** The key of the default rule. */
    String DEFAULT = "nearest-free";

    /** Takes a vehicle for a call in {@code zone} at {@code now} and returns its id, or -1 when the call must wait. */
    int choose(Fleet fleet, int zone, double now);

    /** Takes a vehicle for a transfer from site {@code site} at {@code now}, or -1 when the transfer must wait. */
    int chooseForSite(Fleet fleet, int site, double now);

    /** The rules by key, sorted. */
    static Map<String, Supplier<Dispatch>> rules() {
        Map<String, Supplier<Dispatch>> m = new TreeMap<>();
        // The free vehicle of the nearest station with one; a vehicle driving home is busy until it gets there.
        m.put(DEFAULT, () -> nearest(false));
        // The free vehicle nearest by travel time from where it is, vehicles driving home included (Fleet states
        // where a returning vehicle counts as being).
        m.put("nearest-vehicle", () -> nearest(true));
        return m;
    }

    private static Dispatch nearest(boolean includeReturning) {
        return new Dispatch() {
            @Override
            public int choose(Fleet fleet, int zone, double now) {
                return fleet.dispatchToZone(zone, now, includeReturning);
            }

            @Override
            public int chooseForSite(Fleet fleet, int site, double now) {
                return fleet.dispatchToSite(site, now, includeReturning);
            }
        };
    }

    /** The rule registered under {@code key}; throws when there is none. */
    static Dispatch of(String key) {
        Supplier<Dispatch> s = rules().get(key);
        if (s == null) {
            throw new IllegalArgumentException("unknown dispatch rule '" + key + "' (known: "
                    + String.join(", ", rules().keySet()) + ")");
        }
        return s.get();
    }
}
