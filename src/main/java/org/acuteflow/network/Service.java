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
    TRAUMA_UNIT,
    /**
     * Primary percutaneous coronary intervention for ST-elevation myocardial infarction (a heart attack centre's
     * catheter laboratory). Needs no A&E: specialist heart hospitals received heart attacks straight from the
     * ambulance.
     */
    PCI;

    /**
     * The services a site cannot offer without {@code service}: a trauma unit and a major trauma centre receive
     * trauma through a type-1 emergency department, so withdrawing the A&E withdraws them [assumption; in the
     * London data every 2010 trauma unit and MTC is a type-1 A&E site]. Stroke services stay: ambulances take
     * suspected strokes straight to a HASU or stroke unit.
     */
    public static java.util.Set<Service> needing(Service service) {
        return service == TYPE1_AE ? java.util.EnumSet.of(TRAUMA_UNIT, MTC) : java.util.EnumSet.noneOf(Service.class);
    }

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
