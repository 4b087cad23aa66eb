package org.acuteflow.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Every demand class of the registered pathways, pathway by pathway: the index of a class is its position. */
    public static final List<DemandClass> CLASSES;
    /** Per demand class (by index in {@link #CLASSES}), the index in {@link #ALL} of its pathway. */
    private static final int[] PATHWAY;
    private static final Map<DemandClass, Integer> INDEX;

    static {
        List<DemandClass> classes = new ArrayList<>();
        List<Integer> pathway = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            Pathway p = ALL.get(i);
            if (byKey(p.key()) != p) {
                throw new IllegalStateException("two pathways have the key " + p.key());
            }
            for (DemandClass c : p.demandClasses()) {
                String before = owner.put(c.key(), p.key());
                if (before != null) {
                    throw new IllegalStateException("demand class " + c.key() + " is in pathways " + before
                            + " and " + p.key());
                }
                classes.add(c);
                pathway.add(i);
            }
        }
        CLASSES = List.copyOf(classes);
        PATHWAY = pathway.stream().mapToInt(Integer::intValue).toArray();
        Map<DemandClass, Integer> index = new HashMap<>();
        for (int k = 0; k < CLASSES.size(); k++) {
            index.put(CLASSES.get(k), k);
        }
        INDEX = Map.copyOf(index);
    }

    private Pathways() {
    }

    /** The index in {@link #CLASSES} of demand class {@code c}. */
    public static int classIndex(DemandClass c) {
        Integer k = INDEX.get(c);
        if (k == null) {
            throw new IllegalArgumentException("demand class " + c.key() + " belongs to no registered pathway");
        }
        return k;
    }

    /** The index in {@link #ALL} of the pathway of the demand class of index {@code classIndex}. */
    public static int pathwayIndex(int classIndex) {
        return PATHWAY[classIndex];
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
