package org.acuteflow.pathway.stemi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.acuteflow.config.Binder;
import org.acuteflow.config.DistributionSpec;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Validated;

/**
 * The pathway's own section of the model parameters, {@code parameters.stemi} (built-in defaults:
 * {@code acuteflow/defaults/stemi.yaml}, every value with its source). Its demand and on-scene time sit in the
 * common sections under the class key {@code stemi}.
 *
 * @param hospital timings at the hospitals
 * @param outcome  the 30-day mortality sub-model
 */
public record StemiParameters(Hospital hospital, StemiOutcome outcome) {
    public static final String PATH = "parameters.stemi";

    /**
     * @param doorToBalloonMinutes          arrival at the heart attack centre to the balloon, team on site
     * @param transferDoorInDoorOutMinutes  arrival at a hospital without primary PCI to ready for the transfer (the
     *                                      wait for the ambulance is simulated on top)
     */
    public record Hospital(DistributionSpec doorToBalloonMinutes, DistributionSpec transferDoorInDoorOutMinutes) {
    }

    /** The section without its outcome part, bound strictly on its own. */
    record Settings(Hospital hospital) implements Validated {
        @Override
        public void validate(Problems p, String path) {
            p.required(path + ".hospital", hospital);
        }
    }

    /** Binds and validates {@code section}; every problem joins {@code problems}; null when it cannot be bound. */
    static StemiParameters bind(JsonNode section, SourceMap sources, Problems problems) {
        if (!section.isObject()) {
            problems.add(PATH, "must be a mapping with keys " + Set.of("hospital", "outcome"));
            return null;
        }
        ObjectNode settings = ((ObjectNode) section).deepCopy();
        settings.remove("outcome");
        Settings s = null;
        StemiOutcome outcome = null;
        try {
            s = Binder.bindValidated(settings, Settings.class, sources, PATH);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        try {
            outcome = StemiOutcome.from(section.get("outcome"), sources);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        return s == null || outcome == null ? null : new StemiParameters(s.hospital(), outcome);
    }
}
