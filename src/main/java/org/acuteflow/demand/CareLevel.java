package org.acuteflow.demand;

import java.util.Locale;
import java.util.Objects;

/**
 * The level of care where the patient was definitively treated (recorded on the journey, read by the outcome
 * model): an open set of keys. The built-in pathways' levels are the constants below; a new pathway declares its
 * own in its package. Equal when their keys are.
 *
 * @param key snake_case key, written in the patients file
 */
public record CareLevel(String key) {
    /** Hyper-acute stroke unit (organised stroke care, 24/7 specialists). */
    public static final CareLevel HASU = new CareLevel("hasu");
    /** Stroke unit (organised stroke care). */
    public static final CareLevel STROKE_UNIT = new CareLevel("stroke_unit");
    /** General medical ward (no organised stroke care). */
    public static final CareLevel GENERAL_WARD = new CareLevel("general_ward");
    /** Major trauma centre. */
    public static final CareLevel MTC = new CareLevel("mtc");
    /** Trauma unit (not a major trauma centre). */
    public static final CareLevel TRAUMA_UNIT = new CareLevel("trauma_unit");
    /** Emergency department of an acute hospital (other emergencies). */
    public static final CareLevel EMERGENCY_DEPARTMENT = new CareLevel("emergency_department");

    public CareLevel {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a care level key is snake_case, got '" + key + "'");
        }
    }

    /** Upper-case name, as the former enum constant was called ({@code HASU}). */
    public String name() {
        return key.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name();
    }
}
