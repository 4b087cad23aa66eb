package org.acuteflow.ems;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Which free vehicle answers a call: a rule chosen by key in the experiment's {@code ems:} parameters
 * ({@code dispatch:}). A rule takes the vehicle from the fleet (marking it busy) or returns -1 when none may go,
 * and the call waits. Rules may keep per-replication state: a new instance is made for each replication.
 */
@FunctionalInterface
public interface Dispatch {
    /** The key of the default rule. */
    String DEFAULT = "nearest_free";

    /** Takes a free vehicle for a call in {@code zone} and returns its id, or -1 when the call must wait. */
    int choose(Fleet fleet, int zone);

    /** The rules by key, sorted. */
    static Map<String, Supplier<Dispatch>> rules() {
        Map<String, Supplier<Dispatch>> m = new TreeMap<>();
        // The free vehicle of the nearest station with one, in the zone's precomputed station order.
        m.put(DEFAULT, () -> Fleet::dispatchNearest);
        return m;
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
