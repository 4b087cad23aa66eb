package org.acuteflow.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.acuteflow.cli.RunCommand;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputBundleTest {
    @TempDir
    Path dir;

    private Experiment load(Path file) {
        return RunCommand.expandSweep(ExperimentLoader.load(file));
    }

    @Test
    void holdsTheExperimentItsParameterFilesAndEveryNetworkFileByRelativePath() throws Exception {
        Path exp = Members.experiment(dir, "b", 2, 7, 0.002);
        Files.writeString(dir.resolve("extra.yaml"), "demand:\n  scale: 0.002\n");
        Files.writeString(exp, Files.readString(exp) + "parameter_files: [extra.yaml]\n");
        InputBundle bundle = InputBundle.of(load(exp));
        Set<String> paths = bundle.entries().stream().map(InputBundle.Entry::path).collect(Collectors.toSet());
        assertEquals("b.yaml", bundle.experimentPath());
        assertTrue(paths.containsAll(Set.of("b.yaml", "extra.yaml", "net/network.yaml", "net/zones.csv",
                "net/configurations/hasu.yaml")), paths.toString());
        for (InputBundle.Entry e : bundle.entries()) {
            byte[] onDisk = Files.readAllBytes(dir.resolve(e.path()));
            assertEquals(Inputs.sha256Hex(onDisk), e.sha256(), e.path());
            assertArrayEquals(onDisk, bundle.bytes(e.sha256()), e.path());
        }
        assertEquals(bundle.id(), InputBundle.of(load(exp)).id(), "the same files give the same id");
        Files.writeString(dir.resolve("net/zones.csv"), Files.readString(dir.resolve("net/zones.csv")) + "\n");
        assertNotEquals(bundle.id(), InputBundle.of(load(exp)).id(), "a changed network file changes the id");
    }

    @Test
    void materializedFilesAreTheSameBytesAndLoadTheSameExperiment() throws Exception {
        Path exp = Members.experiment(dir.resolve("src"), "m", 2, 7, 0.002);
        InputBundle bundle = InputBundle.of(load(exp));
        InputBundle described = InputBundle.described(bundle.experimentPath(), bundle.networkPath(),
                bundle.entries().stream().map(InputBundle.Entry::path).toArray(String[]::new),
                bundle.entries().stream().map(InputBundle.Entry::sha256).toArray(String[]::new));
        assertEquals(bundle.id(), described.id());
        Path file = described.materialize(dir.resolve("cache"), bundle::bytes);
        Path job = dir.resolve("cache").resolve("jobs").resolve(bundle.id());
        assertEquals(job.resolve("m.yaml"), file);
        for (InputBundle.Entry e : bundle.entries()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("src").resolve(e.path())),
                    Files.readAllBytes(job.resolve(e.path())), e.path());
        }
        Experiment copy = load(file);
        assertEquals(load(exp).sha256(), copy.sha256());
        assertEquals(load(exp).scenarios().size(), copy.scenarios().size());
    }

    @Test
    void experimentsOnTheSameNetworkContentShareOneNetworkFolder() throws Exception {
        Path a = Members.experiment(dir.resolve("a"), "first", 2, 7, 0.002);
        Path b = Members.experiment(dir.resolve("b"), "second", 3, 7, 0.003);
        InputBundle ba = InputBundle.of(load(a));
        InputBundle bb = InputBundle.of(load(b));
        assertNotEquals(ba.id(), bb.id());
        Path cache = dir.resolve("cache");
        Path fa = ba.materialize(cache, ba::bytes);
        Path fb = bb.materialize(cache, bb::bytes);
        assertEquals(fa.getParent().resolve("net").toRealPath(), fb.getParent().resolve("net").toRealPath(),
                "one folder per network content");
        // Materializing again (a later replication of the same run) keeps what is there.
        assertEquals(fa, ba.materialize(cache, hash -> null));
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefused() throws Exception {
        Path exp = Members.experiment(dir, "r", 2, 7, 0.002);
        InputBundle bundle = InputBundle.of(load(exp));
        var e = assertThrows(InputBundle.RefusedException.class,
                () -> bundle.materialize(dir.resolve("cache"), hash -> "other content".getBytes()));
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("SHA-256"), e.getMessage());
        var missing = assertThrows(InputBundle.MissingInputException.class,
                () -> bundle.materialize(dir.resolve("cache2"), hash -> null));
        assertTrue(missing.getMessage().contains("not in the cluster"), missing.getMessage());
    }

    @Test
    void pathsOutsideTheCacheFolderAreRefused() {
        Path root = dir.resolve("cache");
        for (String bad : new String[] {"../x.csv", "/etc/passwd", "a/../../b", "a//b", "", "C:\\x", "./a"}) {
            assertThrows(InputBundle.RefusedException.class, () -> InputBundle.inside(root, bad), bad);
        }
        assertEquals(root.resolve("net/zones.csv"), InputBundle.inside(root, "net/zones.csv"));
    }
}
