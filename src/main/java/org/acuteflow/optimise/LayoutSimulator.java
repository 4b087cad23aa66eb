package org.acuteflow.optimise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.sim.ReplicationContext;

/**
 * Simulates layouts as scenarios of the problem's base configuration: each layout is the base configuration
 * with the service (and its companion services) withdrawn where the layout has no unit and added where it
 * has one. Replication r of every layout runs on substream r of every stream (seed, r), exactly as
 * {@code ExperimentRunner} runs replication r of an experiment's scenarios, so layouts are compared on common
 * random numbers; a result does not depend on the thread that computed it.
 */
public final class LayoutSimulator implements AutoCloseable {
    private final LocationProblem problem;
    private final List<ScenarioModel> models = new ArrayList<>();
    private final List<List<ReplicationResult>> results = new ArrayList<>();
    private final RunControl run;
    private final ExecutorService pool;
    private final IntConsumer progress;
    private int done;

    /**
     * @param layouts  open site ids of each layout (the service's units)
     * @param network  the base configuration's network (tells which sites offer the service now)
     */
    public LayoutSimulator(LocationProblem problem, List<List<String>> layouts, Network network, ModelFactory factory,
                           int threads, long seed, IntConsumer progress) {
        this.problem = problem;
        this.progress = progress;
        LocationProblem.Selection sel = problem.selection();
        this.run = new RunControl(sel.days(), sel.warmupDays(), sel.maxReplications(), seed, threads);
        List<ScenarioSpec> specs = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            specs.add(new ScenarioSpec(i, "layout-" + (i + 1), String.join(" ", layouts.get(i)),
                    problem.baseConfiguration(), problem.parameters(), problem.parameterSources(),
                    edits(layouts.get(i), network)));
        }
        Experiment experiment = new Experiment(problem.name(), problem.description(), problem.file(),
                problem.sha256(), problem.networkDir(), run, Set.of(), specs.get(0).name(), specs, null);
        for (ScenarioSpec spec : specs) {
            models.add(factory.prepare(experiment, spec));
            results.add(new ArrayList<>());
        }
        int n = Math.max(1, run.effectiveThreads());
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "layout-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The edits turning the base configuration into {@code layout}. */
    NetworkEdits edits(List<String> layout, Network network) {
        Set<String> open = Set.copyOf(layout);
        List<NetworkEdits.SiteService> close = new ArrayList<>();
        List<NetworkEdits.SiteService> add = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        services.add(problem.service());
        services.addAll(problem.companions());
        for (Site s : network.sites()) {
            boolean wanted = open.contains(s.id());
            for (Service service : services) {
                boolean has = s.offers(service);
                if (has && !wanted && (service == problem.service() || offersMain(s))) {
                    close.add(new NetworkEdits.SiteService(s.id(), service.key()));
                } else if (!has && wanted) {
                    add.add(new NetworkEdits.SiteService(s.id(), service.key()));
                }
            }
        }
        return new NetworkEdits(List.of(), close, add);
    }

    // A companion service is withdrawn only where it went with the main one (a thrombolysis-only site keeps it).
    private boolean offersMain(Site s) {
        return s.offers(problem.service());
    }

    /** Replication r of each listed layout (run in parallel); the selection metric of each. */
    public double[] sample(int[] layouts, int replication) {
        int[] reps = new int[layouts.length];
        java.util.Arrays.fill(reps, replication);
        ReplicationResult[] done = run(layouts, reps);
        double[] out = new double[layouts.length];
        for (int i = 0; i < layouts.length; i++) {
            out[i] = metric(done[i]);
        }
        return out;
    }

    /** Replications 0..n-1 of one layout (those not run yet are run, in parallel); all of its results so far. */
    public List<ReplicationResult> ensure(int layout, int n) {
        List<Integer> missing = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<ReplicationResult> list = results.get(layout);
            if (list.size() <= r || list.get(r) == null) {
                missing.add(r);
            }
        }
        int[] layouts = new int[missing.size()];
        java.util.Arrays.fill(layouts, layout);
        for (ReplicationResult r : run(layouts, missing.stream().mapToInt(Integer::intValue).toArray())) {
            metric(r);
        }
        return results(layout);
    }

    private ReplicationResult[] run(int[] layouts, int[] reps) {
        List<Future<ReplicationResult>> futures = new ArrayList<>();
        for (int i = 0; i < layouts.length; i++) {
            ScenarioModel model = models.get(layouts[i]);
            int replication = reps[i];
            futures.add(pool.submit(() -> model.simulate(new ReplicationContext(run.seed(), replication), run,
                    PatientSink.NONE)));
        }
        ReplicationResult[] out = new ReplicationResult[layouts.length];
        for (int i = 0; i < layouts.length; i++) {
            out[i] = get(futures.get(i));
            List<ReplicationResult> list = results.get(layouts[i]);
            while (list.size() <= reps[i]) {
                list.add(null);
            }
            list.set(reps[i], out[i]);
            progress.accept(++done);
        }
        return out;
    }

    private double metric(ReplicationResult r) {
        Double v = r.metrics().get(problem.selection().metric());
        if (v == null) {
            var p = problem.sources().problems();
            p.add("selection.metric", "the simulation reports no metric '" + problem.selection().metric()
                    + "'; it reports e.g. deaths_total, stroke_deaths_90d, stroke_travel_minutes_mean");
            p.throwIfAny();
        }
        return v;
    }

    public List<ReplicationResult> results(int layout) {
        return results.get(layout).stream().filter(r -> r != null).toList();
    }

    private static ReplicationResult get(Future<ReplicationResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputException ie) {
                throw ie;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
