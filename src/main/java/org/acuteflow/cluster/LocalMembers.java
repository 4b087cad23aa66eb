package org.acuteflow.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Members started on this machine, each in its own JVM with this process's class path, on free loopback ports
 * and in a cluster of their own (a random name), so that several sets never meet. Used by the cluster benchmark
 * and its tests; stopped (killed) on close.
 */
public final class LocalMembers implements AutoCloseable {
    private final String cluster = "local-" + UUID.randomUUID();
    private final Path logDir;
    private final List<String> jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    /**
     * @param logDir     where each member's output goes (member1.out, member1.err, ...)
     * @param jvmOptions options for the members' JVMs, e.g. -Xmx1g
     */
    public LocalMembers(Path logDir, List<String> jvmOptions) {
        this.logDir = logDir;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** A port free right now on loopback (the system picks it). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String cluster() {
        return cluster;
    }

    /** The members started so far, as {@code --members} takes them. */
    public String addresses() {
        return String.join(",", ports.stream().map(p -> HazelcastSetup.LOOPBACK + ":" + p).toList());
    }

    public ClusterSettings settings() {
        return ClusterSettings.parse(cluster, addresses());
    }

    /** Starts a member joining through those started before it and waits (up to 90 s) until it has joined. */
    public Process start(int threads) throws IOException, InterruptedException {
        return start(threads, 1).get(0);
    }

    /**
     * Starts {@code count} members at once, each joining through the members started before them (the first
     * of all starts alone), and waits (up to 90 s) until all have joined.
     */
    public List<Process> start(int threads, int count) throws IOException, InterruptedException {
        List<Process> started = new ArrayList<>();
        List<Integer> startedPorts = new ArrayList<>();
        if (ports.isEmpty() && count > 1) {
            started.addAll(start(threads, 1));
            count--;
        }
        String join = ports.isEmpty() ? null : addresses();
        for (int i = 0; i < count; i++) {
            int port = freePort();
            ports.add(port);
            startedPorts.add(port);
            int n = ports.size();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.acuteflow.cli.Main", "worker",
                    "--cluster", cluster, "--port", Integer.toString(port), "--members",
                    join != null ? join : HazelcastSetup.LOOPBACK + ":" + port, "--threads", Integer.toString(threads)));
            Process p = new ProcessBuilder(command).redirectOutput(logDir.resolve("member" + n + ".out").toFile())
                    .redirectError(logDir.resolve("member" + n + ".err").toFile()).start();
            processes.add(p);
            started.add(p);
        }
        int first = ports.size() - count;
        for (int i = 0; i < count; i++) {
            awaitJoined(processes.get(first + i), first + i + 1, startedPorts.get(i));
        }
        return started;
    }

    private void awaitJoined(Process p, int n, int port) throws IOException, InterruptedException {
        Path out = logDir.resolve("member" + n + ".out");
        Path err = logDir.resolve("member" + n + ".err");
        String joined = "member " + HazelcastSetup.LOOPBACK + ":" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains(joined)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("member " + n + " exited with " + p.exitValue() + ":\n"
                        + Files.readString(err));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("member " + n + " did not join within 90 s; see " + err);
    }

    /** CPU seconds used so far by the member processes still running (from the operating system). */
    public double cpuSeconds() {
        double total = 0;
        for (Process p : processes) {
            if (p.isAlive()) {
                total += p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            }
        }
        return total;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
