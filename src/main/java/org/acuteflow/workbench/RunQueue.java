package org.acuteflow.workbench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ReplicationStore;
import org.acuteflow.experiment.RunFolder;
import org.acuteflow.report.Manifest;
import org.acuteflow.report.RunInfo;
import org.acuteflow.report.RunOutputs;

/**
 * Runs experiments one after another on a background thread, as {@code acuteflow run} would (a hidden working
 * folder renamed when complete, the same outputs), so the web server never waits for a simulation. Each run's
 * progress goes to its listeners; a cancelled run stops after the replications in progress and leaves its
 * working folder, which {@code acuteflow run --resume} can finish.
 */
final class RunQueue implements AutoCloseable {
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** One queued or finished run; fields are read by server threads while the worker updates them. */
    static final class Job {
        final int id;
        final String name;
        final Path experimentFile;
        final Experiment experiment;
        final int total;
        volatile State state = State.QUEUED;
        volatile int done;
        volatile String message = "";
        volatile Path resultDir;
        volatile List<String> problems = List.of();
        volatile boolean cancelRequested;
        final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();

        Job(int id, String name, Path experimentFile, Experiment experiment) {
            this.id = id;
            this.name = name;
            this.experimentFile = experimentFile;
            this.experiment = experiment;
            this.total = experiment.scenarios().size() * experiment.run().replications();
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
        }

        void changed() {
            listeners.forEach(l -> l.accept(this));
        }
    }

    private final Path resultsRoot;
    private final ModelFactory factory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    RunQueue(Path resultsRoot, ModelFactory factory) {
        this.resultsRoot = resultsRoot;
        this.factory = factory;
    }

    Job submit(String name, Path experimentFile, Experiment experiment) {
        Job job = new Job(ids.incrementAndGet(), name, experimentFile, experiment);
        jobs.put(job.id, job);
        worker.submit(() -> execute(job));
        return job;
    }

    Job get(int id) {
        return jobs.get(id);
    }

    List<Job> all() {
        List<Job> list = new ArrayList<>(jobs.values());
        list.sort((a, b) -> Integer.compare(b.id, a.id));
        return list;
    }

    /** Asks a run to stop: a queued run never starts; a running one stops after its current replications. */
    boolean cancel(int id) {
        Job job = jobs.get(id);
        if (job == null || job.finished()) {
            return false;
        }
        job.cancelRequested = true;
        if (job.state == State.QUEUED) {
            job.state = State.CANCELLED;
            job.message = "cancelled before it started";
            job.changed();
        }
        return true;
    }

    private void execute(Job job) {
        if (job.cancelRequested) {
            return;
        }
        job.state = State.RUNNING;
        job.changed();
        RunFolder folder = null;
        long start = System.nanoTime();
        try {
            folder = RunFolder.create(resultsRoot, job.experiment.name(), null, LocalDateTime.now());
            folder.writeResume(job.experimentFile, job.experiment.sha256(), job.experiment.run(), false,
                    org.acuteflow.experiment.InputFingerprint.of(job.experiment));
            String startedAt = Instant.now().toString();
            ExperimentRunner.Options options = new ExperimentRunner.Options(new ReplicationStore(folder.workDir()),
                    null, done -> {
                        job.done = done;
                        job.changed();
                        if (job.cancelRequested) {
                            throw new CancellationException("cancelled");
                        }
                    });
            ExperimentResults results = ExperimentRunner.run(job.experiment, factory, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            RunOutputs.write(results, folder.workDir(), new RunInfo(seconds));
            Manifest.write(folder.workDir().resolve("manifest.json"), job.experiment, seconds, startedAt, false);
            folder.complete();
            job.resultDir = folder.finalDir();
            job.state = State.DONE;
            job.message = String.format(java.util.Locale.ROOT, "finished in %.1f s", seconds);
        } catch (CancellationException e) {
            job.state = State.CANCELLED;
            job.message = "cancelled; the finished replications are kept in " + folder.workDir()
                    + " (acuteflow run --resume finishes it)";
        } catch (InputException e) {
            if (folder != null) {
                folder.discardIfNothingDone();
            }
            job.state = State.FAILED;
            job.problems = e.problems().stream().map(Object::toString).toList();
            job.message = "bad input";
        } catch (RuntimeException | java.io.IOException e) {
            job.state = State.FAILED;
            job.message = "failed: " + e;
        }
        job.changed();
    }

    @Override
    public void close() {
        jobs.values().forEach(j -> j.cancelRequested = true);
        worker.shutdownNow();
    }
}
