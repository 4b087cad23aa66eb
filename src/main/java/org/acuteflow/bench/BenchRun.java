package org.acuteflow.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.model.FlowModel;
import org.acuteflow.network.Zone;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * {@code acuteflow bench} from start to finish: warm-up, the full model on one thread, the reference event loop
 * with the same volume, the speed-up on more threads, and optionally the SSJ event lists, the cost scaling table
 * and a many-replication heap check. Prints as it goes, so a long run shows progress.
 */
public final class BenchRun {
    /** Targets of the benchmark (docs/performance.md). */
    public static final double TARGET_RATIO = 0.50;
    public static final double TARGET_SECONDS_PER_YEAR = 3.0;
    public static final double TARGET_HEAP_MIB = 512;
    public static final double TARGET_SPEEDUP = 1.8;
    public static final double TARGET_ENGLAND_SECONDS_PER_YEAR = 15.0;
    public static final double TARGET_ENGLAND_HEAP_MIB = 2048;
    public static final double TARGET_ENGLAND_COST_RATIO = 1.5;

    /**
     * What to run.
     *
     * @param years               simulated years per timed replication
     * @param replications        timed single-thread model years, each followed by a reference-loop run (medians
     *                            and the median ratio of the pairs are reported)
     * @param threadReplications  replications run with 1 thread and then with {@code threads} threads
     * @param threads             threads for the speed-up (2 on a 2-core machine)
     * @param speedupRounds       rounds of (1 thread, then {@code threads}) runs; the median speed-up is reported
     * @param heapReplications    replications of the heap check (0: skip it)
     * @param scaling             print the cost table (demand 0.25x, 1x, 4x; boroughs, MSOAs, LSOAs)
     * @param scalingRuns         runs per row of that table (the median is reported)
     * @param eventLists          compare SSJ's event lists
     * @param warmups             untimed replications first, for the JIT compiler
     * @param england             measure the England-sized synthetic region too ({@link EnglandSizedNetwork})
     */
    public record Settings(Path networkDir, String configuration, long seed, double years, int warmups,
                           int replications,
                           int threadReplications, int threads, int speedupRounds, int heapReplications, boolean scaling,
                           int scalingRuns, boolean eventLists, boolean england) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final FlowBench bench;

    public BenchRun(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.bench = new FlowBench(settings.networkDir(), settings.configuration(), settings.seed(), settings.years());
    }

