package org.acuteflow.demand;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.acuteflow.config.Binder;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Validated;

/**
 * The {@code demand:} section of the model parameters.
 *
 * @param scale    multiplies every class's volume (1 = as published; benchmarks and sensitivity runs change it)
 * @param profiles named weekly profiles
 * @param classes  volume and mix per demand class, by class key (the model checks that every class of a
 *                 registered pathway has one, and no other)
 * @param stroke   case mix of suspected strokes
 * @param trauma   field triage of major trauma
 */
public record DemandParameters(double scale, Map<String, ProfileSpec> profiles, Map<String, ClassDemand> classes,
                               StrokeCaseMix stroke, TraumaTriage trauma) implements Validated {
    public static final String PATH = "parameters.demand";
    /** Largest demand multiplier. */
    public static final double MAX_SCALE = 1000;
    /** Largest volume of one class per year (before the multiplier): fifty times England's emergencies. */
    public static final double MAX_PER_YEAR = 1e9;

    public DemandParameters {
        profiles = Map.copyOf(profiles);
        // Kept in file order: problems are reported in the order they are written.
        classes = classes == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(classes));
    }

    /** The volume and mix of demand class {@code c}; null when the file has none for it. */
    public ClassDemand of(DemandClass c) {
        return classes.get(c.key());
    }

    /** Binds the {@code demand} subtree strictly and validates it, reporting every problem at once. */
    public static DemandParameters from(JsonNode tree, SourceMap sources) {
        return Binder.bindValidated(tree, DemandParameters.class, sources, PATH);
    }

    @Override
    public void validate(Problems p, String path) {
        // Bounds keep a run finite: at most a few hundred million patients a year of simulated time.
        p.inRange(path + ".scale", scale, 0, MAX_SCALE);
        for (Map.Entry<String, ProfileSpec> e : new TreeMap<>(profiles).entrySet()) {
            e.getValue().validate(p, path + ".profiles." + e.getKey());
        }
        java.util.Set<String> profileNames = new java.util.TreeSet<>(profiles.keySet());
        for (Map.Entry<String, ClassDemand> e : classes.entrySet()) {
            e.getValue().validate(p, path + ".classes." + e.getKey(), profileNames);
        }
        stroke.validate(p, path + ".stroke");
        trauma.validate(p, path + ".trauma");
    }

    /** Cases per year the arrival process of {@code c} generates (stroke includes mimics), after scaling. */
    public double generatedPerYear(DemandClass c) {
        double base = of(c).perYear() * scale;
        return c == DemandClass.STROKE ? base / (1 - stroke.mimicShare()) : base;
    }

    public WeeklyProfile profileOf(DemandClass c) {
        return profiles.get(of(c).profile()).toProfile();
    }
}
