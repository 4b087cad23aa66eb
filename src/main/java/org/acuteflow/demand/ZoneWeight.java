package org.acuteflow.demand;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.acuteflow.network.Zone;

/** What share of a class's demand each zone gets. Written in files as snake_case. */
public enum ZoneWeight {
    /** Proportional to residents. */
    POPULATION,
    /** Proportional to residents aged 65 and over. */
    POPULATION_65_PLUS,
    /** Proportional to the zone's observed stroke admissions per year. */
    STROKE_ADMISSIONS;

    public double of(Zone zone) {
        return switch (this) {
            case POPULATION -> zone.population();
            case POPULATION_65_PLUS -> zone.population65Plus();
            case STROKE_ADMISSIONS -> zone.strokeAdmissionsPerYear();
        };
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ZoneWeight parse(String text) {
        for (ZoneWeight w : values()) {
            if (w.key().equalsIgnoreCase(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown zone weight '" + text + "'; use one of "
                + Arrays.stream(values()).map(ZoneWeight::key).toList());
    }
}
