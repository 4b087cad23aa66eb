package org.acuteflow.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.model.FlowModel;
import org.acuteflow.model.FlowModelFactory;
import org.acuteflow.network.Network;
import org.acuteflow.network.Zone;
import org.acuteflow.sim.ReplicationContext;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The measurements behind {@code acuteflow bench}: the full patient-flow model on a network (London by default)
 * with the built-in default parameters, and the bare event loop it is compared with. Each method does one
 * measurement and returns plain numbers; printing is the caller's business.
 *
 * <p>Wall times are of {@link ScenarioModel#simulate} alone (network loading and scenario preparation are done
 * once, before any timing). Not thread-safe; one instance per benchmark run.
 */
public final class FlowBench {
    /** Days in a simulated year. */
    public static final double DAYS_PER_YEAR = 365.0;

    /** One timed replication. */
    public record Timing(String label, int zones, double demandScale, long patients, long events,
                         double wallSeconds, double cpuSeconds, ReplicationResult result) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double nanosPerEvent() {
            return wallSeconds * 1e9 / events;
        }

        public double eventsPerPatient() {
            return (double) events / patients;
        }
    }

    /** A timed run of the reference event loop. */
    public record Reference(long events, double wallSeconds, double cpuSeconds, double meanPending) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }
    }

    /** Replications run through {@link ExperimentRunner} on {@code threads} worker threads. */
    public record Parallel(int threads, int replications, double wallSeconds, List<Double> eventsPerReplication) {
    }

    /** A many-replication run and the heap it took. */
    public record Heap(int replications, int threads, double wallSeconds, long peakUsedBytes, long peakLiveBytes,
                       long maxHeapBytes, int collections) {
    }

    /** SSJ event lists by name, each a fresh instance per replication (they hold a replication's events). */
    public static final Map<String, Supplier<EventList>> EVENT_LISTS = Map.of(
            "binary-tree", BinaryTree::new,
            "splay-tree", SplayTree::new,
            "henriksen", Henriksen::new,
            "calendar", org.acuteflow.sim.CalendarEventList::new,
            "red-black-tree", RedblackTree::new,
            "doubly-linked", DoublyLinked::new);

    /**
     * CPU time of the measuring thread: on a machine shared with other work it is a steadier figure than wall
     * time, which also counts the time the thread waited for a core.
     */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Path networkDir;
    private final String configuration;
    private final long seed;
    private final double years;

    /**
     * @param years simulated years per timed replication (no warm-up period: every event counts)
     */
    public FlowBench(Path networkDir, String configuration, long seed, double years) {
        this.networkDir = networkDir;
        this.configuration = configuration;
        this.seed = seed;
        this.years = years;
    }

    public double years() {
        return years;
    }

    /**
     * The experiment the benchmark runs: one scenario of {@link #configuration} with the built-in defaults, except
     * that demand and fleet are both multiplied by {@code demandScale}. Scaling the fleet with the demand keeps
     * utilisation (and so queue lengths and events per patient) about the same, so that a scaled run measures the
     * cost of more patients rather than the cost of an overloaded fleet.
     */
    public Experiment experiment(double demandScale, int replications, int threads) {
        return experiment(demandScale, demandScale, replications, threads);
    }

    /** The benchmark's experiment with demand and fleet scaled separately. */
    private Experiment experiment(double demandScale, double fleetScale, int replications, int threads) {
        YamlTrees.Located defaults = ExperimentLoader.defaults();
        ObjectNode parameters = (ObjectNode) defaults.tree().deepCopy();
        ((ObjectNode) parameters.get("demand")).put("scale", demandScale);
        ((ObjectNode) parameters.get("ems")).put("fleet_scale", fleetScale);
        SourceMap sources = new SourceMap("acuteflow bench");
        sources.putAll(defaults.sources(), "parameters");
        ScenarioSpec scenario = new ScenarioSpec(0, configuration, "benchmark", configuration, parameters, sources,
                NetworkEdits.NONE);
        RunControl run = new RunControl(years * DAYS_PER_YEAR, 0, replications, seed, threads);
        return new Experiment("bench", "benchmark", networkDir, "", networkDir, run, Set.of(), configuration,
                List.of(scenario), null);
    }

    /** The prepared model (network loaded with the configuration, parameters bound). */
    public FlowModel model(double demandScale) {
        Experiment e = experiment(demandScale, 1, 1);
        return (FlowModel) new FlowModelFactory().prepare(e, e.scenarios().get(0));
    }

    /** The same model on a network whose zones are merged by {@code groupOf} (see {@link CoarseNetworks}). */
    public FlowModel model(FlowModel fine, Function<Zone, String> groupOf) {
        return withNetwork(fine, CoarseNetworks.merge(fine.network(), groupOf));
    }

    /**
     * The England-sized synthetic region ({@link EnglandSizedNetwork}): {@code tiles} copies of this benchmark's
     * network, each with its demand and fleet multiplied by {@code scalePerTile}. Demand volumes are for the whole
     * region, so the region's demand is {@code tiles x scalePerTile}; stations are copied with every tile, so the
     * fleet scale is the tile's own.
     */
    public FlowModel englandSized(int tiles, double scalePerTile) {
        Experiment e = experiment(tiles * scalePerTile, scalePerTile, 1, 1);
        FlowModel base = (FlowModel) new FlowModelFactory().prepare(e, e.scenarios().get(0));
        return withNetwork(base, EnglandSizedNetwork.tile(base.network(), tiles));
    }

    private FlowModel withNetwork(FlowModel like, Network network) {
        Experiment e = experiment(like.parameters().demand().scale(), 1, 1);
        ScenarioSpec s = e.scenarios().get(0);
        org.acuteflow.outcome.OutcomeModel outcome = new org.acuteflow.outcome.OutcomeModel(
                org.acuteflow.outcome.OutcomeParameters.from(s.parameters().get("outcome"), s.sources()));
        return new FlowModel(network, like.parameters(), outcome);
    }

    /**
     * Runs replication {@code replication} on this thread and times it, with a fresh instance of
     * {@code eventList}, or with the replication context's own event list (as every run uses) when null.
     */
    public Timing time(String label, FlowModel model, int replication, Supplier<EventList> eventList) {
        RunControl run = new RunControl(years * DAYS_PER_YEAR, 0, 1, seed, 1);
        ReplicationContext context = eventList == null ? new ReplicationContext(seed, replication)
                : new ReplicationContext(seed, replication, eventList.get());
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReplicationResult r = model.simulate(context, run, PatientSink.NONE);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Map<String, Double> m = r.metrics();
        long patients = Math.round((m.get(Metrics.INCIDENTS_PER_YEAR.name()) + m.get(Metrics.SELF_PRESENTERS_PER_YEAR.name())) * years);
        long events = Math.round(m.get(Metrics.EVENTS_EXECUTED.name()));
        return new Timing(label, model.network().zones().size(), model.parameters().demand().scale(), patients,
                events, wall, cpu, r);
    }

    /** {@code replications} replications of {@code model} through {@link ExperimentRunner} on {@code threads}. */
    public Parallel parallel(FlowModel model, int replications, int threads) {
        Experiment e = experiment(model.parameters().demand().scale(), replications, threads);
        long start = System.nanoTime();
        ExperimentResults results = ExperimentRunner.run(e, (experiment, spec) -> model,
                ExperimentRunner.Options.none());
        double wall = (System.nanoTime() - start) / 1e9;
        List<Double> events = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            events.add(results.get(0, r).metrics().get(Metrics.EVENTS_EXECUTED.name()));
        }
        return new Parallel(threads, replications, wall, events);
    }

    /**
     * {@code replications} replications through {@link ExperimentRunner} on {@code threads} threads (0 = one per
     * core), keeping only the streamed per-replication statistics, as a run does; returns the heap it took.
     */
    public Heap heap(FlowModel model, int replications, int threads) {
        Experiment e = experiment(model.parameters().demand().scale(), replications, threads);
        try (HeapMeter meter = HeapMeter.start()) {
            long start = System.nanoTime();
            ExperimentResults results = ExperimentRunner.run(e, (experiment, spec) -> model,
                    ExperimentRunner.Options.none());
            double wall = (System.nanoTime() - start) / 1e9;
            if (results.get(0, replications - 1) == null) {
                throw new IllegalStateException("the last replication is missing");
            }
            return new Heap(replications, e.run().effectiveThreads(), wall, meter.peakUsedBytes(),
                    meter.peakLiveBytes(), HeapMeter.maxHeapBytes(), meter.collections());
        }
    }

    /**
     * Runs replication {@code replication} untimed through a counting event list and returns the mean number of
     * events pending in the model's list.
     */
    public double meanPendingEvents(FlowModel model, int replication) {
        CountingEventList counting = new CountingEventList(ReplicationContext.newEventList());
        time("pending events", model, replication, () -> counting);
        return counting.meanPending();
    }

    /**
     * The mean delay between an incident's events that gives the reference loop {@code meanPending} pending
     * events on average: it holds the next arrival plus one event for each incident whose chain of
     * {@code eventsPerPatient - 1} follow-up events is under way, so pending = 1 + rate x (events - 1) x step.
     */
    public double referenceStepMinutes(Timing measured, double meanPending) {
        double perMinute = measured.patients() / (years * DAYS_PER_YEAR * 1440);
        double followUps = measured.eventsPerPatient() - 1;
        if (!(meanPending > 1) || !(followUps > 0) || !(perMinute > 0)) {
            return ReferenceEventLoop.DEFAULT_STEP_MINUTES;
        }
        return (meanPending - 1) / (perMinute * followUps);
    }

    /**
     * One timed run of the reference loop with the incidents and events per incident that {@code measured} had
     * and mean delay {@code stepMinutes} between an incident's events; {@code run} varies its random numbers.
     */
    public Reference reference(Timing measured, double stepMinutes, int run) {
        double horizon = years * DAYS_PER_YEAR * 1440;
        long cpuStart = CPU.getCurrentThreadCpuTime();
        ReferenceEventLoop.Result r = ReferenceEventLoop.run(measured.patients(), measured.eventsPerPatient(),
                horizon, stepMinutes, seed + run);
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Reference(r.events(), r.wallSeconds(), cpu, r.meanPending());
    }

    /**
     * Wall seconds for {@code threads} copies of the reference loop run at once, one per thread (each with the
     * volume of {@code measured}): the speed-up the machine itself allows for independent, allocation-light work,
     * to set the model's speed-up beside.
     */
    public double referenceConcurrent(Timing measured, double stepMinutes, int threads) {
        double horizon = years * DAYS_PER_YEAR * 1440;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + 100 + t;
                tasks.add(() -> ReferenceEventLoop.run(measured.patients(), measured.eventsPerPatient(), horizon,
                        stepMinutes, s).events());
            }
            long start = System.nanoTime();
            for (java.util.concurrent.Future<Long> f : pool.invokeAll(tasks)) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The median of some values (mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
