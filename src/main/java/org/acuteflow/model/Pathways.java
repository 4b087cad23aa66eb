package org.acuteflow.model;

import java.util.List;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.emergency.EmergencyPathway;
import org.acuteflow.pathway.stemi.StemiPathway;
import org.acuteflow.pathway.stroke.StrokePathway;
import org.acuteflow.pathway.trauma.TraumaPathway;

/**
 * The registry of pathways: the one place a pathway is plugged into the model. Every demand class belongs to
 * exactly one registered pathway.
 */
public final class Pathways {
    /** The registered pathways, in registration order. */
    public static final List<Pathway> ALL = List.of(
            new StrokePathway(),
            new TraumaPathway(),
            new EmergencyPathway(),
            new StemiPathway());

    /** Per demand class (by ordinal), the index in {@link #ALL} of its pathway. */
    private static final int[] INDEX = new int[DemandClass.values().length];

    static {
        java.util.Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALL.size(); i++) {
            for (DemandClass c : ALL.get(i).demandClasses()) {
                if (INDEX[c.ordinal()] >= 0) {
                    throw new IllegalStateException("demand class " + c.key() + " is in two pathways");
                }
                INDEX[c.ordinal()] = i;
            }
        }
        for (DemandClass c : DemandClass.values()) {
            if (INDEX[c.ordinal()] < 0) {
                throw new IllegalStateException("demand class " + c.key() + " has no pathway");
            }
        }
    }

    private Pathways() {
    }

    /** The index in {@link #ALL} of the pathway of demand class {@code c}. */
    public static int indexOf(DemandClass c) {
        return INDEX[c.ordinal()];
    }

    /** The pathway registered under {@code key}, or null. */
    public static Pathway byKey(String key) {
        for (Pathway p : ALL) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }
}
