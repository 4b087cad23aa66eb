package org.acuteflow.demand;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.acuteflow.config.Problems;

/**
 * Field triage of major trauma: the share of patients with major trauma whom the ambulance crew does not
 * identify as such (under-triage). An under-triaged patient is taken to the nearest emergency department as any
 * other emergency; where a trauma system exists, it is recognised there and transferred to a major trauma centre.
 *
 * @param underTriageUnder80      under-triage share, patients under 80
 * @param underTriageAged80Plus   under-triage share, patients aged 80 and over
 */
public record TraumaTriage(@JsonProperty("under_triage_under_80") double underTriageUnder80,
                           @JsonProperty("under_triage_aged_80_plus") double underTriageAged80Plus) {

    public double underTriage(AgeBand ageBand) {
        return ageBand == AgeBand.AGED_80_PLUS ? underTriageAged80Plus : underTriageUnder80;
    }

    void validate(Problems p, String path) {
        p.probability(path + ".under_triage_under_80", underTriageUnder80);
        p.probability(path + ".under_triage_aged_80_plus", underTriageAged80Plus);
    }
}
