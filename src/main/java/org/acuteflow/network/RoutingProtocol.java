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

    /** A rule's eligible services and the reason a network must offer them. */
    public record EligibleSites(java.util.Set<Service> services, String why) implements Eligibility {
        public EligibleSites {
            services = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(services));
        }

        static EligibleSites of(String why, Service first, Service... rest) {
            return new EligibleSites(java.util.EnumSet.of(first, rest), why);
        }
    }

    /** A rule whose eligibility is one {@link EligibleSites} value (the enums below). */
    interface RuleWithSites extends Eligibility {
        EligibleSites sites();

        @Override
        default java.util.Set<Service> services() {
            return sites().services();
        }

        @Override
        default String why() {
            return sites().why();
        }
    }

    public enum StrokeRouting implements RuleWithSites {
        /** Nearest open site with a HASU (the 2010 concentrated model). */
        NEAREST_HASU(EligibleSites.of("strokes are routed to the nearest HASU (routing.stroke)", Service.HASU)),
        /** Nearest open site that admits acute stroke (a stroke unit or HASU; the pre-2010 model). */
        NEAREST_STROKE_UNIT(EligibleSites.of("strokes are routed to the nearest stroke unit or HASU (routing.stroke)",
                Service.STROKE_UNIT, Service.HASU)),
        /** Nearest type-1 A&E, whatever it offers (no stroke pathway). */
        NEAREST_AE(EligibleSites.of(AE_WHY, Service.TYPE1_AE));

        private final EligibleSites sites;

        StrokeRouting(EligibleSites sites) {
            this.sites = sites;
        }

        @Override
        public EligibleSites sites() {
            return sites;
        }
    }

    public enum TraumaRouting implements RuleWithSites {
        /** Nearest type-1 A&E. */
        NEAREST_AE(EligibleSites.of(AE_WHY, Service.TYPE1_AE)),
        /** MTC within the threshold, else nearest trauma unit then secondary transfer. */
        MTC_WITHIN_THRESHOLD(EligibleSites.of("major trauma is routed to a major trauma centre (routing.trauma)",
                Service.MTC));

        private final EligibleSites sites;

        TraumaRouting(EligibleSites sites) {
            this.sites = sites;
        }

        @Override
        public EligibleSites sites() {
            return sites;
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
