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
    OTHER_INCIDENT(null),
    /**
     * Heart attack (ST-elevation myocardial infarction) for primary PCI; its pathway sets the condition. It draws
     * from streams of its own.
     */
    STEMI(null, false);

    private final Condition condition;
    private final boolean commonStreams;

    DemandClass(Condition condition) {
        this(condition, true);
    }

    DemandClass(Condition condition, boolean commonStreams) {
        this.condition = condition;
        this.commonStreams = commonStreams;
    }

    /**
     * Whether the class draws the attributes every patient has from the streams the first classes share
     * ({@code demand.self_present}, ...); a class added later draws from its own ({@code demand.<class>.self_present},
     * ...), so adding it leaves every other patient as it was.
     */
    public boolean commonStreams() {
        return commonStreams;
    }

    /** The name of stream {@code name} (e.g. {@code demand.self_present}) for this class's patients. */
    public String streamName(String name) {
        if (commonStreams) {
            return name;
        }
        int dot = name.indexOf('.');
        return name.substring(0, dot) + "." + key() + name.substring(dot);
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
