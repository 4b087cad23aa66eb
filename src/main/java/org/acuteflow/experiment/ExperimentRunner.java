package org.acuteflow.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.sim.ReplicationContext;

/**
 * Runs every replication of every scenario on a fixed thread pool. Replication r of every scenario uses
 * substream r of every named stream, so scenarios are compared on common random numbers, and a result does not
 * depend on which thread ran it or in what order: outputs are identical whatever the thread count.
 */
public final class ExperimentRunner {

    /**
     * @param store     where finished replications are persisted and, on resume, found; null for none
     * @param patients  folder for per-patient CSV files, or null when not wanted
     * @param progress  called with the number of replications done so far (from worker threads)
     * @param executor  where replications run: null for this process's threads (the default), else e.g. a cluster
     */
    public record Options(ReplicationStore store, Path patients, IntConsumer progress, ReplicationExecutor executor) {
        public Options(ReplicationStore store, Path patients, IntConsumer progress) {
            this(store, patients, progress, null);
        }

        public static Options none() {
            return new Options(null, null, done -> { });
        }
    }

    private ExperimentRunner() {
    }

    public static ExperimentResults run(Experiment experiment, ModelFactory factory, Options options) {
        List<ScenarioSpec> specs = experiment.scenarios();
        // Preparing scenarios (loading networks, binding parameters) happens first, on this thread, so that
        // bad input is reported before any simulation starts.
        List<ScenarioModel> models = new ArrayList<>();
        for (ScenarioSpec spec : specs) {
            models.add(factory.prepare(experiment, spec));
        }
        RunControl run = experiment.run();
        int reps = run.replications();
        ReplicationResult[][] results = new ReplicationResult[specs.size()][reps];
        AtomicInteger done = new AtomicInteger();
        List<int[]> todo = new ArrayList<>();
        // Replication-major order: the first replications of all scenarios finish first, so a partial run
        // already allows paired comparisons.
        for (int r = 0; r < reps; r++) {
            for (int s = 0; s < specs.size(); s++) {
                ReplicationResult stored = options.store() == null ? null : options.store().load(s, r);
                if (stored != null) {
                    results[s][r] = stored;
                    options.progress().accept(done.incrementAndGet());
                } else {
                    todo.add(new int[] {s, r});
                }
            }
        }
        if (options.executor() != null) {
            List<ReplicationExecutor.Task> tasks = todo.stream().map(t -> new ReplicationExecutor.Task(t[0], t[1])).toList();
            options.executor().execute(experiment, tasks, (task, result) -> {
                if (options.store() != null) {
                    options.store().save(task.scenario(), task.replication(), result);
                }
                results[task.scenario()][task.replication()] = result;
                options.progress().accept(done.incrementAndGet());
            });
            return new ExperimentResults(experiment, results, models);
        }
        int threads = Math.max(1, Math.min(run.effectiveThreads(), todo.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "replication-worker");
            t.setDaemon(true);
            return t;
        });
        // Cooperative cancellation: after the first failure (or an interruption) no worker starts or stores
        // another replication, and this method returns only when every worker has stopped, so nothing is
        // written into the run's folder after the failure is reported.
        AtomicBoolean stop = new AtomicBoolean();
        CompletionService<Void> completions = new ExecutorCompletionService<>(pool);
        try {
            for (int[] task : todo) {
                int s = task[0];
                int r = task[1];
                completions.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    ReplicationResult result = runOne(models.get(s), specs.get(s), run, r, options.patients());
                    if (stop.get()) {
                        return null;
                    }
                    if (options.store() != null) {
                        options.store().save(s, r, result);
                    }
                    results[s][r] = result;
                    options.progress().accept(done.incrementAndGet());
                    return null;
                });
            }
            for (int i = 0; i < todo.size(); i++) {
                completions.take().get();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            stop.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
        return new ExperimentResults(experiment, results, models);
    }

    /** Waits for the workers to stop (a replication under way finishes, unstored); keeps an interruption. */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public static ReplicationResult runOne(ScenarioModel model, ScenarioSpec spec, RunControl run, int replication,
                                    Path patientsDir) {
        ReplicationContext context = new ReplicationContext(run.seed(), replication);
        if (patientsDir == null) {
            return model.simulate(context, run, PatientSink.NONE);
        }
        Path file = patientsDir.resolve(spec.name() + "-r" + replication + ".csv");
        try {
            Files.createDirectories(patientsDir);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                PatientSink sink = new PatientSink() {
                    @Override
                    public boolean enabled() {
                        return true;
                    }

                    @Override
                    public void header(String csvHeader) {
                        row(csvHeader);
                    }

                    @Override
                    public void row(String csvRow) {
                        try {
                            w.write(csvRow);
                            w.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
                return model.simulate(context, run, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
