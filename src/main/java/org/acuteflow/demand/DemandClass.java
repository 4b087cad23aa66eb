package org.acuteflow.demand;

import java.util.Locale;

/**
 * A stream of ambulance incidents (or self-presentations) with its own volume, weekly profile and zone weights.
 * Suspected strokes form one class (split into ischaemic, haemorrhagic and mimic by case mix); other incidents
 * occupy ambulances and emergency departments but are not emergency admissions and have no outcome.
 */
public enum DemandClass {
    /** Suspected stroke: true strokes and stroke mimics. */
    STROKE(null),
    MAJOR_TRAUMA(Condition.MAJOR_TRAUMA),
    MEDICAL_EMERGENCY(Condition.MEDICAL_EMERGENCY),
    SURGICAL_EMERGENCY(Condition.SURGICAL_EMERGENCY),
    /** Ambulance incidents that do not lead to an emergency admission (conveyed or not). */
    OTHER_INCIDENT(null);

    private final Condition condition;

    DemandClass(Condition condition) {
        this.condition = condition;
    }

    /** The fixed condition of this class, or null when it is drawn (stroke) or absent (other incident). */
    public Condition fixedCondition() {
        return condition;
    }

    /** snake_case name used in parameter files and stream names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
