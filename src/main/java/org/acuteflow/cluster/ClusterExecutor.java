package org.acuteflow.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.config.RunControl;
import org.acuteflow.experiment.ReplicationExecutor;

/**
 * Runs replications on the members of a cluster, from a Hazelcast client (the submitting process opens no port).
 * Each member gets as many replications at a time as it has threads, plus one waiting while many remain. A replication is re-run elsewhere when its
 * member leaves or the call to it fails (a killed member loses nothing but time); a member's refusal (another
 * build, inputs that do not match) or a failed simulation stops the run with the member's message. Results are
 * handed to the runner as they arrive; it keeps them by index, so the order of arrival changes nothing.
 */
public final class ClusterExecutor implements ReplicationExecutor, AutoCloseable {
    /** Transport failures tolerated for one replication before the run gives up on it. */
    private static final int MAX_ATTEMPTS = 5;

    private final HazelcastInstance client;
    private final ClusterSettings cluster;
    private final String build;
    private final PrintWriter log;
    private final long memberWaitMillis;

    private ClusterExecutor(HazelcastInstance client, ClusterSettings cluster, String build, PrintWriter log,
                            long memberWaitMillis) {
        this.client = client;
        this.cluster = cluster;
        this.build = build;
        this.log = log;
        this.memberWaitMillis = memberWaitMillis;
    }

