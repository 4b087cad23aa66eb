package org.acuteflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the shipped example network and small experiments on it, for tests that need files of their own in a
 * temporary folder (tests run from the project folder). The one place tests copy input trees.
 */
public final class ExampleFiles {
    /** The example network shipped with the project. */
    public static final Path EXAMPLE_NETWORK = Path.of("networks", "example");

    private ExampleFiles() {
    }

    /** Copies {@code from} (a file or folder) to {@code to}, creating parent folders. */
    public static void copyTree(Path from, Path to) {
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

    /** A copy of the example network at {@code to}; returns {@code to}. */
    public static Path copyExampleNetwork(Path to) {
        copyTree(EXAMPLE_NETWORK, to);
        return to;
    }

    /** A copy of the example network in a new folder under {@code parent} (so caches keyed by folder see new files). */
    public static Path copyExampleNetworkToNewFolder(Path parent) {
        try {
            return copyExampleNetwork(Files.createTempDirectory(parent, "net"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines of a small experiment on the network folder {@code net} beside it: both example configurations
     * (hasu, local), demand scaled by {@code scale}, no warm-up. Its last line is the scale; callers append more.
     */
    public static List<String> smallExperiment(String name, int replications, double days, double scale) {
        return new ArrayList<>(List.of(
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
                "    scale: " + scale));
    }

    /** Writes {@code lines} as {@code dir/name.yaml}. */
    public static Path write(Path dir, String name, List<String> lines) {
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
