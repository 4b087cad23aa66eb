package org.acuteflow.experiment;

import java.util.List;
import org.acuteflow.config.Experiment;

/**
 * Where replications run when not on this process's own threads (the members of a cluster). The runner decides
 * which replications are still to do, stores each result as it arrives and writes outputs in replication order,
 * so an executor only has to run every task once to completion: in any order, anywhere, any number of times
 * (a replication is a pure function of scenario, index and seed, so a repeated run gives the same result).
 */
public interface ReplicationExecutor {

    /** Replication {@code replication} of scenario {@code scenario} (indexes into the experiment). */
    record Task(int scenario, int replication) {
    }

    /** Receives each finished replication; called from one thread at a time. */
    @FunctionalInterface
    interface Completion {
        void done(Task task, ReplicationResult result);
    }

    /**
     * Runs every task of {@code experiment} (its scenarios as expanded and with its run control) and hands each
     * result to {@code completion} exactly once. Returns when all are done; throws when one cannot be done.
     */
    void execute(Experiment experiment, List<Task> tasks, Completion completion);
}
