package org.acuteflow.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.experiment.ModelFactory;

/**
 * A cluster member that runs replications ({@code acuteflow worker}). It joins the named cluster through the
 * given addresses and stays until stopped. A member whose build differs from the cluster's oldest member leaves
 * at once with a message saying so: mixing builds would mix results.
 */
public final class Worker implements AutoCloseable {
    private final HazelcastInstance member;
    private final Path cacheDir;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Worker(HazelcastInstance member, Path cacheDir) {
        this.member = member;
        this.cacheDir = cacheDir;
    }

    /**
     * Starts a member and joins the cluster.
     *
     * @param iface   the interface to bind to and announce (loopback unless the cluster spans machines)
     * @param threads replications run at once on this member
     * @throws InputException when the member is refused (another build) or cannot start (port in use)
     */
    public static Worker start(ClusterSettings cluster, String iface, int port, int threads, String build,
                               Function<Path, Experiment> loader, ModelFactory factory, PrintWriter log) {
        ClusterSettings.checkPort("--port", port);
        Path cache;
        try {
            cache = Files.createTempDirectory("acuteflow-worker-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the worker's cache folder", e);
        }
        MemberService service = new MemberService(build, cache, loader, factory);
        Config config = HazelcastSetup.member(cluster, iface, port, threads, build);
        config.getUserContext().put(MemberService.CONTEXT_KEY, service);
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            deleteQuietly(cache);
            throw InputException.of("command line", 0, "--port", "cannot start a member on " + iface + ":" + port
                    + ": " + rootMessage(e) + " (is the port in use, or the interface not on this machine?)");
        }
        com.hazelcast.map.IMap<String, byte[]> inputs = hz.getMap(HazelcastSetup.INPUTS);
        service.attach(inputs::get);
        Worker worker = new Worker(hz, cache);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                worker.stopped.countDown();
            }
        });
        String refusal = refusal(hz.getCluster().getMembers(), build);
        if (refusal != null) {
            worker.close();
            throw InputException.of("cluster " + cluster.name(), 0, null, refusal);
        }
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                Member m = event.getMember();
                String other = HazelcastSetup.build(m);
                say(log, "acuteflow worker: member " + HazelcastSetup.address(m) + " joined ("
                        + event.getMembers().size() + " members)" + (other.equals(build) ? ""
                        : "; it runs acuteflow " + other + ", not " + build + ", and will leave"));
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                say(log, "acuteflow worker: member " + HazelcastSetup.address(event.getMember()) + " left ("
                        + event.getMembers().size() + " members)");
            }
        });
        return worker;
    }

    /**
     * Why a member with build {@code build} may not stay in a cluster with these members, or null when it may.
     * The oldest member (first in the list) sets the cluster's build: a newcomer that differs is the one that
     * leaves, so a running cluster is never disturbed by a stray member.
     */
    static String refusal(Collection<Member> members, String build) {
        Member oldest = members.iterator().next();
        String theirs = HazelcastSetup.build(oldest);
        if (!HazelcastSetup.isWorker(oldest) || theirs.equals(build)) {
            return null;
        }
        return "member " + HazelcastSetup.address(oldest) + " of this cluster runs acuteflow " + theirs
                + ", this member runs acuteflow " + build + ": refused to join, since replications from different "
                + "builds would mix different models; run the same build on every member";
    }

    public HazelcastInstance member() {
        return member;
    }

    public String address() {
        return HazelcastSetup.address(member.getCluster().getLocalMember());
    }

    public int clusterSize() {
        return member.getCluster().getMembers().size();
    }

    /** Blocks until the member stops (shut down from another thread or by the JVM's shutdown). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (member.getLifecycleService().isRunning()) {
            member.shutdown();
        }
        deleteQuietly(cacheDir);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private static void say(PrintWriter log, String line) {
        log.println(line);
        log.flush();
    }
}
