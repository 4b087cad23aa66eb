package org.acuteflow.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A clinical service a hospital site may offer. Written in files as snake_case ({@code type1_ae}). */
public enum Service {
    /** Type-1 (consultant-led, 24 h) accident and emergency department. */
    TYPE1_AE,
    /** Hyper-acute stroke unit: 24/7 specialist team, immediate scanning, thrombolysis. */
    HASU,
    /** (Acute) stroke unit: organised stroke care after the hyper-acute phase, or all of it pre-2010. */
    STROKE_UNIT,
    /** Intravenous thrombolysis offered. */
    THROMBOLYSIS,
    /** Mechanical thrombectomy offered. */
    THROMBECTOMY,
    /** Major trauma centre. */
    MTC,
    /** Trauma unit (receives trauma, transfers major trauma on to the MTC). */
    TRAUMA_UNIT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Service parse(String text) {
        for (Service s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + text + "'; use one of "
                + java.util.Arrays.stream(values()).map(Service::key).toList());
    }
}
