package org.acuteflow.hospital;

import org.acuteflow.config.Problems;
import org.acuteflow.config.Validated;

/**
 * Ambulance diverts from a crowded emergency department: a conveyed emergency that is not Category A, whose
 * nearest A&E holds at least {@code divertOccupancy} patients per cubicle when the crew leaves scene, goes to the
 * nearest other A&E below that occupancy if it is at most {@code maxExtraMinutes} further (blue light at that
 * hour); else to the nearest. No published London divert rule with its levels was found (the London Ambulance
 * Service's "Emergency Department Capacity Management and Closure Policy" exists but was not found in a readable
 * source), so the rule and its levels are assumptions and it is off by default. Values: {@code hospital.ed_divert}.
 *
 * @param enabled          false: every conveyed emergency goes to its nearest A&E
 * @param divertOccupancy  patients per cubicle at which a department diverts, and below which one takes diverts
 * @param maxExtraMinutes  the most a divert may add to the journey
 */
public record EdDivert(boolean enabled, double divertOccupancy, double maxExtraMinutes) implements Validated {

    /** No diverts. */
    public static final EdDivert OFF = new EdDivert(false, Double.POSITIVE_INFINITY, 0);

    @Override
    public void validate(Problems p, String path) {
        p.inRange(path + ".divert_occupancy", divertOccupancy, 0.1, 10);
        p.inRange(path + ".max_extra_minutes", maxExtraMinutes, 0, 240);
    }
}
