package org.acuteflow.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.acuteflow.config.InputException;
import org.acuteflow.config.RunControl;

/**
 * A results folder that appears only when complete. A run works in a hidden sibling
 * {@code .<name>.partial/} and renames it to {@code <name>/} at the very end; an existing folder is never
 * written into or replaced. The partial folder keeps {@code run.json} (what to rerun) and every finished
 * replication, which is what {@code run --resume} needs.
 */
public final class RunFolder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static final String LOCK = "run.lock";

    private final Path finalDir;
    private final Path workDir;
    // Held while this process works in the folder: a second run with the same --out, or a resume of a run
    // still going, is told so instead of being told to resume it.
    private final java.nio.channels.FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;

    private RunFolder(Path finalDir, Path workDir) {
        this.finalDir = finalDir;
        this.workDir = workDir;
        java.nio.channels.FileChannel channel = null;
        java.nio.channels.FileLock held = null;
        try {
            channel = java.nio.channels.FileChannel.open(workDir.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;
        } catch (IOException e) {
            // A folder where no lock file can be made (read-only): the run itself will fail to write there and say so.
        }
        if (channel != null && held == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
            throw InputException.of(workDir.toString(), 0, null, "another acuteflow run is working in this folder "
                    + "now; wait for it to finish, or choose another --out");
        }
        this.lockChannel = channel;
        this.lock = held;
    }

    /** Lets another process use the folder (called when the run ends, however it ends). */
    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }

    /**
     * What a partial folder records so that it can be resumed.
     *
     * @param inputs absolute path to SHA-256 of every input file when the run started ({@link InputFingerprint})
     */
    public record Resume(Path experimentFile, String experimentSha256, RunControl run, boolean patients,
                         Path finalDir, Map<String, String> inputs) {
    }

    /**
     * A new run folder: {@code out} if given (it must not exist), else
     * {@code <resultsRoot>/<experiment>/<yyyymmdd-HHMMSS>} (with -2, -3... if that second is taken).
     */
    public static RunFolder create(Path resultsRoot, String experimentName, Path out, LocalDateTime now) {
        Path target;
        if (out != null) {
            target = out.toAbsolutePath().normalize();
            if (Files.exists(target)) {
                throw InputException.of(out.toString(), 0, "--out",
                        "already exists; results are never overwritten: choose a new folder");
            }
        } else {
            Path parent = resultsRoot.resolve(experimentName).toAbsolutePath().normalize();
            String stamp = STAMP.format(now);
            target = parent.resolve(stamp);
            for (int i = 2; Files.exists(target) || Files.exists(workFor(target)); i++) {
                target = parent.resolve(stamp + "-" + i);
            }
        }
        for (int attempt = 2; ; attempt++) {
            Path work = workFor(target);
            if (Files.exists(work) && out != null) {
                if (isLocked(work)) {
                    throw InputException.of(work.toString(), 0, "--out", "another acuteflow run is writing to this "
                            + "folder now; choose another --out");
                }
                throw InputException.of(work.toString(), 0, null,
                        "an unfinished run is already here: resume it with 'run --resume " + work + "' or delete it");
            }
            try {
                Files.createDirectories(work.getParent());
                Files.createDirectory(work);
                return new RunFolder(target, work);
            } catch (FileAlreadyExistsException e) {
                if (out != null) {
                    throw InputException.of(work.toString(), 0, "--out", "another acuteflow run started in this "
                            + "folder at the same moment; choose another --out");
                }
                // Another run of the same experiment took this second's name: take the next one.
                do {
                    target = target.resolveSibling(STAMP.format(now) + "-" + attempt++);
                } while (Files.exists(target) || Files.exists(workFor(target)));
            } catch (IOException e) {
                throw InputException.of(work.toString(), 0, null, "cannot create the results folder: " + describe(e));
            }
        }
    }

    private static boolean isLocked(Path work) {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(work.resolve(LOCK),
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens an interrupted run's partial folder. */
    public static RunFolder reopen(Path partial) {
        Path work = partial.toAbsolutePath().normalize();
        if (!Files.isRegularFile(work.resolve("run.json"))) {
            throw InputException.of(partial.toString(), 0, "--resume",
                    "is not an unfinished run folder (no run.json); give the .<name>.partial folder of an interrupted run");
        }
        Resume r = readResume(work);
        if (Files.exists(r.finalDir())) {
            throw InputException.of(r.finalDir().toString(), 0, "--resume",
                    "the run's results folder already exists; this run was completed");
        }
        return new RunFolder(r.finalDir(), work);
    }

    static Path workFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    public Path workDir() {
        return workDir;
    }

    public Path finalDir() {
        return finalDir;
    }

    public void writeResume(Path experimentFile, String sha, RunControl run, boolean patients,
                            Map<String, String> inputs) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("experiment_file", experimentFile.toAbsolutePath().normalize().toString());
        root.put("experiment_sha256", sha);
        root.put("days", run.days());
        root.put("warmup_days", run.warmupDays());
        root.put("replications", run.replications());
        root.put("seed", run.seed());
        root.put("threads", run.threads());
        root.put("psa_draws", run.psaDraws());
        root.put("patients", patients);
        root.put("final_dir", finalDir.toString());
        ObjectNode in = root.putObject("inputs");
        inputs.forEach(in::put);
        // Written whole or not at all (temporary name, then rename): a run killed at this moment leaves either
        // no run.json or a complete one, never a damaged one that cannot be resumed.
        Path target = workDir.resolve("run.json");
        Path tmp = workDir.resolve("run.json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(root));
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes the working folder when no replication was stored in it (bad input found before simulating), so
     * a failed start leaves nothing behind; a folder with any stored replication is kept for resuming.
     */
    public void discardIfNothingDone() {
        Path replications = workDir.resolve("replications");
        try {
            if (Files.exists(replications)) {
                try (var s = Files.list(replications)) {
                    if (s.findAny().isPresent()) {
                        return;
                    }
                }
                Files.delete(replications);
            }
            Files.deleteIfExists(workDir.resolve("run.json"));
            Files.deleteIfExists(workDir.resolve("run.json.tmp"));
            close();
            Files.deleteIfExists(workDir.resolve(LOCK));
            Files.delete(workDir);
        } catch (IOException e) {
            // Left in place (e.g. someone put a file in it); harmless, and never mistaken for a result.
        }
    }

    public Resume resume() {
        return readResume(workDir);
    }

    /**
     * Reads run.json, checking every field: a hand-edited or damaged file is refused with what is wrong, never
     * resumed with made-up values.
     */
    private static Resume readResume(Path work) {
        Path file = work.resolve("run.json");
        String name = file.toString();
        JsonNode r;
        try {
            r = JSON.readTree(org.acuteflow.config.InputFiles.readText(file, 64L << 20, "run.json"));
        } catch (IOException e) {
            throw InputException.of(name, 0, null, "is damaged (not JSON) and cannot be resumed; start a new run");
        }
        org.acuteflow.config.Problems problems = org.acuteflow.config.Problems.forFile(name);
        if (r == null || !r.isObject()) {
            throw InputException.of(name, 0, null, "is damaged (not a JSON object) and cannot be resumed; start a new run");
        }
        String experiment = text(r, "experiment_file", problems);
        String sha = text(r, "experiment_sha256", problems);
        String finalDir = text(r, "final_dir", problems);
        double days = number(r, "days", problems);
        double warmup = number(r, "warmup_days", problems);
        long replications = whole(r, "replications", problems);
        long seed = whole(r, "seed", problems);
        long threads = whole(r, "threads", problems);
        // Written by every run since draws were added; older run folders used the default.
        long psaDraws = r.has("psa_draws") ? whole(r, "psa_draws", problems) : RunControl.DEFAULT_PSA_DRAWS;
        JsonNode patients = r.get("patients");
        if (patients == null || !patients.isBoolean()) {
            problems.add("patients", "must be true or false");
        }
        Map<String, String> inputs = new java.util.TreeMap<>();
        JsonNode in = r.get("inputs");
        if (in == null || !in.isObject() || in.isEmpty()) {
            problems.add("inputs", "is missing: this run cannot show that its input files are unchanged; start a new "
                    + "run");
        } else {
            in.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || !e.getValue().asText().matches("[0-9a-f]{64}")) {
                    problems.add("inputs." + e.getKey(), "must be a SHA-256 in hexadecimal");
                } else {
                    inputs.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        // Range checks of the settings that were readable, so that every problem is reported at once.
        RunControl run = new RunControl(days, warmup, clamp(replications), seed, clamp(threads), clamp(psaDraws));
        org.acuteflow.config.Problems ranges = org.acuteflow.config.Problems.forFile(name);
        run.check(ranges, "");
        java.util.Set<String> reported = new java.util.HashSet<>();
        problems.list().forEach(p -> reported.add(p.field()));
        ranges.list().stream().filter(p -> !reported.contains(p.field())).forEach(problems::add);
        problems.throwIfAny();
        try {
            return new Resume(Path.of(experiment), sha, run, patients.asBoolean(), Path.of(finalDir), inputs);
        } catch (java.nio.file.InvalidPathException e) {
            throw InputException.of(name, 0, "experiment_file", "is not a path; start a new run");
        }
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static String text(JsonNode r, String key, org.acuteflow.config.Problems problems) {
        JsonNode v = r.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(key, "is missing or not text");
            return "";
        }
        return v.asText();
    }

    private static double number(JsonNode r, String key, org.acuteflow.config.Problems problems) {
        JsonNode v = r.get(key);
        if (v == null || !v.isNumber()) {
            problems.add(key, "is missing or not a number");
            return 0;
        }
        return v.doubleValue();
    }

    private static long whole(JsonNode r, String key, org.acuteflow.config.Problems problems) {
        JsonNode v = r.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(key, "is missing or not a whole number");
            return 0;
        }
        return v.longValue();
    }

    /**
     * Renames the folder into place, then removes what only a resume needs. In that order: if the rename fails,
     * run.json and the stored replications are still there and the run can be resumed.
     */
    public void complete() throws IOException {
        close();
        Files.deleteIfExists(workDir.resolve(LOCK));
        if (Files.exists(finalDir)) {
            throw appeared();
        }
        try {
            Files.move(workDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(workDir, finalDir);
        } catch (java.nio.file.FileSystemException e) {
            if (Files.exists(finalDir)) {
                throw appeared();
            }
            throw e;
        }
        // A completed folder holds outputs alone.
        deleteRecursively(finalDir.resolve("replications"));
        Files.deleteIfExists(finalDir.resolve("run.json"));
    }

    private InputException appeared() {
        return InputException.of(finalDir.toString(), 0, null, "appeared while the run was going; the results are "
                + "kept in " + workDir + ": move that folder out of the way, then 'run --resume " + workDir
                + "' finishes (nothing is simulated again)");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (m != null && m.contains("No space left")) {
            return "the disk is full";
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