    public void run() {
        Settings s = settings;
        line("acuteflow bench: network %s, configuration %s, built-in default parameters, %s simulated year(s) per "
                        + "replication (no warm-up period), seed %d", s.networkDir(), s.configuration(), num(s.years()),
                s.seed());
        line("JVM %s %s, %d cores, max heap %s, GC %s; load average %s", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                mib(HeapMeter.maxHeapBytes()), collectors(), loadAverage());

        long t0 = System.nanoTime();
        FlowModel model = bench.model(1.0);
        line("model prepared in %.1f s: %d zones, %d sites, %d stations, %d ambulances", (System.nanoTime() - t0) / 1e9,
                model.network().zones().size(), model.network().sites().size(), model.network().stations().size(),
                model.network().totalVehicles());
        StringBuilder warm = new StringBuilder();
        FlowBench.Timing warmed = null;
        for (int w = 0; w < s.warmups(); w++) {
            // Replication indices past the timed ones, so the warm-up does not preview the timed work.
            warmed = bench.time("warm-up", model, 1000 + w, null);
            warm.append(String.format(Locale.ROOT, " %.2f", warmed.wallSeconds()));
        }
        line("warm-up (JIT): %d replication(s), wall s%s", s.warmups(), warm);
        double pending = bench.meanPendingEvents(model, 0);
        // The reference loop is given the volume of a model year; any year will do, the counts vary by < 0.5%.
        FlowBench.Timing volume = warmed != null ? warmed : bench.time("volume", model, 999, null);
        double step = bench.referenceStepMinutes(volume, pending);
        bench.reference(volume, step, 0); // untimed: compiles the reference loop before its first timed run

        // (b) the full model and (a) the reference loop, one thread, in alternation: on a shared machine the
        // speed of both drifts over a minute by a third, and pairing each model year with a reference run taken
        // just after it keeps that drift out of their ratio.
        List<FlowBench.Timing> runs = new ArrayList<>();
        List<FlowBench.Reference> refs = new ArrayList<>();
        double[] ratios = new double[s.replications()];
        HeapMeter.Reading heap;
        try (HeapMeter meter = HeapMeter.start()) {
            for (int r = 1; r <= s.replications(); r++) {
                FlowBench.Timing t = bench.time("full model", model, r, null);
                FlowBench.Reference ref = bench.reference(t, step, r);
                runs.add(t);
                refs.add(ref);
                ratios[r - 1] = t.eventsPerSecond() / ref.eventsPerSecond();
            }
            heap = meter.reading();
        }
        FlowBench.Timing median = medianOf(runs);
        FlowBench.Reference refMedian = medianBy(refs, FlowBench.Reference::wallSeconds);
        double ratio = FlowBench.median(ratios);
        double secondsPerYear = median.wallSeconds() / s.years();
        line("");
        line("(b) full model, 1 thread, %d replication(s): wall s %s -> median %.3f s (CPU %.3f s) = %.2f s per "
                        + "simulated year", runs.size(), walls(runs), median.wallSeconds(), median.cpuSeconds(),
                secondsPerYear);
        line("    %,d patients (%,d ambulance incidents), %,d events (%.2f per patient): %.2f M events/s",
                median.patients(), Math.round(median.result().metrics().get(Metrics.INCIDENTS_PER_YEAR.name()) * s.years()),
                median.events(), median.eventsPerPatient(), median.eventsPerSecond() / 1e6);
        line("    heap over these replications: peak live after GC %s, peak used %s (garbage included)",
                mib(heap.peakLiveBytes()), mib(heap.peakUsedBytes()));
        StringBuilder refWalls = new StringBuilder();
        for (FlowBench.Reference ref : refs) {
            refWalls.append(String.format(Locale.ROOT, " %.3f", ref.wallSeconds()));
        }
        line("(a) reference loop (java.util.PriorityQueue, no model work), same patients and events per patient, "
                + "each run just after a model year: wall s%s -> median %.3f s (CPU %.3f s), %,d events, %.2f M "
                + "events/s", refWalls, refMedian.wallSeconds(), refMedian.cpuSeconds(), refMedian.events(),
                refMedian.eventsPerSecond() / 1e6);
        line("    mean pending events: model %.0f, reference loop %.0f (mean step between an incident's events "
                + "%.1f min, set to match)", pending, refMedian.meanPending(), step);
        line("");
        StringBuilder pairs = new StringBuilder();
        for (double x : ratios) {
            pairs.append(String.format(Locale.ROOT, " %.0f%%", 100 * x));
        }
        line("full model / reference loop, events per second, median of the %d pairs: %.0f%% (pairs:%s; by CPU time "
                        + "of the medians %.0f%%)   [target >= %.0f%%: %s]", ratios.length, 100 * ratio, pairs,
                100 * refMedian.cpuSeconds() / median.cpuSeconds() * median.events() / refMedian.events(),
                100 * TARGET_RATIO, met(ratio >= TARGET_RATIO));
        line("wall seconds per simulated year, 1 thread:  %.2f s   [target <= %.1f s: %s]", secondsPerYear,
                TARGET_SECONDS_PER_YEAR, met(secondsPerYear <= TARGET_SECONDS_PER_YEAR));

        // Speed-up on threads.
        if (s.threadReplications() > 0 && s.threads() > 1) {
            // On a shared machine one pair of runs can be off by a third either way: alternate the two thread
            // counts over several rounds and report the median of the rounds' speed-ups.
            double[] speedups = new double[s.speedupRounds()];
            StringBuilder perRound = new StringBuilder();
            boolean identical = true;
            for (int round = 0; round < s.speedupRounds(); round++) {
                FlowBench.Parallel one = bench.parallel(model, s.threadReplications(), 1);
                FlowBench.Parallel many = bench.parallel(model, s.threadReplications(), s.threads());
                speedups[round] = one.wallSeconds() / many.wallSeconds();
                identical &= one.eventsPerReplication().equals(many.eventsPerReplication());
                perRound.append(String.format(Locale.ROOT, "%s%.2f s / %.2f s = %.2fx", round == 0 ? "" : "; ",
                        one.wallSeconds(), many.wallSeconds(), one.wallSeconds() / many.wallSeconds()));
            }
            double speedup = FlowBench.median(speedups);
            line("speed-up, %d replications, 1 thread vs %d threads, median of %d round(s): %.2fx   [target >= %.1fx: "
                            + "%s]; results identical: %s", s.threadReplications(), s.threads(), speedups.length,
                    speedup, TARGET_SPEEDUP, met(speedup >= TARGET_SPEEDUP), identical ? "yes" : "NO");
            line("    rounds (1 thread / %d threads): %s", s.threads(), perRound);
            double refOne = bench.referenceConcurrent(median, step, 1);
            double refMany = bench.referenceConcurrent(median, step, s.threads());
            line("    the machine's own: %d reference loops at once take %.2fx the wall time of one (speed-up %.2fx "
                    + "for the same work)", s.threads(), refMany / refOne, s.threads() * refOne / refMany);
        }

        if (s.eventLists()) {
            eventLists(model);
        }
        if (s.scaling()) {
            scaling(model);
        }
        if (s.england()) {
            england(model);
        }
        if (s.heapReplications() > 0) {
            FlowBench.Heap h = bench.heap(model, s.heapReplications(), 0);
            double liveMib = h.peakLiveBytes() / 1048576.0;
            line("");
            line("heap, %d replications on %d threads (%.1f s, %d collections, statistics streamed): peak live after "
                            + "GC %s, peak used %s, max heap (-Xmx) %s   [target <= %.0f MiB: %s]", h.replications(),
                    h.threads(), h.wallSeconds(), h.collections(), mib(h.peakLiveBytes()), mib(h.peakUsedBytes()),
                    mib(h.maxHeapBytes()), TARGET_HEAP_MIB, met(liveMib <= TARGET_HEAP_MIB
                            && (h.peakUsedBytes() / 1048576.0 <= TARGET_HEAP_MIB
                            || h.maxHeapBytes() / 1048576.0 <= TARGET_HEAP_MIB)));
            line("    (met: peak live within the target and the run fitted in it: -Xmx or peak used <= %.0f MiB)",
                    TARGET_HEAP_MIB);
        }
        line("");
        line("load average at the end: %s (above ~1 on 2 cores means something else was running)", loadAverage());
        out.flush();
    }

