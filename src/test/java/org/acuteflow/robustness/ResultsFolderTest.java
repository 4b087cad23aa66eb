package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are never overwritten or half-written, and file-system problems are clear messages with exit 2. */
class ResultsFolderTest {
    @TempDir
    Path dir;

    private Path experiment() throws IOException {
        Fixtures.exampleNetwork(dir);
        return Fixtures.experiment(dir, "tiny", 1, 1.0);
    }

    /** Every file under {@code root} with its bytes, to prove a folder is untouched. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed"));
    }

    @Test
    void outToAnExistingFolderExitsTwoAndChangesNothing() throws IOException {
        Path exp = experiment();
        Path existing = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(existing.resolve("summary.csv"), "scenario,metric\nold,results\n");
        Map<String, byte[]> before = snapshot(dir.resolve("precious"));
        Cli.Result r = Cli.run("run", exp.toString(), "--out", existing.toString(), "--quiet");
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("--out existing");
        assertTrue(r.err().contains(existing.toString()) && r.err().contains("--out"), r.err());
        assertSameFiles(before, snapshot(existing));
        assertFalse(Files.exists(dir.resolve(".precious.partial")), "no working folder either");
    }

    @Test
    void aSecondRunGetsANewFolderAndLeavesTheFirstAlone() throws IOException {
        Path exp = experiment();
        Path results = dir.resolve("results");
        Cli.Result first = Cli.run("run", exp.toString(), "--results", results.toString(), "--quiet");
        assertEquals(0, first.code(), first.toString());
        Path firstDir = Path.of(first.out().trim());
        assertFalse(Files.exists(firstDir.resolve("replications")), "resume files are removed on completion");
        assertFalse(Files.exists(firstDir.resolve("run.json")), "resume files are removed on completion");
        Map<String, byte[]> before = snapshot(firstDir);
        Cli.Result second = Cli.run("run", exp.toString(), "--results", results.toString(), "--quiet");
        assertEquals(0, second.code(), second.toString());
        Path secondDir = Path.of(second.out().trim());
        assertFalse(firstDir.equals(secondDir), "a new folder for the second run");
        assertSameFiles(before, snapshot(firstDir));
        // Same file, same seed: the same numbers.
        assertArrayEquals(Files.readAllBytes(firstDir.resolve("summary.csv")),
                Files.readAllBytes(secondDir.resolve("summary.csv")));
        // Resuming a run that completed is refused, and changes nothing.
        Cli.Result again = Cli.run("run", "--resume", firstDir.toString());
        assertEquals(2, again.code(), again.toString());
        again.assertNoStackTrace("resume of a complete folder");
        assertSameFiles(before, snapshot(firstDir));
    }

    @Test
    void resultsRootThatIsAFileExitsTwoNamingIt() throws IOException {
        Path exp = experiment();
        Path notAFolder = dir.resolve("results");
        Files.writeString(notAFolder, "not a folder");
        Cli.Result r = Cli.run("run", exp.toString(), "--results", notAFolder.toString(), "--quiet");
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("results root is a file");
        assertTrue(r.err().contains(notAFolder.toString()), r.err());
        assertEquals("not a folder", Files.readString(notAFolder));
    }

    @Test
    void readOnlyResultsRootExitsTwoNamingIt() throws IOException {
        Path exp = experiment();
        Path root = Files.createDirectories(dir.resolve("readonly"));
        Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root (and some containers) ignore permission bits: then there is nothing to test here.
            boolean enforced;
            try {
                Files.delete(Files.createFile(root.resolve("probe")));
                enforced = false;
            } catch (IOException e) {
                enforced = true;
            }
            Assumptions.assumeTrue(enforced, "permission bits are not enforced for this user");
            Cli.Result r = Cli.run("run", exp.toString(), "--results", root.toString(), "--quiet");
            assertEquals(2, r.code(), r.toString());
            r.assertNoStackTrace("read-only results root");
            assertTrue(r.err().contains(root.toString()) && r.err().contains("permission denied"), r.err());
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aWriteFailureDuringTheRunExitsTwoAndLeavesOnlyThePartialFolder() throws IOException {
        Path exp = experiment();
        Path out = dir.resolve("broken");
        // The run's working folder will be .broken.partial; a file where its replications/ folder goes makes
        // the first save fail, as a full disk or a lost mount would.
        Path partial = dir.resolve(".broken.partial");
        Cli.Result r;
        Thread blocker = new Thread(() -> {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.isDirectory(partial)) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                Thread.onSpinWait();
            }
            try {
                Files.writeString(partial.resolve("replications"), "in the way");
            } catch (IOException ignored) {
                // The run got there first; the assertions below then fail loudly.
            }
        });
        blocker.setDaemon(true);
        blocker.start();
        r = Cli.run("run", exp.toString(), "--out", out.toString(), "--quiet", "--replications", "3", "--days", "3");
        Assumptions.assumeTrue(Files.isRegularFile(partial.resolve("replications")), "could not get in the way in time");
        assertEquals(2, r.code(), r.toString());
        r.assertNoStackTrace("write failure");
        System.out.println("write failure reported as: " + r.err().strip());
        assertTrue(r.err().contains("replications"), r.err());
        assertFalse(Files.exists(out), "no complete-looking folder");
        assertTrue(Files.isRegularFile(partial.resolve("run.json")), "the working folder stays hidden, resumable");
        List<String> hidden;
        try (Stream<Path> s = Files.list(dir)) {
            hidden = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("broken")).toList();
        }
        assertEquals(List.of(".broken.partial"), hidden);
    }
}
