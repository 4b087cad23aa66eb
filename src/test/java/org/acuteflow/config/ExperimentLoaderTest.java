package org.acuteflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void network() throws IOException {
        Files.createDirectories(dir.resolve("net"));
    }

    private Path write(String... lines) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private static final String[] VALID = {
        "name: demo",
        "network: net",
        "run:",
        "  days: 7",
        "  warmup_days: 1",
        "  replications: 3",
        "  seed: 12",
        "parameters:",
        "  ems:",
        "    fleet_scale: 1",
        "scenarios:",
        "  - name: a",
        "    configuration: current",
        "  - name: b",
        "    configuration: concentrated",
        "    parameters:",
        "      ems:",
        "        fleet_scale: 2",
    };

    @Test
    void loadsAValidFileWithDefaultsAndOverrides() throws IOException {
        Experiment e = ExperimentLoader.load(write(VALID));
        assertEquals("demo", e.name());
        assertEquals(3, e.run().replications());
        assertEquals(0, e.run().threads());
        assertEquals("a", e.baseline());
        assertEquals(dir.resolve("net").toAbsolutePath().normalize(), e.networkDir());
        assertEquals(1, e.scenarios().get(0).parameters().at("/ems/fleet_scale").asInt());
        assertEquals(2, e.scenarios().get(1).parameters().at("/ems/fleet_scale").asInt());
        assertTrue(e.wants("differences"));
        assertEquals(64, e.sha256().length());
    }

    @Test
    void scenarioOverrideIsLocatedWhereTheScenarioWroteIt() throws IOException {
        Experiment e = ExperimentLoader.load(write(VALID));
        InputProblem where = e.scenarios().get(1).sources().locate("parameters.ems.fleet_scale");
        assertEquals(18, where.line());
        InputProblem base = e.scenarios().get(0).sources().locate("parameters.ems.fleet_scale");
        assertEquals(10, base.line());
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        Path f = write("name: demo", "network: net", "run: [days: 7", "scenarios: []");
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(f));
        InputProblem p = e.problems().get(0);
        assertEquals(f.toString(), p.file());
        assertTrue(p.line() >= 3, p.toString());
        assertTrue(p.message().contains("not valid YAML"), p.message());
    }

    @Test
    void unknownKeyNamesFileLineAndField() throws IOException {
        String[] lines = VALID.clone();
        lines[5] = "  replicatoins: 3";
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(write(lines)));
        InputProblem p = e.problems().get(0);
        assertEquals(6, p.line(), p.toString());
        assertTrue(p.message().contains("replicatoins"), p.message());
        assertTrue(p.message().contains("replications"), "should suggest the known keys: " + p.message());
    }

    @Test
    void wrongTypeIsReportedAtItsLine() throws IOException {
        String[] lines = VALID.clone();
        lines[3] = "  days: seven";
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(write(lines)));
        assertEquals(4, e.problems().get(0).line());
        assertEquals("run.days", e.problems().get(0).field());
    }

    @Test
    void everyRangeProblemIsReportedAtOnce() throws IOException {
        String[] lines = VALID.clone();
        lines[3] = "  days: -1";
        lines[5] = "  replications: 0";
        lines[14] = "    configuration: ''";
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(write(lines)));
        List<String> fields = e.problems().stream().map(InputProblem::field).toList();
        assertTrue(fields.containsAll(List.of("run.days", "run.replications", "scenarios[1].configuration")), fields.toString());
        InputProblem days = e.problems().stream().filter(p -> p.field().equals("run.days")).findFirst().orElseThrow();
        assertEquals(4, days.line());
    }

    @Test
    void duplicateKeysAndScenarioNamesAreErrors() throws IOException {
        String[] dupKey = VALID.clone();
        dupKey[4] = "  days: 3";
        InputException e1 = assertThrows(InputException.class, () -> ExperimentLoader.load(write(dupKey)));
        assertEquals(5, e1.problems().get(0).line());

        String[] dupName = VALID.clone();
        dupName[13] = "  - name: a";
        InputException e2 = assertThrows(InputException.class, () -> ExperimentLoader.load(write(dupName)));
        assertEquals("scenarios[1].name", e2.problems().get(0).field());
        assertEquals(14, e2.problems().get(0).line());
    }

    @Test
    void missingNetworkFolderAndUnknownBaselineAreErrors() throws IOException {
        String[] lines = VALID.clone();
        lines[1] = "network: nowhere";
        String[] withBaseline = new String[lines.length + 1];
        System.arraycopy(lines, 0, withBaseline, 0, lines.length);
        withBaseline[lines.length] = "baseline: zzz";
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(write(withBaseline)));
        List<String> fields = e.problems().stream().map(InputProblem::field).toList();
        assertTrue(fields.contains("network") && fields.contains("baseline"), fields.toString());
    }

    @Test
    void missingFileAndEmptyFileAreClearErrors() throws IOException {
        InputException missing = assertThrows(InputException.class,
                () -> ExperimentLoader.load(dir.resolve("absent.yaml")));
        assertTrue(missing.getMessage().contains("file not found"));
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        InputException e = assertThrows(InputException.class, () -> ExperimentLoader.load(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
