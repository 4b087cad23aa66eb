package org.acuteflow.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.acuteflow.config.RunControl;

/**
 * One replication sent to a member: which build sent it, the experiment's input files by path and hash, the
 * run control, and which scenario and replication to run. The member answers with a {@link TaskOutcome}, never
 * an exception, so that whatever went wrong arrives as a message the submitter can show.
 */
public final class ReplicationTask implements Callable<TaskOutcome>, IdentifiedDataSerializable,
        HazelcastInstanceAware {
    static final int CLASS_ID = 1;

    String fingerprint;
    String experimentPath;
    String networkPath;
    String[] paths;
    String[] hashes;
    double days;
    double warmupDays;
    int replications;
    long seed;
    /** PSA coefficient sets: the member draws the same sets from the same seed. */
    int psaDraws;
    int scenario;
    String scenarioName;
    int replication;
    private transient HazelcastInstance member;

    /** For deserialization. */
    public ReplicationTask() {
    }

    ReplicationTask(String fingerprint, InputBundle bundle, RunControl run, int scenario, String scenarioName,
                    int replication) {
        this.fingerprint = fingerprint;
        this.experimentPath = bundle.experimentPath();
        this.networkPath = bundle.networkPath();
        this.paths = bundle.entries().stream().map(InputBundle.Entry::path).toArray(String[]::new);
        this.hashes = bundle.entries().stream().map(InputBundle.Entry::sha256).toArray(String[]::new);
        this.days = run.days();
        this.warmupDays = run.warmupDays();
        this.replications = run.replications();
        this.seed = run.seed();
        this.psaDraws = run.psaDraws();
        this.scenario = scenario;
        this.scenarioName = scenarioName;
        this.replication = replication;
    }

    InputBundle bundle() {
        return InputBundle.described(experimentPath, networkPath, paths, hashes);
    }

    /** The run control (threads do not travel: the member runs one replication per task). */
    RunControl run() {
        return new RunControl(days, warmupDays, replications, seed, 1, psaDraws);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.member = instance;
    }

    @Override
    public TaskOutcome call() {
        Object service = member == null ? null : member.getUserContext().get(MemberService.CONTEXT_KEY);
        if (!(service instanceof MemberService s)) {
            return TaskOutcome.failure(TaskOutcome.Kind.REFUSED, "this member does not run acuteflow replications "
                    + "(start members with 'acuteflow worker')");
        }
        return s.run(this);
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
        out.writeString(fingerprint);
        out.writeString(experimentPath);
        out.writeString(networkPath);
        out.writeStringArray(paths);
        out.writeStringArray(hashes);
        out.writeDouble(days);
        out.writeDouble(warmupDays);
        out.writeInt(replications);
        out.writeLong(seed);
        out.writeInt(psaDraws);
        out.writeInt(scenario);
        out.writeString(scenarioName);
        out.writeInt(replication);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        fingerprint = in.readString();
        experimentPath = in.readString();
        networkPath = in.readString();
        paths = in.readStringArray();
        hashes = in.readStringArray();
        days = in.readDouble();
        warmupDays = in.readDouble();
        replications = in.readInt();
        seed = in.readLong();
        psaDraws = in.readInt();
        scenario = in.readInt();
        scenarioName = in.readString();
        replication = in.readInt();
        if (paths == null || hashes == null || paths.length != hashes.length) {
            throw new IOException("malformed replication task: file paths and hashes do not pair up");
        }
    }
}
