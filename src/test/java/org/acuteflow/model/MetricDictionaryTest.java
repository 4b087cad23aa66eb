package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary (results/README.md, section "Metrics") lists exactly the metrics the model writes: every
 * metric of a replication with the full outcome model, sensitivity variants and PSA is defined there, and every
 * metric defined there is written.
 */
class MetricDictionaryTest {
    private static final List<String> SLICES = List.of("_weekday", "_weekend", "_hours_00_08", "_hours_08_18",
            "_hours_18_24");

    /** The dictionary name of a written metric: per-site and per-variant names by their documented pattern. */
    static String documentedName(String metric) {
        for (String site : List.of("site_admissions_per_year.", "site_stroke_admissions_per_year.",
                "site_ed_occupancy_mean.")) {
            if (metric.startsWith(site)) {
                return site + "<site_id>";
            }
        }
        if (metric.startsWith("sensitivity.")) {
            return "sensitivity.<coefficient>.<level>." + metric.substring(metric.lastIndexOf('.') + 1);
        }
        for (String slice : SLICES) {
            if (metric.endsWith(slice)) {
                return documentedName(metric.substring(0, metric.length() - slice.length())) + "<slice>";
            }
        }
        return metric;
    }

    private static Set<String> written() {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand")).put("scale", 0.01);
        OutcomeParameters p = OutcomeParameters.defaults();
        List<OutcomeVariant> variants = new ArrayList<>();
        for (OutcomeParameters.Level level : OutcomeParameters.Level.values()) {
            OutcomeModel m = new OutcomeModel(p.sensitivityCase("stroke.organised_care.death_odds_ratio", level));
            variants.add(new OutcomeVariant("stroke.organised_care.death_odds_ratio."
                    + level.name().toLowerCase(Locale.ROOT), m::probabilityOfDeath));
        }
        FlowModel model = new FlowModel(FlowModelTest.smallNetwork(true), parameters(tree),
                Outcomes.of(new OutcomeModel(p), variants, List.of(new OutcomeModel(p))));
        ReplicationResult r = run(model, 3, 0, 20, 5);
        Set<String> names = new TreeSet<>();
        r.metrics().keySet().forEach(m -> names.add(documentedName(m)));
        return names;
    }

    /** Metric names defined in the README's Metrics section (first column of its tables). */
    private static Set<String> documented() throws IOException {
        String text = Files.readString(Path.of("results", "README.md"));
        int start = text.indexOf("\n## Metrics");
        int end = text.indexOf("\n## ", start + 5);
        String section = text.substring(start, end);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
        while (m.find()) {
            // Rows of the slice-suffix table name suffixes, not metrics.
            if (!m.group(1).startsWith("_")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void theDictionaryListsExactlyTheMetricsTheModelWrites() throws IOException {
        Set<String> written = written();
        Set<String> documented = documented();
        Set<String> undocumented = new TreeSet<>(written);
        undocumented.removeAll(documented);
        Set<String> unwritten = new TreeSet<>(documented);
        unwritten.removeAll(written);
        assertEquals(Set.of(), undocumented, "written but not in results/README.md");
        assertEquals(Set.of(), unwritten, "in results/README.md but not written");
    }
}
