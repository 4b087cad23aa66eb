package org.acuteflow.demand;

import java.util.List;
import java.util.Objects;

/**
 * A stream of ambulance incidents (or self-presentations) with its own volume, weekly profile and zone weights:
 * an open set of keys, each owned by one pathway (which lists its classes; the model's registry collects them).
 * Its key names its entries in parameter files ({@code demand.classes}, {@code ems.on_scene_minutes}) and its
 * random streams. Suspected strokes form one class (split into ischaemic, haemorrhagic and mimic by case mix);
 * other incidents occupy ambulances and emergency departments but are not emergency admissions and have no
 * outcome.
 *
 * @param key            snake_case key
 * @param fixedCondition the condition of every patient of the class, or null when the pathway draws it (stroke)
 *                       or there is none (other incident)
 * @param commonStreams  the class draws the attributes every patient has from the streams the first classes share
 *                       ({@code demand.self_present}, ...); a class added later draws from its own
 *                       ({@code demand.<class>.self_present}, ...), so adding it leaves every other patient as it was
 */
public record DemandClass(String key, Condition fixedCondition, boolean commonStreams) {
    /** Suspected stroke: true strokes and stroke mimics. */
    public static final DemandClass STROKE = new DemandClass("stroke", null, true);
    public static final DemandClass MAJOR_TRAUMA = new DemandClass("major_trauma", Condition.MAJOR_TRAUMA, true);
    public static final DemandClass MEDICAL_EMERGENCY = new DemandClass("medical_emergency",
            Condition.MEDICAL_EMERGENCY, true);
    public static final DemandClass SURGICAL_EMERGENCY = new DemandClass("surgical_emergency",
            Condition.SURGICAL_EMERGENCY, true);
    /** Ambulance incidents that do not lead to an emergency admission (conveyed or not). */
    public static final DemandClass OTHER_INCIDENT = new DemandClass("other_incident", null, true);

    /** The classes of the built-in pathways, in their historical order. */
    public static final List<DemandClass> BUILT_IN = List.of(STROKE, MAJOR_TRAUMA, MEDICAL_EMERGENCY,
            SURGICAL_EMERGENCY, OTHER_INCIDENT);

    public DemandClass {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a demand class key is snake_case, got '" + key + "'");
        }
    }

    /** The name of stream {@code name} (e.g. {@code demand.self_present}) for this class's patients. */
    public String streamName(String name) {
        if (commonStreams) {
            return name;
        }
        int dot = name.indexOf('.');
        return name.substring(0, dot) + "." + key + name.substring(dot);
    }

    @Override
    public String toString() {
        return key;
    }
}
