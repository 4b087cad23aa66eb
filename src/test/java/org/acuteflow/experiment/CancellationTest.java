package org.acuteflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.acuteflow.config.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a replication fails, the other workers stop: none starts or stores another replication. */
class CancellationTest {
    @TempDir
    Path tmp;

    @Test
    void aFailureStopsEveryWorkerBeforeTheRunReturns() throws IOException, InterruptedException {
        Experiment e = TestExperiments.queueExperiment(tmp, String.join("\n",
                "  - name: three",
                "    configuration: servers-3"), 40, 5, 2);
        AtomicInteger started = new AtomicInteger();
        ModelFactory failing = (experiment, scenario) -> (context, run, patients) -> {
            int n = started.incrementAndGet();
            if (n == 3) {
                throw new IllegalStateException("replication failed on purpose");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            ReplicationResult r = new ReplicationResult();
            r.metric("x", n);
            return r;
        };
        ReplicationStore store = new ReplicationStore(tmp.resolve("work"));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ExperimentRunner.run(e, failing,
                new ExperimentRunner.Options(store, null, done -> { })));
        assertEquals("replication failed on purpose", thrown.getMessage());
        // When run() returns, every worker has stopped: nothing more starts and nothing more is stored.
        int startedAtReturn = started.get();
        long storedAtReturn = stored(store.dir());
        assertTrue(startedAtReturn < 40, "the run went on after the failure: " + startedAtReturn + " started");
        Thread.sleep(300);
        assertEquals(startedAtReturn, started.get(), "a replication started after the run returned");
        assertEquals(storedAtReturn, stored(store.dir()), "a replication was stored after the run returned");
    }

    private static long stored(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
