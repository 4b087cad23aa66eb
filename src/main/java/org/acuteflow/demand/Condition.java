package org.acuteflow.demand;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why the patient needs emergency care: an open set of keys. The conditions of the built-in pathways are the
 * constants below; a new pathway declares its own ({@code new Condition("stemi")}) in its package, without editing
 * this class. Equal when their keys are.
 *
 * @param key snake_case key, written in the patients file
 */
public record Condition(String key) {
    /** Ischaemic stroke (a clot): may be eligible for thrombolysis and thrombectomy. */
    public static final Condition STROKE_ISCHAEMIC = new Condition("stroke_ischaemic");
    /** Haemorrhagic stroke (a bleed): never thrombolysed. */
    public static final Condition STROKE_HAEMORRHAGIC = new Condition("stroke_haemorrhagic");
    /** Stroke mimic: looks like stroke, follows the stroke pathway, does not die of stroke. */
    public static final Condition STROKE_MIMIC = new Condition("stroke_mimic");
    /** Major trauma (injury severity score > 15). */
    public static final Condition MAJOR_TRAUMA = new Condition("major_trauma");
    /** Other emergency, medical. */
    public static final Condition MEDICAL_EMERGENCY = new Condition("medical_emergency");
    /** Other emergency, surgical. */
    public static final Condition SURGICAL_EMERGENCY = new Condition("surgical_emergency");

    /** The conditions of the built-in pathways, in their historical order. */
    public static final List<Condition> BUILT_IN = List.of(STROKE_ISCHAEMIC, STROKE_HAEMORRHAGIC, STROKE_MIMIC,
            MAJOR_TRAUMA, MEDICAL_EMERGENCY, SURGICAL_EMERGENCY);

    public Condition {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a condition key is snake_case, got '" + key + "'");
        }
    }

    /** Upper-case name, as the former enum constant was called ({@code STROKE_ISCHAEMIC}). */
    public String name() {
        return key.toUpperCase(Locale.ROOT);
    }

    public boolean isStroke() {
        return equals(STROKE_ISCHAEMIC) || equals(STROKE_HAEMORRHAGIC);
    }

    /** Follows the suspected-stroke pathway when recognised by the crew. */
    public boolean looksLikeStroke() {
        return isStroke() || equals(STROKE_MIMIC);
    }

    @Override
    public String toString() {
        return name();
    }
}
