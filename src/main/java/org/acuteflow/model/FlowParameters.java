package org.acuteflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.acuteflow.config.Binder;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Validated;
import java.util.LinkedHashSet;
import java.util.Set;
import org.acuteflow.config.Suggest;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.ems.EmsParameters;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.pathway.Pathway;

/** The bound {@code demand}, {@code ems} and {@code hospital} sections of a scenario's parameters. */
public record FlowParameters(DemandParameters demand, EmsParameters ems, HospitalParameters hospital,
                             Map<String, Object> pathways) {

    public FlowParameters {
        pathways = Map.copyOf(pathways);
    }

    /**
     * Binds and validates the three sections of {@code parameters} (the merged model parameters) and each
     * registered pathway's own section, reporting the problems of all of them at once.
     */
    public static FlowParameters from(JsonNode parameters, SourceMap sources) {
        Problems problems = sources.problems();
        DemandParameters demand = bind(parameters, "demand", DemandParameters.class, sources, problems);
        EmsParameters ems = bind(parameters, "ems", EmsParameters.class, sources, problems);
        HospitalParameters hospital = bind(parameters, "hospital", HospitalParameters.class, sources, problems);
        if (demand != null) {
            checkClasses(demand.classes().keySet(), "parameters.demand.classes", problems);
        }
        if (ems != null) {
            checkClasses(ems.onSceneMinutes().keySet(), "parameters.ems.on_scene_minutes", problems);
        }
        Map<String, Object> own = new TreeMap<>();
        for (Pathway p : Pathways.ALL) {
            JsonNode section = parameters == null ? null : parameters.get(p.key());
            if (section != null) {
                Object bound = p.bindParameters(section, sources, problems);
                if (bound != null) {
                    own.put(p.key(), bound);
                }
            }
        }
        problems.throwIfAny();
        return new FlowParameters(demand, ems, hospital, own);
    }

    /**
     * A map by demand class has an entry for every class of the registered pathways ({@link Pathways#CLASSES})
     * and no other.
     */
    private static void checkClasses(Set<String> given, String path, Problems problems) {
        Set<String> known = new LinkedHashSet<>();
        for (DemandClass c : Pathways.CLASSES) {
            known.add(c.key());
        }
        for (String key : known) {
            if (!given.contains(key)) {
                problems.add(path, "has no entry for demand class '" + key + "'; classes are " + known);
            }
        }
        for (String key : given) {
            if (!known.contains(key)) {
                problems.add(path + "." + key, "names no demand class: '" + key + "'"
                        + Suggest.didYouMean(key, known) + "; classes are " + known);
            }
        }
    }

    /** One section bound and validated; its problems join {@code problems} so all sections report together. */
    private static <T extends Validated> T bind(JsonNode parameters, String section, Class<T> type, SourceMap sources,
                                                Problems problems) {
        JsonNode tree = parameters == null ? null : parameters.get(section);
        if (tree == null || !tree.isObject()) {
            problems.add("parameters." + section, "the '" + section + "' parameters are missing or not a mapping");
            return null;
        }
        try {
            return Binder.bindValidated(tree, type, sources, "parameters." + section);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
