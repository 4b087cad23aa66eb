package org.acuteflow.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.acuteflow.cli.Main;

/** Worker JVMs on this machine for tests: free ports, a cluster name of their own, killed at the end. */
final class Members implements AutoCloseable {
    final String cluster = "test-" + java.util.UUID.randomUUID();
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    Members(Path dir) {
        this.dir = dir;
    }

    /** A port free right now on loopback (the OS picks it), for a member to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The addresses of the members started so far, as --members wants them. */
    String addresses() {
        return String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    /**
     * Starts a member in a new JVM with this test's class path, joining through the members started before it,
     * and waits until it has joined.
     */
    Process start(int threads) throws Exception {
        int port = freePort();
        String join = ports.isEmpty() ? "127.0.0.1:" + port : addresses();
        ports.add(port);
        int n = ports.size();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), "org.acuteflow.cli.Main", "worker", "--cluster", cluster,
                "--port", Integer.toString(port), "--members", join, "--threads", Integer.toString(threads));
        Path out = dir.resolve("member" + n + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("member" + n + ".err").toFile()).start();
        processes.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("member 127.0.0.1:" + port)) {
                return p;
            }
            if (!p.isAlive()) {
                throw new AssertionError("member " + n + " exited " + p.exitValue() + ":\n"
                        + Files.readString(dir.resolve("member" + n + ".err")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("member " + n + " did not start within 60 s");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The command line in this JVM. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies the shipped example network to {@code dir/net} and writes a small experiment beside it. */
    static Path experiment(Path dir, String name, int replications, double days, double scale) throws IOException {
        Path from = Path.of("networks", "example");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = dir.resolve("net").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "name: " + name,
                "network: net",
                "run:",
                "  days: " + days,
                "  warmup_days: 0",
                "  replications: " + replications,
                "  seed: 20240901",
                "outputs: [differences]",
                "scenarios:",
                "  - name: hasu",
                "    configuration: hasu",
                "  - name: local",
                "    configuration: local",
                "parameters:",
                "  demand:",
                "    scale: " + scale) + "\n");
        return file;
    }

    static long stored(Path partial) throws IOException {
        Path replications = partial.resolve("replications");
        if (!Files.isDirectory(replications)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(replications)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }
}
