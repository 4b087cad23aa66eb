package org.acuteflow.network;

/**
 * Where the ambulance takes each kind of patient, as set by a configuration.
 *
 * @param stroke                where suspected strokes go
 * @param trauma                where major trauma goes
 * @param mtcThresholdMinutes   major trauma goes straight to an MTC reachable within this many minutes from
 *                              scene (blue light); otherwise to the nearest trauma unit and is transferred
 * @param providerNetworks      provider networks and whether routing stays within them, or null for none
 * @param pathwayRules          the other entries of the {@code routing} block by key ({@code stemi: nearest_ae}),
 *                              as written: this layer sits below the pathways and cannot know their keys or rule
 *                              names, so the model checks them where the pathways are known
 */
public record RoutingProtocol(StrokeRouting stroke, TraumaRouting trauma, double mtcThresholdMinutes,
                              ProviderNetworks providerNetworks, java.util.Map<String, PathwayRule> pathwayRules) {

    public RoutingProtocol {
        pathwayRules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathwayRules));
    }

    /** A protocol without rules for other pathways. */
    public RoutingProtocol(StrokeRouting stroke, TraumaRouting trauma, double mtcThresholdMinutes,
                           ProviderNetworks providerNetworks) {
        this(stroke, trauma, mtcThresholdMinutes, providerNetworks, java.util.Map.of());
    }

    /** A protocol without provider networks. */
    public RoutingProtocol(StrokeRouting stroke, TraumaRouting trauma, double mtcThresholdMinutes) {
        this(stroke, trauma, mtcThresholdMinutes, null);
    }

    /**
     * A pathway's destination rule as a configuration names it, with where it was written (for messages).
     *
     * @param rule  the rule's key as written, e.g. {@code nearest_ae}
     * @param field the field, e.g. {@code routing.stemi}
     */
    public record PathwayRule(String rule, String file, int line, String field) {
    }

    /** The rule the configuration names for pathway {@code key}, or null when it names none. */
    public String ruleOf(String key) {
        PathwayRule r = pathwayRules.get(key);
        return r == null ? null : r.rule();
    }

    /** This protocol with {@code rules} in place of its other pathways' rules. */
    public RoutingProtocol withPathwayRules(java.util.Map<String, PathwayRule> rules) {
        return new RoutingProtocol(stroke, trauma, mtcThresholdMinutes, providerNetworks, rules);
    }

    /**
     * The one statement of which sites a rule may send patients to: a site qualifies when it offers any of the
     * rule's services. {@code pathway/Routing} builds the candidate lists from it and {@link Configurations}
     * checks from it that every zone reaches a qualifying site.
     */
    public interface Eligibility {
        /** A site qualifies when it offers any of these. */
        java.util.Set<Service> services();

        /** Why a network must offer them (the message of a configuration that leaves none). */
        String why();
    }

    public enum StrokeRouting implements Eligibility {
        /** Nearest open site with a HASU (the 2010 concentrated model). */
        NEAREST_HASU(java.util.EnumSet.of(Service.HASU), "strokes are routed to the nearest HASU (routing.stroke)"),
        /** Nearest open site that admits acute stroke (a stroke unit or HASU; the pre-2010 model). */
        NEAREST_STROKE_UNIT(java.util.EnumSet.of(Service.STROKE_UNIT, Service.HASU),
                "strokes are routed to the nearest stroke unit or HASU (routing.stroke)"),
        /** Nearest type-1 A&E, whatever it offers (no stroke pathway). */
        NEAREST_AE(java.util.EnumSet.of(Service.TYPE1_AE), AE_WHY);

        private final java.util.Set<Service> services;
        private final String why;

        StrokeRouting(java.util.Set<Service> services, String why) {
            this.services = java.util.Collections.unmodifiableSet(services);
            this.why = why;
        }

        @Override
        public java.util.Set<Service> services() {
            return services;
        }

        @Override
        public String why() {
            return why;
        }
    }

    public enum TraumaRouting implements Eligibility {
        /** Nearest type-1 A&E. */
        NEAREST_AE(java.util.EnumSet.of(Service.TYPE1_AE), AE_WHY),
        /** MTC within the threshold, else nearest trauma unit then secondary transfer. */
        MTC_WITHIN_THRESHOLD(java.util.EnumSet.of(Service.MTC),
                "major trauma is routed to a major trauma centre (routing.trauma)");

        private final java.util.Set<Service> services;
        private final String why;

        TraumaRouting(java.util.Set<Service> services, String why) {
            this.services = java.util.Collections.unmodifiableSet(services);
            this.why = why;
        }

        @Override
        public java.util.Set<Service> services() {
            return services;
        }

        @Override
        public String why() {
            return why;
        }
    }

    /** The nearest type-1 A&E: where other emergencies, self-presenters and unrouted patients go. */
    public static final java.util.Set<Service> AE = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(Service.TYPE1_AE));
    static final String AE_WHY = "other emergencies and self-presenters go to the nearest type-1 A&E";

    /** True when {@code site} offers any of {@code services}. */
    public static boolean qualifies(Site site, java.util.Set<Service> services) {
        for (Service s : services) {
            if (site.offers(s)) {
                return true;
            }
        }
        return false;
    }
}
