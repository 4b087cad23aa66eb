package org.acuteflow.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.acuteflow.cli.Main;
import org.acuteflow.testing.ExampleFiles;

/** Helpers for cluster tests: the command line in this JVM and a small experiment on the example network. */
final class Members {
    private Members() {
    }

    /** A port free right now on loopback. */
    static int freePort() throws IOException {
        return LocalMembers.freePort();
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
    static Path experiment(Path dir, String name, int replications, double days, double scale) {
        ExampleFiles.copyExampleNetwork(dir.resolve("net"));
        return ExampleFiles.write(dir, name, ExampleFiles.smallExperiment(name, replications, days, scale));
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
