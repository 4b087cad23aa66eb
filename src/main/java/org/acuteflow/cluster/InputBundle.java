package org.acuteflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.config.YamlTrees;

/**
 * The input files of an experiment, named by content: the experiment file, its parameter files and every file
 * of its network folder, each with its path relative to the folder that holds them all (so the experiment's
 * relative references still work once the files are written elsewhere) and its SHA-256. A member rebuilds the
 * same tree in its cache folder from the bytes in the cluster's input map, checking every file's hash, and
 * loads the experiment from there exactly as a local run would.
 */
public final class InputBundle {
    /** One file: path relative to the bundle's root ('/' separated) and the SHA-256 of its bytes. */
    public record Entry(String path, String sha256) {
    }

    private final List<Entry> entries;
    private final String experimentPath;
    /** The network folder's path in the bundle ('/' separated; empty when it is the bundle's root). */
    private final String networkPath;
    private final String id;
    /** The bytes by hash, on the submitting side only (members fetch them from the cluster). */
    private final Map<String, byte[]> bytes;

    private InputBundle(List<Entry> entries, String experimentPath, String networkPath, Map<String, byte[]> bytes) {
        this.entries = List.copyOf(entries);
        this.experimentPath = experimentPath;
        this.networkPath = networkPath;
        this.bytes = bytes;
        this.id = manifestHash("experiment " + experimentPath + "\nnetwork " + networkPath + "\n", this.entries, "");
    }

    /** SHA-256 of a header and the (path, hash) lines of the entries under {@code prefix} (paths made relative). */
    private static String manifestHash(String header, List<Entry> entries, String prefix) {
        StringBuilder manifest = new StringBuilder(header);
        for (Entry e : entries) {
            if (e.path().startsWith(prefix)) {
                manifest.append(e.sha256()).append("  ").append(e.path().substring(prefix.length())).append('\n');
            }
        }
        return Inputs.sha256Hex(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The files an experiment reads, with their bytes, as this process sees them now. */
    public static InputBundle of(Experiment experiment) {
        Path file = experiment.file().toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        files.add(file);
        JsonNode parameterFiles = YamlTrees.read(file).tree().get("parameter_files");
        if (parameterFiles != null && parameterFiles.isArray()) {
            for (JsonNode p : parameterFiles) {
                files.add(file.getParent().resolve(p.asText()).normalize());
            }
        }
        Path network = experiment.networkDir().toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(network)) {
            walk.filter(Files::isRegularFile).filter(p -> !hidden(network.relativize(p))).sorted().forEach(files::add);
        } catch (IOException e) {
            throw InputException.of(network.toString(), 0, "network", "cannot list the network folder: " + e.getMessage());
        }
        Path root = file.getParent();
        for (Path p : files) {
            while (!p.startsWith(root)) {
                root = root.getParent();
            }
        }
        Map<String, Entry> byPath = new LinkedHashMap<>();
        Map<String, byte[]> content = new LinkedHashMap<>();
        for (Path p : files) {
            byte[] b;
            try {
                b = Files.readAllBytes(p);
            } catch (IOException e) {
                throw InputException.of(p.toString(), 0, null, "cannot be read: " + e.getMessage());
            }
            String sha = Inputs.sha256Hex(b);
            String rel = slashed(root.relativize(p));
            byPath.putIfAbsent(rel, new Entry(rel, sha));
            content.putIfAbsent(sha, b);
        }
        List<Entry> entries = new ArrayList<>(byPath.values());
        entries.sort(Comparator.comparing(Entry::path));
        return new InputBundle(entries, slashed(root.relativize(file)), slashed(root.relativize(network)), content);
    }

    /** A bundle described by a task (on a member): its bytes come from the cluster. */
    static InputBundle described(String experimentPath, String networkPath, String[] paths, String[] hashes) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            entries.add(new Entry(paths[i], hashes[i]));
        }
        return new InputBundle(entries, experimentPath, networkPath, Map.of());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** SHA-256 of the list of files and hashes: equal ids mean the same files with the same bytes. */
    public String id() {
        return id;
    }

    public List<Entry> entries() {
        return entries;
    }

    public String experimentPath() {
        return experimentPath;
    }

    public String networkPath() {
        return networkPath;
    }

    /** The bytes of the file with this hash (submitting side), or null. */
    byte[] bytes(String sha256) {
        return bytes.get(sha256);
    }

    /** The hashes of all files with their bytes (submitting side). */
    Map<String, byte[]> contents() {
        return bytes;
    }

    /**
     * Writes the files under {@code cache} and returns the experiment file's path there. The experiment's own
     * files go to {@code jobs/<id>/}; its network folder goes to {@code networks/<hash of the network's files>/},
     * linked from the job's folder, so that every experiment on the same network content shares one folder and
     * the network is loaded once per member ({@link org.acuteflow.network.NetworkLoader} caches by real path).
     * A file already there with the right hash is kept. Every path is checked to stay inside its folder and every
     * file's bytes to have the hash that names them.
     *
     * @param fetch the bytes of a hash, or null when the cluster does not hold them
     * @throws RefusedException for a path that leaves the folder or bytes that do not match their hash
     * @throws MissingInputException when a file's bytes are not in the cluster
     */
    Path materialize(Path cache, Function<String, byte[]> fetch) throws IOException {
        Path root = cache.toAbsolutePath().normalize();
        Path job = root.resolve("jobs").resolve(id);
        String prefix = networkPath.isEmpty() ? null : networkPath + "/";
        Path network = null;
        if (prefix != null) {
            inside(job, networkPath);
            network = root.resolve("networks").resolve(manifestHash("", entries, prefix));
        }
        for (Entry e : entries) {
            Path target = prefix != null && e.path().startsWith(prefix)
                    ? inside(network, e.path().substring(prefix.length())) : inside(job, e.path());
            write(target, e, fetch);
        }
        if (network != null) {
            link(inside(job, networkPath), network);
        }
        return inside(job, experimentPath);
    }

    private static void write(Path target, Entry e, Function<String, byte[]> fetch) throws IOException {
        if (Files.isRegularFile(target) && Inputs.sha256Hex(Files.readAllBytes(target)).equals(e.sha256())) {
            return;
        }
        byte[] b = fetch.apply(e.sha256());
        if (b == null) {
            throw new MissingInputException(e.path(), e.sha256());
        }
        String actual = Inputs.sha256Hex(b);
        if (!actual.equals(e.sha256())) {
            throw new RefusedException("input file " + e.path() + " arrived with content SHA-256 " + actual
                    + ", not the " + e.sha256() + " it was sent as: refused");
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + Thread.currentThread().getId());
        Files.write(tmp, b);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException x) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes {@code link} point to {@code target} (left as it is when it already does). */
    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Another thread of this member linked it at the same moment, to the same content-named folder.
            if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(target)) {
                throw e;
            }
        }
    }

    /** {@code root/relative}, refusing anything that is not a plain relative path inside {@code root}. */
    static Path inside(Path root, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
            throw new RefusedException("input path '" + relative + "' is not a relative path: refused");
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new RefusedException("input path '" + relative + "' leaves its folder: refused");
            }
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new RefusedException("input path '" + relative + "' leaves its folder: refused");
        }
        return p;
    }

    /** A member refuses a task (different build, input that does not match its hash, a path outside its cache). */
    static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /** An input file's bytes are not (or no longer) in the cluster: the submitter puts them back and retries. */
    static final class MissingInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingInputException(String path, String sha256) {
            super("input file " + path + " (SHA-256 " + sha256 + ") is not in the cluster's input map");
        }
    }
}
