package org.acuteflow.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members in their own JVMs run an experiment; one is killed (kill -9) part-way and its replications run
 * elsewhere; then a submitting process is killed part-way and the run is resumed on the two members left. Both
 * runs' outputs must be the same bytes as a local run on this JVM's threads.
 */
@Tag("slow")
class ClusterRunTest {
    private static final List<String> OUTPUTS = List.of("summary.csv", "replications.csv", "differences.csv");
    private static final int REPLICATIONS = 8;

    @TempDir
    Path dir;

    @Test
    void killedMemberAndKilledSubmitterLoseNothing() throws Exception {
        // Each replication takes a few tenths of a second: the run is well under way when the member dies.
        Path exp = Members.experiment(dir, "cluster", REPLICATIONS, 30.0, 0.004);
        Path local = dir.resolve("local");
        Members.Result localRun = Members.cli("run", exp.toString(), "--threads", "2", "--quiet", "--out", local.toString());
        assertEquals(0, localRun.code(), localRun.toString());

        try (LocalMembers members = new LocalMembers(dir, List.of("-Xmx256m", "-XX:+UseParallelGC"))) {
            members.start(1);
            Process third = members.start(1, 2).get(1);

            // 1. A member is killed once the run has stored its first replication.
            Path out = dir.resolve("with-kill");
            Path partial = dir.resolve(".with-kill.partial");
            CompletableFuture<Members.Result> run = CompletableFuture.supplyAsync(() -> Members.cli("run",
                    exp.toString(), "--quiet", "--out", out.toString(), "--cluster", members.cluster(),
                    "--members", members.addresses()));
            awaitStored(partial, 1, run);
            third.destroyForcibly();
            assertTrue(third.waitFor(10, TimeUnit.SECONDS), "the member was killed");
            assertTrue(Members.stored(partial) < 2L * REPLICATIONS, "killed while the run was going");
            Members.Result result = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, result.code(), result.toString());
            assertTrue(result.err().contains("will run again"), "the killed member's replications ran again elsewhere:\n"
                    + result.err());
            sameOutputs(local, out);

            // 2. The submitting process is killed; --resume finishes the run from what the cluster finished.
            Path resumed = dir.resolve("resumed");
            Path resumedPartial = dir.resolve(".resumed.partial");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.acuteflow.cli.Main", "run", exp.toString(), "--quiet", "--out", resumed.toString(),
                    "--cluster", members.cluster(), "--members", members.addresses()));
            Process submitter = new ProcessBuilder(command).redirectOutput(dir.resolve("submitter.out").toFile())
                    .redirectError(dir.resolve("submitter.err").toFile()).start();
            awaitStored(resumedPartial, 1, null);
            submitter.destroyForcibly();
            assertTrue(submitter.waitFor(10, TimeUnit.SECONDS));
            assertFalse(Files.exists(resumed), "a killed run has no complete-looking folder");
            long before = Members.stored(resumedPartial);
            assertTrue(before >= 1 && before < 2L * REPLICATIONS, "killed part-way: " + before + " stored");
            Members.Result finish = Members.cli("run", "--resume", resumedPartial.toString(), "--quiet",
                    "--cluster", members.cluster(), "--members", members.addresses());
            assertEquals(0, finish.code(), finish.toString());
            sameOutputs(local, resumed);
        }
    }

    private static void sameOutputs(Path expected, Path actual) throws Exception {
        for (String name : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name + " differs between the local and the cluster run");
        }
    }

    private static void awaitStored(Path partial, long n, CompletableFuture<Members.Result> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Members.stored(partial) >= n) {
                return;
            }
            if (run != null && run.isDone()) {
                fail("the run ended before " + n + " replication(s) were stored: " + run.get());
            }
            Thread.sleep(5);
        }
        fail("no replication stored within 90 s");
    }
}
