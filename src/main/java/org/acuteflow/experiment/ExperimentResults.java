package org.acuteflow.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.acuteflow.config.Experiment;

/**
 * Every replication's result of every scenario, indexed [scenario][replication]. Immutable once the run ends.
 */
public final class ExperimentResults {
    private final Experiment experiment;
    private final ReplicationResult[][] results;
    private final List<ScenarioModel> models;

    public ExperimentResults(Experiment experiment, ReplicationResult[][] results, List<ScenarioModel> models) {
        this.experiment = experiment;
        this.results = results;
        this.models = List.copyOf(models);
    }

    /** The prepared model of a scenario (its network, for maps and per-site tables). */
    public ScenarioModel model(int scenario) {
        return models.get(scenario);
    }

    public Experiment experiment() {
        return experiment;
    }

    public int scenarios() {
        return results.length;
    }

    public int replications() {
        return results.length == 0 ? 0 : results[0].length;
    }

    public ReplicationResult get(int scenario, int replication) {
        return results[scenario][replication];
    }

    /** Metric names in first-seen order over all scenarios and replications. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ReplicationResult[] row : results) {
            for (ReplicationResult r : row) {
                names.addAll(r.metrics().keySet());
            }
        }
        return new ArrayList<>(names);
    }

    /** Series names in first-seen order. */
    public List<String> seriesNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ReplicationResult[] row : results) {
            for (ReplicationResult r : row) {
                names.addAll(r.series().keySet());
            }
        }
        return new ArrayList<>(names);
    }

    /** One metric over the replications of one scenario; NaN where a replication did not report it. */
    public double[] values(int scenario, String metric) {
        double[] v = new double[replications()];
        for (int r = 0; r < v.length; r++) {
            Double x = results[scenario][r].metrics().get(metric);
            v[r] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** Element-wise mean of a series over replications, or null if no replication reported it. */
    public double[] seriesMean(int scenario, String name) {
        double[] sum = null;
        int n = 0;
        for (ReplicationResult r : results[scenario]) {
            double[] s = r.series().get(name);
            if (s == null) {
                continue;
            }
            if (sum == null) {
                sum = new double[s.length];
            }
            for (int i = 0; i < Math.min(s.length, sum.length); i++) {
                sum[i] += s[i];
            }
            n++;
        }
        if (sum == null) {
            return null;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        return sum;
    }
}
