package org.acuteflow.demand;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.acuteflow.config.Problems;

/**
 * Volume and mix of one demand class for the whole region.
 *
 * @param perYear          expected cases per year over the region (for stroke: true strokes; mimics are added
 *                         on top so that they make up {@code mimic_share} of suspected strokes)
 * @param zoneWeight       how the volume is shared between zones
 * @param profile          name of the weekly profile (a key of {@code demand.profiles}) of onset / call times
 * @param selfPresentShare share who reach hospital without an ambulance (to the nearest type-1 A&E)
 * @param categoryAShare   share of ambulance calls triaged Category A (high priority)
 * @param conveyedShare    share of ambulance incidents conveyed to hospital
 * @param aged80PlusShare  share aged 80 or over
 */
public record ClassDemand(double perYear, ZoneWeight zoneWeight, String profile, double selfPresentShare,
                          @JsonProperty("category_a_share") double categoryAShare, double conveyedShare,
                          @JsonProperty("aged_80_plus_share") double aged80PlusShare) {

    void validate(Problems p, String path, java.util.Set<String> profiles) {
        p.inRange(path + ".per_year", perYear, 0, DemandParameters.MAX_PER_YEAR);
        p.probability(path + ".self_present_share", selfPresentShare);
        p.probability(path + ".category_a_share", categoryAShare);
        p.probability(path + ".conveyed_share", conveyedShare);
        p.probability(path + ".aged_80_plus_share", aged80PlusShare);
        if (!profiles.contains(profile)) {
            p.add(path + ".profile", "names no profile: '" + profile + "'"
                    + org.acuteflow.config.Suggest.didYouMean(profile, profiles) + "; profiles are " + profiles);
        }
    }
}