    private void eventLists(FlowModel model) {
        line("");
        line("Event lists (SSJ's and the calendar queue), full model, 1 thread, median of %d:", settings.replications());
        line("  %-16s %10s %10s %12s  %s", "event list", "wall s", "CPU s", "M events/s",
                "same results as binary-tree");
        Map<String, Supplier<EventList>> lists = new TreeMap<>(FlowBench.EVENT_LISTS);
        Map<String, Double> reference = bench.time("binary-tree", model, 1, FlowBench.EVENT_LISTS.get("binary-tree"))
                .result().metrics();
        for (Map.Entry<String, Supplier<EventList>> e : lists.entrySet()) {
            if (e.getKey().equals("doubly-linked") && settings.years() > 0.1) {
                // Linear insertion into hundreds of pending events: orders of magnitude slower, not worth a year.
                line("  %-16s %10s %10s %12s  %s", e.getKey(), "skipped", "", "", "(O(n) insertion)");
                continue;
            }
            List<FlowBench.Timing> runs = new ArrayList<>();
            for (int r = 1; r <= settings.replications(); r++) {
                runs.add(bench.time(e.getKey(), model, r, e.getValue()));
            }
            FlowBench.Timing m = medianOf(runs);
            Map<String, Double> metrics = runs.get(0).result().metrics();
            line("  %-16s %10.3f %10.3f %12.2f  %s", e.getKey(), m.wallSeconds(), m.cpuSeconds(),
                    m.eventsPerSecond() / 1e6,
                    metrics.equals(reference) ? "yes" : "NO");
        }
    }

