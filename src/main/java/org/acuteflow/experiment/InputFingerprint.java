package org.acuteflow.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputFiles;
import org.acuteflow.config.YamlTrees;

/**
 * The content hash of every file a run reads: the experiment file, its parameter files, and every file of its
 * network (tables, configurations and their {@code extends} chains, and tables that {@code network.yaml} names
 * outside the network folder). A resumed run must see exactly the same files, or its replications would come
 * from two models.
 */
public final class InputFingerprint {
    private InputFingerprint() {
    }

    /** Absolute path to SHA-256, sorted by path. */
    public static Map<String, String> of(Experiment experiment) {
        Map<String, String> hashes = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        files.add(experiment.file());
        files.addAll(parameterFiles(experiment.file()));
        Path network = experiment.networkDir();
        if (network != null && Files.isDirectory(network)) {
            try (Stream<Path> walk = Files.walk(network)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw InputException.of(network.toString(), 0, null, "cannot list the network folder: "
                        + e.getMessage());
            }
            files.addAll(tablesNamedIn(network));
        }
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            hashes.putIfAbsent(abs.toString(), InputFiles.sha256(abs));
        }
        return hashes;
    }

    /** What differs between the inputs a run started with and those there now, one line each; empty if none. */
    public static List<String> differences(Map<String, String> recorded, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        recorded.forEach((file, hash) -> {
            String current = now.get(file);
            if (current == null) {
                out.add(file + " is no longer read by the experiment (or is missing)");
            } else if (!current.equals(hash)) {
                out.add(file + " has changed");
            }
        });
        now.keySet().stream().filter(f -> !recorded.containsKey(f))
                .forEach(f -> out.add(f + " is new (the experiment now reads it)"));
        return out;
    }

    private static List<Path> parameterFiles(Path experimentFile) {
        List<Path> out = new ArrayList<>();
        JsonNode list = YamlTrees.read(experimentFile).tree().get("parameter_files");
        Path base = experimentFile.toAbsolutePath().getParent();
        if (list != null && list.isArray()) {
            list.forEach(p -> out.add(base.resolve(p.asText()).normalize()));
        }
        return out;
    }

    /** Tables that network.yaml names by a path outside the network folder. */
    private static List<Path> tablesNamedIn(Path network) {
        List<Path> out = new ArrayList<>();
        Path yaml = network.resolve("network.yaml");
        if (!Files.isRegularFile(yaml)) {
            return out;
        }
        JsonNode files = YamlTrees.read(yaml).tree().get("files");
        if (files != null && files.isObject()) {
            files.elements().forEachRemaining(f -> {
                if (f.isTextual()) {
                    Path p = network.resolve(f.asText()).normalize();
                    if (!p.startsWith(network.toAbsolutePath().normalize()) && Files.isRegularFile(p)) {
                        out.add(p);
                    }
                }
            });
        }
        return out;
    }
}
