package org.acuteflow.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.experiment.ExperimentRunner;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;

/**
 * What a member does with a {@link ReplicationTask}: checks that the submitter runs the same build, writes the
 * task's input files into this member's cache folder (once per set of files), loads the experiment and
 * prepares each scenario once, then runs the replication exactly as a local run does
 * ({@link ExperimentRunner#runOne}). Thread-safe: the member's executor threads share it.
 */
public final class MemberService {
    static final String CONTEXT_KEY = "acuteflow.member";
    /** Prepared experiments kept; a member rarely serves more than one or two runs at a time. */
    private static final int JOBS_KEPT = 4;

    private final String build;
    private final Path cacheDir;
    private final Function<Path, Experiment> loader;
    private final ModelFactory factory;
    private volatile Function<String, byte[]> inputs = hash -> null;
    private final Map<String, Job> jobs = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > JOBS_KEPT;
        }
    };

    /**
     * @param build     this process's build fingerprint ({@link BuildFingerprint#current()})
     * @param cacheDir  where input files are written, one folder per set of files
     * @param loader    reads an experiment file as {@code run} does (sweeps expanded)
     * @param factory   prepares scenarios
     */
    public MemberService(String build, Path cacheDir, Function<Path, Experiment> loader, ModelFactory factory) {
        this.build = build;
        this.cacheDir = cacheDir;
        this.loader = loader;
        this.factory = factory;
    }

    /** Where input files' bytes come from: the cluster's input map, by SHA-256. */
    void attach(Function<String, byte[]> inputs) {
        this.inputs = inputs;
    }

    String build() {
        return build;
    }

    TaskOutcome run(ReplicationTask task) {
        if (!build.equals(task.fingerprint)) {
            return TaskOutcome.failure(TaskOutcome.Kind.REFUSED, "this member runs acuteflow " + build
                    + " but the run was submitted by acuteflow " + task.fingerprint
                    + ": refused; run the same build on every member and on the submitting machine");
        }
        try {
            Job job = job(task);
            ScenarioModel model = job.model(task.scenario, task.scenarioName);
            RunControl run = task.run();
            ScenarioSpec spec = job.experiment.scenarios().get(task.scenario);
            ReplicationResult result = ExperimentRunner.runOne(model, spec, run, task.replication, null);
            return TaskOutcome.done(result);
        } catch (InputBundle.RefusedException e) {
            return TaskOutcome.failure(TaskOutcome.Kind.REFUSED, e.getMessage());
        } catch (InputBundle.MissingInputException e) {
            return TaskOutcome.failure(TaskOutcome.Kind.MISSING_INPUT, e.getMessage());
        } catch (InputException e) {
            return TaskOutcome.failure(TaskOutcome.Kind.BAD_INPUT,
                    e.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        } catch (RuntimeException | IOException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return TaskOutcome.failure(TaskOutcome.Kind.FAILED, trace.toString());
        }
    }

    private Job job(ReplicationTask task) throws IOException {
        InputBundle bundle = task.bundle();
        RunControl run = task.run();
        String key = bundle.id() + "|" + run;
        Job job;
        synchronized (jobs) {
            job = jobs.computeIfAbsent(key, k -> new Job());
        }
        job.load(bundle, run);
        return job;
    }

    /** One experiment (a set of input files and a run control) on this member, its scenarios prepared on demand. */
    private final class Job {
        private Experiment experiment;
        private final Map<Integer, ScenarioModel> models = new java.util.HashMap<>();

        synchronized void load(InputBundle bundle, RunControl run) throws IOException {
            if (experiment != null) {
                return;
            }
            Path file = bundle.materialize(cacheDir, inputs);
            experiment = loader.apply(file).withRun(run);
        }

        synchronized ScenarioModel model(int scenario, String name) {
            if (scenario < 0 || scenario >= experiment.scenarios().size()
                    || !experiment.scenarios().get(scenario).name().equals(name)) {
                throw new InputBundle.RefusedException("scenario " + scenario + " '" + name
                        + "' is not in the experiment as this member reads it: refused (the inputs differ)");
            }
            ScenarioModel m = models.get(scenario);
            if (m == null) {
                m = factory.prepare(experiment, experiment.scenarios().get(scenario));
                models.put(scenario, m);
            }
            return m;
        }
    }
}