    /**
     * The England-sized region: model years on it alternate with years on the 33-borough network (same demand per
     * zone, merged), so the per-event cost ratio is taken on the same machine minute; the heap is read over the
     * England years alone.
     */
    private void england(FlowModel london) {
        line("");
        long t0 = System.nanoTime();
        FlowModel england = bench.englandSized(EnglandSizedNetwork.TILES, EnglandSizedNetwork.DEMAND_SCALE_PER_TILE);
        FlowModel boroughs = bench.model(london, CoarseNetworks.AREA);
        line("England-sized synthetic region (London tiled %d times; not a model of England), prepared in %.1f s: "
                        + "%,d zones, %d sites (%d type-1 A&E), %d stations, %,d ambulances, demand and fleet of each tile x%s",
                EnglandSizedNetwork.TILES, (System.nanoTime() - t0) / 1e9, england.network().zones().size(),
                england.network().sites().size(), EnglandSizedNetwork.typeOneAeSites(england.network()),
                england.network().stations().size(), england.network().totalVehicles(),
                num(EnglandSizedNetwork.DEMAND_SCALE_PER_TILE));
        bench.time("England-sized warm-up", england, 1000, null);
        bench.time("boroughs warm-up", boroughs, 1000, null);
        List<FlowBench.Timing> englandRuns = new ArrayList<>();
        List<FlowBench.Timing> boroughRuns = new ArrayList<>();
        double[] costRatios = new double[settings.replications()];
        HeapMeter.Reading heap = null;
        for (int r = 1; r <= settings.replications(); r++) {
            try (HeapMeter meter = HeapMeter.start()) {
                englandRuns.add(bench.time("England-sized", england, r, null));
                HeapMeter.Reading reading = meter.reading();
                heap = heap == null || reading.peakLiveBytes() > heap.peakLiveBytes() ? reading : heap;
            }
            boroughRuns.add(bench.time("33 boroughs", boroughs, r, null));
            costRatios[r - 1] = englandRuns.get(r - 1).nanosPerEvent() / boroughRuns.get(r - 1).nanosPerEvent();
        }
        FlowBench.Timing e = medianOf(englandRuns);
        FlowBench.Timing b = medianOf(boroughRuns);
        double perYear = e.wallSeconds() / settings.years();
        double costRatio = FlowBench.median(costRatios);
        line("England-sized: %.2f s per simulated year, 1 thread (median of %d; wall s %s, CPU %.2f s)   [target <= "
                        + "%.0f s: %s]", perYear, englandRuns.size(), walls(englandRuns), e.cpuSeconds() / settings.years(),
                TARGET_ENGLAND_SECONDS_PER_YEAR, met(perYear <= TARGET_ENGLAND_SECONDS_PER_YEAR));
        line("    %,d patients (%,d ambulance incidents a year), %,d events, %.0f ns/event", e.patients(),
                Math.round(e.result().metrics().get(Metrics.INCIDENTS_PER_YEAR.name())), e.events(), e.nanosPerEvent());
        line("    peak live heap after GC over these years: %s   [target <= %.0f MiB: %s]", mib(heap.peakLiveBytes()),
                TARGET_ENGLAND_HEAP_MIB, met(heap.peakLiveBytes() / 1048576.0 <= TARGET_ENGLAND_HEAP_MIB));
        line("cost per event, England-sized / 33 boroughs (%.0f ns/event, %,d zones), median of the %d pairs: %.2fx   "
                        + "[target <= %.1fx: %s]", b.nanosPerEvent(), b.zones(), costRatios.length, costRatio,
                TARGET_ENGLAND_COST_RATIO, met(costRatio <= TARGET_ENGLAND_COST_RATIO));
    }

