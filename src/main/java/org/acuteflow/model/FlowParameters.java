package org.acuteflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.ems.EmsParameters;
import org.acuteflow.hospital.HospitalParameters;

/** The bound {@code demand}, {@code ems} and {@code hospital} sections of a scenario's parameters. */
public record FlowParameters(DemandParameters demand, EmsParameters ems, HospitalParameters hospital) {

    /**
     * Binds and validates the three sections of {@code parameters} (the merged model parameters), reporting the
     * problems of all of them at once.
     */
    public static FlowParameters from(JsonNode parameters, SourceMap sources) {
        Problems problems = sources.problems();
        DemandParameters demand = bind(parameters, "demand", problems,
                t -> org.acuteflow.config.Binder.bind(t, DemandParameters.class, sources, DemandParameters.PATH));
        EmsParameters ems = bind(parameters, "ems", problems,
                t -> org.acuteflow.config.Binder.bind(t, EmsParameters.class, sources, EmsParameters.PATH));
        HospitalParameters hospital = bind(parameters, "hospital", problems,
                t -> org.acuteflow.config.Binder.bind(t, HospitalParameters.class, sources, HospitalParameters.PATH));
        if (demand != null) {
            demand.validate(problems, DemandParameters.PATH);
        }
        if (ems != null) {
            ems.validate(problems, EmsParameters.PATH);
        }
        if (hospital != null) {
            hospital.validate(problems, HospitalParameters.PATH);
        }
        problems.throwIfAny();
        return new FlowParameters(demand, ems, hospital);
    }

    private static <T> T bind(JsonNode parameters, String section, Problems problems, Function<JsonNode, T> binder) {
        JsonNode tree = parameters == null ? null : parameters.get(section);
        if (tree == null || !tree.isObject()) {
            problems.add("parameters." + section, "the '" + section + "' parameters are missing or not a mapping");
            return null;
        }
        try {
            return binder.apply(tree);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
