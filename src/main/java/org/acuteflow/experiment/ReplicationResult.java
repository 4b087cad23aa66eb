package org.acuteflow.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acuteflow.metrics.Metric;
import org.acuteflow.metrics.Series;

/**
 * What one replication measured: named scalar metrics (the rows of replications.csv and summary.csv) and named
 * series (hour-of-week counts, per-site and per-zone values, histograms) that reports average across
 * replications. Insertion order is kept so that outputs are written in a stable order.
 */
public final class ReplicationResult {
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, double[]> series = new LinkedHashMap<>();

    public ReplicationResult metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    /** Records a declared metric (a family's members are recorded by name). */
    public ReplicationResult metric(Metric declared, double value) {
        return metric(declared.name(), value);
    }

    /** Records a declared series. */
    public ReplicationResult series(Series declared, double[] values) {
        return series(declared.name(), values);
    }

    public ReplicationResult series(String name, double[] values) {
        series.put(name, values.clone());
        return this;
    }

    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public Map<String, double[]> series() {
        return Collections.unmodifiableMap(series);
    }
}
