package org.acuteflow.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the shipped example network and tiny experiments on it, in a test's temporary folder. */
final class Fixtures {
    /** The example network shipped with the project (tests run from the project folder). */
    static final Path EXAMPLE = Path.of("networks", "example");

    private Fixtures() {
    }

    /** Copies {@code from} (a file or folder) to {@code to}. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the example network at {@code dir/net}. */
    static Path exampleNetwork(Path dir) {
        Path net = dir.resolve("net");
        copyTree(EXAMPLE, net);
        return net;
    }

    /**
     * A small experiment on {@code dir/net}: both example configurations, demand scaled down to a few hundred
     * patients a week so a replication takes a fraction of a second. Extra lines are appended at the end (they
     * start at line {@link #EXTRA_LINE}).
     */
    static Path experiment(Path dir, String name, int replications, double days, String... extra) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(
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
                "    scale: 0.002"));
        lines.addAll(List.of(extra));
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
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
