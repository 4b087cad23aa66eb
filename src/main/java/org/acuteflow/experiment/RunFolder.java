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
import org.acuteflow.config.InputException;
import org.acuteflow.config.RunControl;

/**
 * A results folder that appears only when complete. A run works in a hidden sibling
 * {@code .<name>.partial/} and renames it to {@code <name>/} at the very end; an existing folder is never
 * written into or replaced. The partial folder keeps {@code run.json} (what to rerun) and every finished
 * replication, which is what {@code run --resume} needs.
 */
public final class RunFolder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path finalDir;
    private final Path workDir;

    private RunFolder(Path finalDir, Path workDir) {
        this.finalDir = finalDir;
        this.workDir = workDir;
    }

    /** What a partial folder records so that it can be resumed. */
    public record Resume(Path experimentFile, String experimentSha256, RunControl run, boolean patients,
                         Path finalDir) {
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
        Path work = workFor(target);
        if (Files.exists(work)) {
            throw InputException.of(work.toString(), 0, null,
                    "an unfinished run is already here: resume it with 'run --resume " + work + "' or delete it");
        }
        try {
            Files.createDirectories(work.getParent());
            Files.createDirectory(work);
        } catch (IOException e) {
            throw InputException.of(work.toString(), 0, null, "cannot create the results folder: " + describe(e));
        }
        return new RunFolder(target, work);
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

    public void writeResume(Path experimentFile, String sha, RunControl run, boolean patients) throws IOException {
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
            Files.delete(workDir);
        } catch (IOException e) {
            // Left in place (e.g. someone put a file in it); harmless, and never mistaken for a result.
        }
    }

    public Resume resume() {
        return readResume(workDir);
    }

    private static Resume readResume(Path work) {
        try {
            JsonNode r = JSON.readTree(work.resolve("run.json").toFile());
            RunControl run = new RunControl(r.get("days").asDouble(), r.get("warmup_days").asDouble(),
                    r.get("replications").asInt(), r.get("seed").asLong(), r.get("threads").asInt(),
                    r.has("psa_draws") ? r.get("psa_draws").asInt() : RunControl.DEFAULT_PSA_DRAWS);
            return new Resume(Path.of(r.get("experiment_file").asText()), r.get("experiment_sha256").asText(), run,
                    r.get("patients").asBoolean(), Path.of(r.get("final_dir").asText()));
        } catch (IOException | RuntimeException e) {
            throw InputException.of(work.resolve("run.json").toString(), 0, null,
                    "is damaged and cannot be resumed: " + e.getMessage());
        }
    }

    /** Removes the working files a reader does not need, then renames the folder into place. */
    public void complete() throws IOException {
        // What only a resume needs goes before the rename: a completed folder holds outputs alone.
        deleteRecursively(workDir.resolve("replications"));
        Files.deleteIfExists(workDir.resolve("run.json"));
        try {
            Files.move(workDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(workDir, finalDir);
        } catch (FileAlreadyExistsException e) {
            throw InputException.of(finalDir.toString(), 0, null,
                    "appeared while the run was going; results are kept in " + workDir);
        }
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