    /**
     * Connects to the cluster.
     *
     * @param memberWaitMillis how long to wait for a member to (re)appear when none is left before giving up
     * @throws InputException when no member can be reached
     */
    public static ClusterExecutor connect(ClusterSettings cluster, PrintWriter log, long memberWaitMillis) {
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(HazelcastSetup.client(cluster, memberWaitMillis));
        } catch (RuntimeException e) {
            throw InputException.of("cluster " + cluster.name(), 0, "--members", "cannot reach any member of cluster '"
                    + cluster.name() + "' at " + cluster.members() + " within " + memberWaitMillis / 1000
                    + " s; start members with 'acuteflow worker --cluster " + cluster.name()
                    + " --port PORT --members ...' and check the cluster name and addresses");
        }
        return new ClusterExecutor(client, cluster, BuildFingerprint.current(), log, memberWaitMillis);
    }

    /** What happened to a replication sent to a member, or that the member list changed. */
    private sealed interface Event permits Answered, CallFailed, MembersChanged {
    }

    private record Answered(Task task, UUID member, TaskOutcome outcome) implements Event {
    }

    private record CallFailed(Task task, UUID member, Throwable error) implements Event {
    }

    private record MembersChanged() implements Event {
    }

    @Override
    public void execute(Experiment experiment, List<Task> tasks, Completion completion) {
        if (tasks.isEmpty()) {
            return;
        }
        InputBundle bundle = InputBundle.of(experiment);
        IMap<String, byte[]> inputs = client.getMap(HazelcastSetup.INPUTS);
        upload(bundle, inputs);
        IExecutorService executor = client.getExecutorService(HazelcastSetup.EXECUTOR);
        RunControl run = experiment.run();

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        UUID listener = client.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                events.add(new MembersChanged());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                events.add(new MembersChanged());
            }
        });
        Deque<Task> pending = new ArrayDeque<>(tasks);
        Set<Task> finished = new HashSet<>();
        Map<Task, Integer> attempts = new HashMap<>();
        Map<UUID, Set<Task>> running = new HashMap<>();
        Map<UUID, String> addresses = new HashMap<>();
        long noMemberSince = -1;
        boolean announced = false;
        try {
            while (finished.size() < tasks.size()) {
                List<Member> members = compatibleMembers();
                Set<UUID> present = new HashSet<>();
                members.forEach(m -> present.add(m.getUuid()));
                // Replications on members that are gone go back to the queue, first in line.
                for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (!present.contains(e.getKey())) {
                        List<Task> lost = e.getValue().stream().filter(t -> !finished.contains(t))
                                .sorted(java.util.Comparator.comparingInt(Task::replication)
                                        .thenComparingInt(Task::scenario)).toList();
                        if (!lost.isEmpty()) {
                            say(log, "acuteflow: member " + addresses.get(e.getKey()) + " left; its "
                                    + lost.size() + " unfinished replication(s) will run again on other members");
                        }
                        for (int i = lost.size() - 1; i >= 0; i--) {
                            pending.addFirst(lost.get(i));
                        }
                        it.remove();
                    }
                }
                if (members.isEmpty()) {
                    long now = System.nanoTime();
                    if (noMemberSince < 0) {
                        noMemberSince = now;
                        say(log, "acuteflow: no member of cluster '" + cluster.name()
                                + "' is available; waiting for one");
                    } else if (now - noMemberSince > TimeUnit.MILLISECONDS.toNanos(memberWaitMillis)
                            || !client.getLifecycleService().isRunning()) {
                        throw InputException.of("cluster " + cluster.name(), 0, null, "no member left to run "
                                + "replications (" + finished.size() + " of " + tasks.size()
                                + " finished and kept); start members, then finish the run with 'acuteflow run "
                                + "--resume' on its .partial folder");
                    }
                } else {
                    noMemberSince = -1;
                    if (!announced) {
                        announced = true;
                        say(log, "acuteflow: running " + tasks.size() + " replications of " + experiment.name()
                                + " on cluster '" + cluster.name() + "': " + members.size() + " member(s), "
                                + members.stream().mapToInt(HazelcastSetup::threads).sum() + " thread(s)");
                    }
                }
                // While there is plenty left, each member also holds one replication in its queue, so that it
                // never waits for a round trip between two; near the end it does not, so that no member sits on
                // a queued replication while another is idle.
                int threads = members.stream().mapToInt(HazelcastSetup::threads).sum();
                int queued = pending.size() > 2 * threads ? 1 : 0;
                for (Member m : members) {
                    addresses.put(m.getUuid(), HazelcastSetup.address(m));
                    Set<Task> onIt = running.computeIfAbsent(m.getUuid(), k -> new LinkedHashSet<>());
                    while (onIt.size() < HazelcastSetup.threads(m) + queued && !pending.isEmpty()) {
                        Task t = pending.pollFirst();
                        if (finished.contains(t) || onIt.contains(t)) {
                            continue;
                        }
                        onIt.add(t);
                        submit(executor, new ReplicationTask(build, bundle, run, t.scenario(),
                                experiment.scenarios().get(t.scenario()).name(), t.replication()), t, m, events);
                    }
                }
                Event event = events.poll(250, TimeUnit.MILLISECONDS);
                if (event instanceof Answered a) {
                    Set<Task> onIt = running.get(a.member());
                    if (onIt != null) {
                        onIt.remove(a.task());
                    }
                    handle(a, bundle, inputs, pending, finished, attempts, addresses, completion);
                } else if (event instanceof CallFailed f) {
                    Set<Task> onIt = running.get(f.member());
                    // A call that failed after its member was already counted as gone was requeued then.
                    if (onIt != null && onIt.remove(f.task()) && !finished.contains(f.task())) {
                        String why = "the call to member " + addresses.get(f.member()) + " failed: " + f.error();
                        say(log, "acuteflow: replication " + f.task().replication() + " of scenario '"
                                + experiment.scenarios().get(f.task().scenario()).name() + "' was lost ("
                                + why + "); it will run again");
                        retry(f.task(), attempts, pending, why);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (client.getLifecycleService().isRunning()) {
                client.getCluster().removeMembershipListener(listener);
            }
        }
    }

    private void handle(Answered a, InputBundle bundle, IMap<String, byte[]> inputs, Deque<Task> pending,
                        Set<Task> finished, Map<Task, Integer> attempts, Map<UUID, String> addresses,
                        Completion completion) {
        Task t = a.task();
        String where = "member " + addresses.get(a.member());
        switch (a.outcome().kind()) {
            case DONE -> {
                // A replication run twice (its first member seemed gone) gives the same result: keep the first.
                if (finished.add(t)) {
                    completion.done(t, a.outcome().result());
                }
            }
            case MISSING_INPUT -> {
                upload(bundle, inputs);
                retry(t, attempts, pending, where + ": " + a.outcome().message());
            }
            case REFUSED -> throw InputException.of("cluster " + cluster.name(), 0, null, where + ": "
                    + a.outcome().message());
            case BAD_INPUT -> throw InputException.of("cluster " + cluster.name(), 0, null, where
                    + " found a problem in the experiment's inputs: " + a.outcome().message());
            case FAILED -> throw new IllegalStateException("replication " + t.replication() + " of scenario "
                    + t.scenario() + " failed on " + where + ":\n" + a.outcome().message());
            default -> throw new IllegalStateException("unknown outcome " + a.outcome().kind());
        }
    }

    private void retry(Task t, Map<Task, Integer> attempts, Deque<Task> pending, String why) {
        int n = attempts.merge(t, 1, Integer::sum);
        if (n >= MAX_ATTEMPTS) {
            throw new IllegalStateException("replication " + t.replication() + " of scenario " + t.scenario()
                    + " could not be run on the cluster after " + n + " attempts; last: " + why);
        }
        pending.addFirst(t);
    }

    private void submit(IExecutorService executor, ReplicationTask task, Task t, Member m, BlockingQueue<Event> events) {
        UUID id = m.getUuid();
        try {
            executor.submitToMember(task, m, new ExecutionCallback<TaskOutcome>() {
                @Override
                public void onResponse(TaskOutcome response) {
                    events.add(new Answered(t, id, response));
                }

                @Override
                public void onFailure(Throwable error) {
                    events.add(new CallFailed(t, id, error));
                }
            });
        } catch (RuntimeException e) {
            events.add(new CallFailed(t, id, e));
        }
    }

    /** Members that run acuteflow replications with this build; fails when the only workers run another. */
    private List<Member> compatibleMembers() {
        if (!client.getLifecycleService().isRunning()) {
            return List.of();
        }
        List<Member> ok = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        for (Member m : client.getCluster().getMembers()) {
            if (!HazelcastSetup.isWorker(m)) {
                continue;
            }
            if (HazelcastSetup.build(m).equals(build)) {
                ok.add(m);
            } else {
                others.add(HazelcastSetup.address(m) + " runs " + HazelcastSetup.build(m));
            }
        }
        if (ok.isEmpty() && !others.isEmpty()) {
            throw InputException.of("cluster " + cluster.name(), 0, null, "no member runs this build (acuteflow "
                    + build + "): " + String.join(", ", others) + "; run the same build on the members and here");
        }
        return ok;
    }

    /** Puts the bytes of every input file the cluster does not hold yet (content-addressed: once per content). */
    private static void upload(InputBundle bundle, IMap<String, byte[]> inputs) {
        for (Map.Entry<String, byte[]> e : bundle.contents().entrySet()) {
            if (!inputs.containsKey(e.getKey())) {
                inputs.set(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }

    private static void say(PrintWriter log, String line) {
        log.println(line);
        log.flush();
    }
}
