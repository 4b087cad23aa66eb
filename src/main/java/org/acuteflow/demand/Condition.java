package org.acuteflow.demand;

/** Why the patient needs emergency care. */
public enum Condition {
    /** Ischaemic stroke (a clot): may be eligible for thrombolysis and thrombectomy. */
    STROKE_ISCHAEMIC,
    /** Haemorrhagic stroke (a bleed): never thrombolysed. */
    STROKE_HAEMORRHAGIC,
    /** Stroke mimic: looks like stroke, follows the stroke pathway, does not die of stroke. */
    STROKE_MIMIC,
    /** Major trauma (injury severity score > 15). */
    MAJOR_TRAUMA,
    /** Other emergency, medical. */
    MEDICAL_EMERGENCY,
    /** Other emergency, surgical. */
    SURGICAL_EMERGENCY;

    public boolean isStroke() {
        return this == STROKE_ISCHAEMIC || this == STROKE_HAEMORRHAGIC;
    }

    /** Follows the suspected-stroke pathway when recognised by the crew. */
    public boolean looksLikeStroke() {
        return isStroke() || this == STROKE_MIMIC;
    }
}
