package org.acuteflow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.ScenarioSpec;

/** manifest.json: what produced a results folder (provenance), so a reader can reproduce it. */
public final class Manifest {
    private Manifest() {
    }

    public static String version() {
        try (InputStream in = Manifest.class.getResourceAsStream("/acuteflow/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** The git commit of the folder holding the experiment, or null when it is not in a git checkout. */
    public static String gitCommit(Path near) {
        try {
            Process p = new ProcessBuilder("git", "-C", near.toAbsolutePath().getParent().toString(),
                    "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public static void write(Path file, Experiment e, double wallSeconds, String startedAt, boolean resumed)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("tool", "acuteflow");
        root.put("version", version());
        String commit = gitCommit(e.file());
        if (commit == null) {
            root.putNull("git_commit");
        } else {
            root.put("git_commit", commit);
        }
        root.put("experiment", e.name());
        root.put("experiment_file", e.file().getFileName().toString());
        root.put("experiment_sha256", e.sha256());
        root.put("network", e.networkDir().getFileName().toString());
        RunControl run = e.run();
        root.put("seed", run.seed());
        root.put("replications", run.replications());
        root.put("threads", run.effectiveThreads());
        root.put("days", run.days());
        root.put("warmup_days", run.warmupDays());
        if (e.wants("psa")) {
            root.put("psa_draws", run.psaDraws());
        }
        root.put("baseline", e.baseline());
        var scenarios = root.putArray("scenarios");
        for (ScenarioSpec s : e.scenarios()) {
            scenarios.addObject().put("name", s.name()).put("configuration", s.configuration());
        }
        root.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("started_at", startedAt);
        root.put("wall_seconds", Math.round(wallSeconds * 1000) / 1000.0);
        root.put("resumed", resumed);
        Files2.writeString(file, json.writeValueAsString(root) + "\n");
    }
}
