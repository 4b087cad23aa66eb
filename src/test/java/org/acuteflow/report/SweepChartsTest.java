package org.acuteflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.config.SweepSpec;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartsTest {
    @TempDir
    Path dir;

    /** A sweep of six scenarios: the base, then closures whose extra deaths are 5, 40, 10, 30, 20 a year. */
    private static ExperimentResults sweep() {
        double[] extra = {0, 5, 40, 10, 30, 20};
        ExperimentResults fixture = ReportFixture.full();
        List<ScenarioSpec> specs = new ArrayList<>();
        ReplicationResult[][] rr = new ReplicationResult[extra.length][3];
        List<ScenarioModel> models = new ArrayList<>();
        for (int s = 0; s < extra.length; s++) {
            ScenarioSpec base = fixture.experiment().scenarios().get(0);
            specs.add(new ScenarioSpec(s, s == 0 ? "base" : "close-" + s, "", base.configuration(), base.parameters(),
                    base.sources(), NetworkEdits.NONE));
            models.add(fixture.model(0));
            for (int r = 0; r < 3; r++) {
                ReplicationResult x = new ReplicationResult();
                fixture.get(0, r).metrics().forEach(x::metric);
                fixture.get(0, r).series().forEach(x::series);
                x.metric("deaths_total", fixture.get(0, r).metrics().get("deaths_total") + extra[s]);
                rr[s][r] = x;
            }
        }
        Experiment e = new Experiment("sweep-test", "", Path.of("experiments", "s.yaml"), "ab".repeat(32),
                Path.of("networks", "testland"), new RunControl(365, 0, 3, 1, 1), ReportFixture.allOutputs(), "base",
                specs, new SweepSpec("current", "type1_ae", true, List.of(), Map.of()));
        return new ExperimentResults(e, rr, models);
    }

    @Test
    void aSweepChartsItsBaseAndItsThreeHighestRankedScenariosOnly() throws IOException {
        ExperimentResults results = sweep();
        assertArrayEquals(new boolean[] {true, false, true, false, true, true}, Charts.charted(results));
        RunOutputs.write(results, dir);
        List<String> maps;
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            maps = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("map_stroke_travel_")
                    && !n.contains("change")).sorted().toList();
        }
        assertEquals(List.of("map_stroke_travel_base.png", "map_stroke_travel_close-2.png",
                "map_stroke_travel_close-4.png", "map_stroke_travel_close-5.png"), maps);
        assertTrue(Files.exists(dir.resolve("charts").resolve("sweep_ranking.png")));
        List<String> ranking = Files.readAllLines(dir.resolve("ranking.csv"));
        assertTrue(ranking.get(1).startsWith("1,close-2,"), ranking.get(1));
    }

    @Test
    void listedScenariosAreAllCharted() {
        assertArrayEquals(new boolean[] {true, true}, Charts.charted(ReportFixture.full()));
    }
}
