package org.acuteflow.pathway;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.acuteflow.demand.Patient;
import org.acuteflow.network.RoutingProtocol;

/**
 * The destination rules pathways are built from ({@link DestinationPolicy}), and the lookup of a pathway's rule by
 * the key its configuration names. Each pathway keeps its own map of keys to rules; adding a rule is one record
 * here (or in the pathway's package) and one line in that map.
 */
public final class DestinationRules {
    private DestinationRules() {
    }

    /** The rule registered under {@code key} in {@code rules}, built on the scenario's lists and protocol. */
    public static DestinationPolicy create(Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> rules,
                                           String key, Routing routing, RoutingProtocol protocol) {
        BiFunction<Routing, RoutingProtocol, DestinationPolicy> f = rules.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no destination rule '" + key + "'; known: " + rules.keySet());
        }
        return f.apply(routing, protocol);
    }

    /** The key of a protocol value ({@code NEAREST_HASU} is {@code nearest_hasu}). */
    public static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The nearest site of a candidate list (sites offering the pathway's service); when {@code divertWhenFull},
     * the nearest with a free HASU bed, the nearest of all when every one is full. {@code nearest} gives the first
     * of a zone's list (-1 when it is empty) without reading the list.
     */
    public record NearestWithService(String key, IntFunction<int[]> candidates, IntUnaryOperator nearest,
                                     boolean divertWhenFull) implements DestinationPolicy {
        /** The rule on candidate lists alone (their first is read from the list). */
        public NearestWithService(String key, IntFunction<int[]> candidates, boolean divertWhenFull) {
            this(key, candidates, z -> {
                int[] list = candidates.apply(z);
                return list.length > 0 ? list[0] : -1;
            }, divertWhenFull);
        }

        @Override
        public int destination(Patient p, double now, Situation situation) {
            int first = nearest.applyAsInt(p.zone);
            if (divertWhenFull || first < 0) {
                int[] list = candidates.apply(p.zone);
                if (divertWhenFull) {
                    for (int s : list) {
                        if (situation.hasFreeHasuBed(s)) {
                            p.diverted = s != list[0];
                            p.intendedSite = list[0];
                            return s;
                        }
                    }
                }
                return list[0];
            }
            return first;
        }
    }

    /**
     * The nearest specialist centre when it is within {@code thresholdMinutes} of scene (blue light at that hour),
     * else the nearest other unit, from which the patient is transferred to the specialist centre nearest to it.
     */
    public record SpecialistWithinThreshold(String key, IntFunction<int[]> specialists, IntFunction<int[]> others,
                                     IntUnaryOperator nearestSpecialistFromSite,
                                     double thresholdMinutes) implements DestinationPolicy {
        @Override
        public int destination(Patient p, double now, Situation situation) {
            int[] centres = specialists.apply(p.zone);
            if (centres.length > 0 && situation.blueLightMinutes(p.zone, centres[0], now) <= thresholdMinutes) {
                return centres[0];
            }
            return others.apply(p.zone)[0];
        }

        @Override
        public int transferFrom(int site) {
            return nearestSpecialistFromSite.applyAsInt(site);
        }
    }
}
