package org.acuteflow.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.acuteflow.testing.ExampleFiles;

/** Copies of the shipped example network and tiny experiments on it, in a test's temporary folder. */
final class Fixtures {
    /** The example network shipped with the project (tests run from the project folder). */
    static final Path EXAMPLE = ExampleFiles.EXAMPLE_NETWORK;

    private Fixtures() {
    }

    /** A copy of the example network at {@code dir/net}. */
    static Path exampleNetwork(Path dir) {
        Path net = dir.resolve("net");
        ExampleFiles.copyExampleNetwork(net);
        return net;
    }

    /**
     * A small experiment on {@code dir/net}: both example configurations, demand scaled down to a few hundred
     * patients a week so a replication takes a fraction of a second. Extra lines are appended at the end (they
     * start at line {@link #EXTRA_LINE}).
     */
    static Path experiment(Path dir, String name, int replications, double days, String... extra) {
        List<String> lines = ExampleFiles.smallExperiment(name, replications, days, 0.002);
        lines.addAll(List.of(extra));
        return ExampleFiles.write(dir, name, lines);
    }

    /** Line number of the first extra line given to {@link #experiment}. */
    static final int EXTRA_LINE = 17;

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a file; fails if absent, so a fixture cannot rot silently. */
    static void replace(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains '" + from + "'");
        }
        write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
