package org.acuteflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration's {@code routing} block names the destination rule of any registered pathway by its key
 * ({@code routing: {stemi: nearest_ae}}), checked where the pathways are known.
 */
class PathwayRoutingKeysTest {
    @TempDir
    Path dir;

    /** The example network's hasu configuration, primary PCI at site A only, heart attacks only. */
    private Experiment experiment(String scenarioExtra) throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "name: keys\nnetwork: " + Path.of("networks", "example").toAbsolutePath()
                + "\nrun: {days: 10, replications: 1, seed: 4}\n"
                + "parameters:\n  demand:\n    classes:\n      stroke: {per_year: 0}\n      major_trauma: {per_year: 0}\n"
                + "      medical_emergency: {per_year: 0}\n      surgical_emergency: {per_year: 0}\n"
                + "      other_incident: {per_year: 0}\n      stemi: {per_year: 20000}\n"
                + "scenarios:\n  - name: a\n    configuration: hasu\n"
                + "    open_services: [{site: A, service: pci}]\n" + scenarioExtra);
        return ExperimentLoader.load(file);
    }

    @Test
    void routingStemiNearestAeTakesEveryAmbulanceHeartAttackToTheNearestAe() throws IOException {
        Experiment e = experiment("    routing: {stemi: nearest_ae}\n");
        FlowModel model = (FlowModel) new FlowModelFactory().prepare(e, e.scenarios().get(0));
        Network n = model.network();
        TestModels.ListSink sink = new TestModels.ListSink();
        TestModels.run(model, 4, 0, 10, 0, sink);
        String[] header = sink.header.split(",", -1);
        int ambulance = 0;
        int notAtTheCentre = 0;
        for (String row : sink.rows) {
            String[] cells = row.split(",", -1);
            Map<String, String> r = new HashMap<>();
            for (int k = 0; k < header.length; k++) {
                r.put(header[k], cells[k]);
            }
            if (!r.get("class").equals("stemi") || Boolean.parseBoolean(r.get("self_presenter"))) {
                continue;
            }
            int zone = n.zones().stream().filter(z -> z.id().equals(r.get("zone"))).findFirst().orElseThrow().index();
            // The nearest type-1 A&E from the zone, by hand over the travel times.
            Site nearest = null;
            for (Site s : n.sites()) {
                if (s.open() && s.offers(Service.TYPE1_AE) && (nearest == null
                        || n.travel().zoneToSite(zone, s.index()) < n.travel().zoneToSite(zone, nearest.index()))) {
                    nearest = s;
                }
            }
            assertEquals(nearest.id(), r.get("first_site"), r.toString());
            ambulance++;
            notAtTheCentre += nearest.id().equals("A") ? 0 : 1;
        }
        assertTrue(ambulance > 100 && notAtTheCentre > 20, ambulance + " ambulance patients, " + notAtTheCentre
                + " taken to an A&E without primary PCI");
    }

    @Test
    void aMisspeltRuleAndAnUnknownPathwayKeyAreReportedTogetherAtTheirLineWithASuggestion() throws IOException {
        Experiment e = experiment("    routing:\n      stemi: nearest_ea\n      stemmi: nearest_pci\n");
        InputException ex = assertThrows(InputException.class,
                () -> new FlowModelFactory().prepare(e, e.scenarios().get(0)));
        assertEquals(2, ex.problems().size(), ex.getMessage());
        InputProblem rule = ex.problems().get(0);
        assertTrue(rule.file().endsWith("exp.yaml") && rule.line() == 18, rule.toString());
        assertEquals("scenarios[0].routing.stemi", rule.field());
        assertTrue(rule.message().contains("'nearest_ea'; did you mean 'nearest_ae'?"), rule.message());
        InputProblem key = ex.problems().get(1);
        assertTrue(key.file().endsWith("exp.yaml") && key.line() == 19, key.toString());
        assertEquals("scenarios[0].routing.stemmi", key.field());
        assertTrue(key.message().contains("unknown key 'stemmi'; did you mean 'stemi'?"), key.message());
    }

    @Test
    void theSameMistakeInAConfigurationFileIsReportedAtItsLine() throws IOException {
        Path net = dir.resolve("net");
        Path src = Path.of("networks", "example");
        Files.createDirectories(net.resolve("configurations"));
        try (var files = Files.list(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, net.resolve(f.getFileName()));
            }
        }
        Files.copy(src.resolve("configurations/hasu.yaml"), net.resolve("configurations/hasu.yaml"));
        Files.writeString(net.resolve("configurations/typo.yaml"),
                "extends: hasu\nrouting:\n  stemi: nearest_pcu\n");
        Path file = dir.resolve("exp2.yaml");
        Files.writeString(file, "name: keys\nnetwork: " + net.toAbsolutePath()
                + "\nrun: {days: 1, replications: 1, seed: 4}\nscenarios:\n  - name: a\n    configuration: typo\n");
        Experiment e = ExperimentLoader.load(file);
        InputException ex = assertThrows(InputException.class,
                () -> new FlowModelFactory().prepare(e, e.scenarios().get(0)));
        InputProblem p = ex.problems().get(0);
        assertTrue(p.file().endsWith("typo.yaml") && p.line() == 3, p.toString());
        assertTrue(p.message().contains("did you mean 'nearest_pci'?"), p.message());
    }
}
