package org.acuteflow.model;

import static org.acuteflow.model.TestModels.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metric;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.junit.jupiter.api.Test;

/**
 * The metric registry ({@link Metrics}) declares exactly the metrics and series the model writes, and the data
 * dictionary (results/README.md, sections "Metrics" and "Series") is its rendering, row for row.
 */
class MetricDictionaryTest {
    private static final List<String> SLICES = List.of("_weekday", "_weekend", "_hours_00_08", "_hours_08_18",
            "_hours_18_24");

    /** The declared name of a written metric: a family member by its family, a sliced count by its pattern. */
    static String declaredName(String metric) {
        Metric m = Metrics.find(metric);
        if (m == null) {
            return metric;
        }
        if (m.isFamily() || m.name().equals(metric)) {
            return m.name();
        }
        return m.name();
    }

    private static Set<String> written() {
        ObjectNode tree = defaults();
        ((ObjectNode) tree.get("demand")).put("scale", 0.01);
        // The heart attack pathway writes its metrics only when it has demand (the small network has a PCI site).
        ((ObjectNode) tree.get("demand").get("classes").get("stemi")).put("per_year", 2700);
        OutcomeParameters p = OutcomeParameters.defaults();
        List<OutcomeVariant> variants = new ArrayList<>();
        for (OutcomeParameters.Level level : OutcomeParameters.Level.values()) {
            OutcomeModel m = new OutcomeModel(p.sensitivityCase("stroke.organised_care.death_odds_ratio", level));
            variants.add(new OutcomeVariant("stroke.organised_care.death_odds_ratio."
                    + level.name().toLowerCase(Locale.ROOT), m::probabilityOfDeath));
        }
        org.acuteflow.network.Network small = FlowModelTest.smallNetwork(true);
        // Its configuration names the heart attack rule (routing: {stemi: nearest_pci}).
        org.acuteflow.network.Network network = new org.acuteflow.network.Network(small.name(), small.configuration(),
                small.zones(), small.sites(), small.stations(), small.travel(), small.protocol().withPathwayRules(
                java.util.Map.of("stemi", new org.acuteflow.network.RoutingProtocol.PathwayRule("nearest_pci",
                        "test-config.yaml", 1, "routing.stemi"))));
        FlowModel model = new FlowModel(network, parameters(tree),
                Outcomes.of(new OutcomeModel(p), variants, List.of(new OutcomeModel(p))));
        ReplicationResult r = run(model, 3, 0, 20, 5);
        Set<String> names = new TreeSet<>();
        r.metrics().keySet().forEach(m -> names.add(declaredName(m)));
        r.series().keySet().forEach(s -> names.add(s.startsWith("psa.") ? Metrics.SERIES_PSA.name() : s));
        return names;
    }

    private static Set<String> declared() {
        Set<String> names = new TreeSet<>();
        Metrics.METRICS.forEach(m -> names.add(m.name()));
        Metrics.SLICED.forEach(m -> names.add(m.name()));
        Metrics.SERIES.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The table rows (lines starting "| `") of the README's section {@code heading}. */
    private static List<String> readmeRows(String heading) throws IOException {
        String text = Files.readString(Path.of("results", "README.md"));
        int start = text.indexOf("\n## " + heading + "\n");
        int end = text.indexOf("\n## ", start + 5);
        String section = text.substring(start, end < 0 ? text.length() : end);
        return section.lines().filter(l -> l.matches("\\| `[^`]+` \\|.*")).toList();
    }

    @Test
    void theRegistryDeclaresExactlyTheMetricsAndSeriesTheModelWrites() {
        Set<String> written = written();
        Set<String> declared = declared();
        Set<String> undeclared = new TreeSet<>(written);
        undeclared.removeAll(declared);
        Set<String> unwritten = new TreeSet<>(declared);
        unwritten.removeAll(written);
        assertEquals(Set.of(), undeclared, "written but not declared in Metrics");
        assertEquals(Set.of(), unwritten, "declared in Metrics but not written");
    }

    @Test
    void theDataDictionaryIsTheRegistryRendered() throws IOException {
        assertEquals(String.join("\n", Metrics.dictionaryRows(false)), String.join("\n", readmeRows("Metrics")),
                "results/README.md, section Metrics: table rows must be Metrics.dictionaryRows(false)");
        assertEquals(String.join("\n", Metrics.dictionaryRows(true)), String.join("\n", readmeRows("Series")),
                "results/README.md, section Series: table rows must be Metrics.dictionaryRows(true)");
    }

    @Test
    void everyDeclarationIsComplete() {
        Set<String> pathways = Set.of(Metrics.ALL, Metrics.STROKE, Metrics.MAJOR_TRAUMA, Metrics.OTHER_EMERGENCY,
                Metrics.STEMI);
        Set<String> names = new TreeSet<>();
        for (Metric m : Metrics.METRICS) {
            assertTrue(m.name().matches("[a-z0-9_.<>]+"), m.name());
            assertFalse(m.unit().isBlank(), m.name() + " has a unit");
            assertFalse(m.definition().isBlank(), m.name() + " has a definition");
            assertTrue(pathways.contains(m.pathway()), m.name() + " belongs to a known pathway");
            assertTrue(names.add(m.name()), m.name() + " declared once");
        }
    }
}
