package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.experiment.InputFingerprint;
import org.acuteflow.experiment.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume finishes exactly the run that was started: any input changed since (network table, configuration in
 * the chain, parameter file, experiment), a damaged run.json, or a setting given on the command line is refused
 * with exit 2 and says what; a run folder in use is not offered to another run.
 */
class ResumeSafetyTest {
    @TempDir
    Path dir;

    /** An interrupted run's working folder as a run leaves it before its first replication is stored. */
    private Path partial(Path experimentFile) throws IOException {
        Experiment e = ExperimentLoader.load(experimentFile);
        try (RunFolder folder = RunFolder.create(dir.resolve("results"), e.name(), null, LocalDateTime.now())) {
            folder.writeResume(experimentFile, e.sha256(), e.run(), false, InputFingerprint.of(e));
            return folder.workDir();
        }
    }

    private Path experiment() throws IOException {
        Fixtures.exampleNetwork(dir);
        Files.writeString(dir.resolve("extra.yaml"), "ems:\n  handover_minutes: 15\n");
        return Fixtures.experiment(dir, "tiny", 2, 1.0, "parameter_files: [extra.yaml]");
    }

    private static Cli.Result resume(Path partial, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "run";
        args[1] = "--resume";
        args[2] = partial.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    private static void assertRefused(Cli.Result r, String... mentions) {
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("resume");
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "expected '" + m + "' in:\n" + r.err());
        }
    }

    @Test
    void aChangedInputOfAnyKindIsRefusedNamingTheFile() throws IOException {
        Path exp = experiment();
        String[][] edits = {
                {"net/zones.csv", "\n"},
                {"net/configurations/local.yaml", "# edited\n"},
                {"net/network.yaml", "# edited\n"},
                {"extra.yaml", "# edited\n"},
                {"tiny.yaml", "# edited\n"}};
        for (String[] edit : edits) {
            Path partial = partial(exp);
            Path file = dir.resolve(edit[0]);
            String before = Files.readString(file);
            Files.writeString(file, before + edit[1]);
            Cli.Result r = resume(partial);
            assertRefused(r, file.toAbsolutePath().normalize() + " has changed", "mix results");
            Files.writeString(file, before);
            // Restored: the same inputs, so the run resumes and completes.
            Cli.Result ok = resume(partial, "--quiet");
            assertEquals(0, ok.code(), edit[0] + ": " + ok);
        }
    }

    @Test
    void aDeletedInputIsRefused() throws IOException {
        Path exp = experiment();
        Path partial = partial(exp);
        Files.delete(dir.resolve("net/travel_matrix.csv"));
        Fixtures.replace(dir.resolve("net/network.yaml"), "  travel_matrix: travel_matrix.csv\n", "");
        assertRefused(resume(partial), "travel_matrix.csv is no longer read");
    }

    @Test
    void aDamagedRunJsonIsRefusedWithEveryBadField() throws IOException {
        Path partial = partial(experiment());
        Path runJson = partial.resolve("run.json");
        String good = Files.readString(runJson);
        Files.writeString(runJson, good.replaceFirst("\"seed\" : \\d+", "\"seed\" : \"abc\"")
                .replaceFirst("\"replications\" : \\d+", "\"replications\" : 0"));
        assertRefused(resume(partial), "field 'seed'", "field 'replications'");
        Files.writeString(runJson, good.replaceFirst("\"inputs\" : \\{[^}]*\\}", "\"inputs\" : { }"));
        assertRefused(resume(partial), "field 'inputs'");
        Files.writeString(runJson, "{ not json");
        assertRefused(resume(partial), "damaged");
        Files.writeString(runJson, good);
        assertEquals(0, resume(partial, "--quiet").code());
    }

    @Test
    void settingsGivenWithResumeAreRefusedNotIgnored() throws IOException {
        Path partial = partial(experiment());
        assertRefused(resume(partial, "--replications", "5"), "--replications cannot be combined with --resume");
        assertRefused(resume(partial, "--seed", "1", "--days", "3"), "--seed, --days cannot be combined");
        assertRefused(resume(partial, "--warmup-days", "1"), "--warmup-days");
        // Threads do not change results: allowed.
        assertEquals(0, resume(partial, "--threads", "1", "--quiet").code());
    }

    @Test
    void aFolderInUseIsNotOfferedToAnotherRun() throws IOException {
        Path exp = experiment();
        Path out = dir.resolve("out");
        Experiment e = ExperimentLoader.load(exp);
        try (RunFolder running = RunFolder.create(dir, e.name(), out, LocalDateTime.now())) {
            running.writeResume(exp, e.sha256(), e.run(), false, InputFingerprint.of(e));
            Cli.Result second = Cli.run("run", exp.toString(), "--out", out.toString(), "--quiet");
            assertRefused(second, "another acuteflow run");
            assertFalse(second.err().contains("resume it"), second.err());
            assertRefused(resume(running.workDir()), "another acuteflow run");
        }
    }

    @Test
    void aFailedFinalRenameKeepsWhatAResumeNeeds() throws IOException {
        Path exp = experiment();
        Experiment e = ExperimentLoader.load(exp);
        Path out = dir.resolve("final");
        RunFolder folder = RunFolder.create(dir, e.name(), out, LocalDateTime.now());
        folder.writeResume(exp, e.sha256(), e.run(), false, InputFingerprint.of(e));
        Files.createDirectories(folder.workDir().resolve("replications"));
        Files.writeString(folder.workDir().resolve("replications/s0-r0.json"), "{}");
        // Something takes the final name while the run works: the rename must fail...
        Files.createDirectories(out.resolve("someone-else"));
        assertThrows(InputException.class, folder::complete);
        // ...and run.json and the stored replications are still there to resume from.
        assertTrue(Files.isRegularFile(folder.workDir().resolve("run.json")));
        assertTrue(Files.isRegularFile(folder.workDir().resolve("replications/s0-r0.json")));
    }
}