    private void scaling(FlowModel model) {
        line("");
        line("cost vs demand and network size, 1 thread, %s simulated year(s), median of %d run(s) taken round-robin; "
                + "demand and fleet scaled together:", num(settings.years()), settings.scalingRuns());
        line("  %-22s %7s %7s %12s %12s %9s %9s %10s %9s %10s", "run", "zones", "demand", "patients", "events",
                "wall s", "CPU s", "M ev/s", "ns/event", "wall/1x");
        List<String> labels = new ArrayList<>();
        List<FlowModel> models = new ArrayList<>();
        for (double scale : new double[] {0.25, 1.0, 4.0}) {
            labels.add("demand " + num(scale) + "x (LSOAs)");
            models.add(scale == 1.0 ? model : bench.model(scale));
        }
        // Every network-size row goes through the merged travel times (identity merge for LSOAs), so the rows
        // differ only in the number of zones.
        List<Object[]> levels = List.of(new Object[] {"33 boroughs", CoarseNetworks.AREA},
                new Object[] {"983 MSOAs", CoarseNetworks.MSOA},
                new Object[] {"4,835 LSOAs", (Function<Zone, String>) Zone::id});
        for (Object[] level : levels) {
            @SuppressWarnings("unchecked")
            Function<Zone, String> groupOf = (Function<Zone, String>) level[1];
            labels.add("network: " + level[0]);
            models.add(bench.model(model, groupOf));
        }
        // Round-robin over the rows, one run of each per round: a machine that slows down for a minute then
        // slows every row a little instead of one row a lot.
        List<List<FlowBench.Timing>> runs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            runs.add(new ArrayList<>());
        }
        for (int r = 1; r <= settings.scalingRuns(); r++) {
            for (int i = 0; i < models.size(); i++) {
                runs.get(i).add(bench.time(labels.get(i), models.get(i), r, null));
            }
        }
        List<FlowBench.Timing> rows = new ArrayList<>();
        for (List<FlowBench.Timing> row : runs) {
            rows.add(medianOf(row));
        }
        double base = rows.get(1).wallSeconds();
        for (FlowBench.Timing t : rows) {
            line("  %-22s %7d %7s %,12d %,12d %9.3f %9.3f %10.2f %9.0f %10.2f", t.label(), t.zones(),
                    num(t.demandScale()), t.patients(), t.events(), t.wallSeconds(), t.cpuSeconds(),
                    t.eventsPerSecond() / 1e6, t.nanosPerEvent(),
                    t.wallSeconds() / base);
        }
    }

    /** The run with the median wall time (the lower middle one for an even count). */
    static FlowBench.Timing medianOf(List<FlowBench.Timing> runs) {
        return medianBy(runs, FlowBench.Timing::wallSeconds);
    }

    /** The run with the median of {@code key} (the lower middle one for an even count). */
    private static <T> T medianBy(List<T> runs, java.util.function.ToDoubleFunction<T> key) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(key));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String walls(List<FlowBench.Timing> runs) {
        StringBuilder b = new StringBuilder();
        for (FlowBench.Timing t : runs) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", t.wallSeconds()));
        }
        return b.toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static String collectors() {
        List<String> names = new ArrayList<>();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(g -> names.add(g.getName()));
        return String.join(" + ", names);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
