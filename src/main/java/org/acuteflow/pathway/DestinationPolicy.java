package org.acuteflow.pathway;

import org.acuteflow.demand.Patient;

/**
 * Where an ambulance takes a conveyed patient of one pathway, and where that patient is transferred on from: the
 * one place where a destination is decided. A configuration names the rule of each pathway by key
 * ({@code routing.stroke}, {@code routing.trauma}; other emergencies always go to the nearest A&E), and
 * {@link DestinationRules} builds them from each pathway's map of keys. Rules choose among {@link Routing}'s candidate lists,
 * which are nearest first and already cut to the zone's provider network when a configuration restricts routing,
 * so provider networks apply to every rule alike. Implementations are immutable and shared by replications.
 */
public interface DestinationPolicy {

    /** What a rule may look at when it decides, at the moment of the decision; supplied by the replication. */
    interface Situation {
        /** Blue-light minutes from zone to site at clock time {@code now}. */
        double blueLightMinutes(int zone, int site, double now);

        /** True when the site has a free HASU bed now. */
        boolean hasFreeHasuBed(int site);
    }

    /** The key a configuration names this rule by. */
    String key();

    /**
     * The site a conveyed patient leaving scene at {@code now} is taken to. May set {@link Patient#diverted} when
     * the rule sends the patient past the nearest candidate because it is full.
     */
    int destination(Patient p, double now, Situation situation);

    /** The site a patient first taken to {@code site} is transferred on to, or -1 for none. */
    default int transferFrom(int site) {
        return -1;
    }
}
