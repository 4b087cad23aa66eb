package org.acuteflow.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;
import org.acuteflow.experiment.ReplicationResult;

/**
 * A member's answer to a {@link ReplicationTask}: the replication's result, or why there is none. Metrics and
 * series keep their order and doubles travel as their exact bits, so the submitter rebuilds the very result a
 * local run would have produced.
 */
public final class TaskOutcome implements IdentifiedDataSerializable {
    static final int CLASS_ID = 2;

    /** What happened. */
    enum Kind {
        /** The replication ran; the result is here. */
        DONE,
        /** The member will not run it: another build, or inputs that do not match their hashes. */
        REFUSED,
        /** An input file's bytes are not in the cluster (lost with members): put them back and retry. */
        MISSING_INPUT,
        /** The experiment or network is bad (the submitter checks first, so this is rare). */
        BAD_INPUT,
        /** The simulation failed: a bug to report, with the member's stack trace. */
        FAILED
    }

    private Kind kind;
    private String message;
    private String[] metricNames;
    private double[] metricValues;
    private String[] seriesNames;
    private double[][] seriesValues;

    /** For deserialization. */
    public TaskOutcome() {
    }

    static TaskOutcome done(ReplicationResult result) {
        TaskOutcome o = new TaskOutcome();
        o.kind = Kind.DONE;
        o.message = "";
        Map<String, Double> metrics = result.metrics();
        o.metricNames = metrics.keySet().toArray(String[]::new);
        o.metricValues = new double[o.metricNames.length];
        for (int i = 0; i < o.metricNames.length; i++) {
            o.metricValues[i] = metrics.get(o.metricNames[i]);
        }
        Map<String, double[]> series = result.series();
        o.seriesNames = series.keySet().toArray(String[]::new);
        o.seriesValues = new double[o.seriesNames.length][];
        for (int i = 0; i < o.seriesNames.length; i++) {
            o.seriesValues[i] = series.get(o.seriesNames[i]);
        }
        return o;
    }

    static TaskOutcome failure(Kind kind, String message) {
        TaskOutcome o = new TaskOutcome();
        o.kind = kind;
        o.message = message;
        o.metricNames = new String[0];
        o.metricValues = new double[0];
        o.seriesNames = new String[0];
        o.seriesValues = new double[0][];
        return o;
    }

    Kind kind() {
        return kind;
    }

    String message() {
        return message;
    }

    ReplicationResult result() {
        ReplicationResult r = new ReplicationResult();
        for (int i = 0; i < metricNames.length; i++) {
            r.metric(metricNames[i], metricValues[i]);
        }
        for (int i = 0; i < seriesNames.length; i++) {
            r.series(seriesNames[i], seriesValues[i]);
        }
        return r;
    }

    @Override
    public int getFactoryId() {
        return ClusterSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(kind.ordinal());
        out.writeString(message);
        out.writeStringArray(metricNames);
        out.writeDoubleArray(metricValues);
        out.writeStringArray(seriesNames);
        out.writeInt(seriesValues.length);
        for (double[] v : seriesValues) {
            out.writeDoubleArray(v);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int k = in.readInt();
        if (k < 0 || k >= Kind.values().length) {
            throw new IOException("malformed replication outcome: kind " + k);
        }
        kind = Kind.values()[k];
        message = in.readString();
        metricNames = in.readStringArray();
        metricValues = in.readDoubleArray();
        seriesNames = in.readStringArray();
        int n = in.readInt();
        if (metricNames.length != metricValues.length || n != seriesNames.length) {
            throw new IOException("malformed replication outcome: names and values do not pair up");
        }
        seriesValues = new double[n][];
        for (int i = 0; i < n; i++) {
            seriesValues[i] = in.readDoubleArray();
        }
    }
}
