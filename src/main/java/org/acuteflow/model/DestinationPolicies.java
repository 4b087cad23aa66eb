package org.acuteflow.model;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.network.RoutingProtocol;

/**
 * The named destination rules ({@link DestinationPolicy}), registered by the keys configurations use, and the
 * rule of each pathway for one scenario. Adding a rule is one class here and one line in a registry map.
 */
public final class DestinationPolicies {
    /** Stroke rules by key ({@code routing.stroke}). */
    private static final Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> STROKE = Map.of(
            "nearest_hasu", (r, p) -> new NearestWithService("nearest_hasu", r::strokeSites, true),
            "nearest_stroke_unit", (r, p) -> new NearestWithService("nearest_stroke_unit", r::strokeSites, false),
            "nearest_ae", (r, p) -> new NearestWithService("nearest_ae", r::strokeSites, false));
    /** Major trauma rules by key ({@code routing.trauma}). */
    private static final Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> TRAUMA = Map.of(
            "nearest_ae", (r, p) -> new NearestWithService("nearest_ae", r::aeSites, false),
            "mtc_within_threshold", (r, p) -> new SpecialistWithinThreshold("mtc_within_threshold", r::mtcSites,
                    r::traumaUnitSites, r::nearestMtcFromSite, p.mtcThresholdMinutes()));

    private final DestinationPolicy stroke;
    private final DestinationPolicy trauma;
    private final DestinationPolicy emergency;

    /** The rules of the scenario whose candidate lists are {@code routing} and whose protocol is {@code protocol}. */
    public DestinationPolicies(Routing routing, RoutingProtocol protocol) {
        this.stroke = create(STROKE, key(protocol.stroke()), routing, protocol);
        this.trauma = create(TRAUMA, key(protocol.trauma()), routing, protocol);
        this.emergency = new NearestWithService("nearest_ae", routing::aeSites, false);
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static DestinationPolicy create(Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> rules,
                                            String key, Routing routing, RoutingProtocol protocol) {
        BiFunction<Routing, RoutingProtocol, DestinationPolicy> f = rules.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no destination rule '" + key + "'; known: " + rules.keySet());
        }
        return f.apply(routing, protocol);
    }

    /** The rule for suspected strokes (true strokes and mimics alike: the crew cannot tell them apart). */
    public DestinationPolicy stroke() {
        return stroke;
    }

    /** The rule for major trauma recognised at scene (field triage). */
    public DestinationPolicy trauma() {
        return trauma;
    }

    /** The rule for every other conveyed patient, under-triaged major trauma included: the nearest A&E. */
    public DestinationPolicy emergency() {
        return emergency;
    }

    /** The rule that decides patient {@code p}'s destination. */
    public DestinationPolicy of(Patient p) {
        if (p.isSuspectedStroke()) {
            return stroke;
        }
        if (p.condition == Condition.MAJOR_TRAUMA && !p.traumaUnderTriaged) {
            return trauma;
        }
        return emergency;
    }

    /**
     * The nearest site of a candidate list (sites offering the pathway's service); when {@code divertWhenFull},
     * the nearest with a free HASU bed, the nearest of all when every one is full.
     */
    record NearestWithService(String key, IntFunction<int[]> candidates, boolean divertWhenFull)
            implements DestinationPolicy {
        @Override
        public int destination(Patient p, double now, Situation situation) {
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
    }

    /**
     * The nearest specialist centre when it is within {@code thresholdMinutes} of scene (blue light at that hour),
     * else the nearest other unit, from which the patient is transferred to the specialist centre nearest to it.
     */
    record SpecialistWithinThreshold(String key, IntFunction<int[]> specialists, IntFunction<int[]> others,
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
