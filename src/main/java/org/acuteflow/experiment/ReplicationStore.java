package org.acuteflow.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

/**
 * Persists each finished replication as it completes ({@code replications/s<S>-r<R>.json} in the run's
 * working folder), so an interrupted run can resume. Each file is written to a temporary name and renamed,
 * so a file that exists is complete. Doubles are stored with their exact bits so a resumed run writes the same
 * bytes as an uninterrupted one.
 */
public final class ReplicationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public ReplicationStore(Path runFolder) {
        this.dir = runFolder.resolve("replications");
    }

    public Path dir() {
        return dir;
    }

    private Path file(int scenario, int replication) {
        return dir.resolve("s" + scenario + "-r" + replication + ".json");
    }

    /** The stored result, or null if that replication has not finished. */
    public ReplicationResult load(int scenario, int replication) {
        Path f = file(scenario, replication);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            ReplicationResult r = new ReplicationResult();
            Iterator<Map.Entry<String, JsonNode>> m = root.get("metrics").fields();
            while (m.hasNext()) {
                Map.Entry<String, JsonNode> e = m.next();
                r.metric(e.getKey(), Double.longBitsToDouble(e.getValue().asLong()));
            }
            Iterator<Map.Entry<String, JsonNode>> s = root.get("series").fields();
            while (s.hasNext()) {
                Map.Entry<String, JsonNode> e = s.next();
                double[] v = new double[e.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.longBitsToDouble(e.getValue().get(i).asLong());
                }
                r.series(e.getKey(), v);
            }
            return r;
        } catch (IOException | RuntimeException e) {
            // A damaged file (e.g. a disk-full write) is treated as not finished: the replication reruns.
            return null;
        }
    }

    public void save(int scenario, int replication, ReplicationResult result) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode metrics = root.putObject("metrics");
        result.metrics().forEach((k, v) -> metrics.put(k, Double.doubleToRawLongBits(v)));
        ObjectNode series = root.putObject("series");
        result.series().forEach((k, v) -> {
            ArrayNode a = series.putArray(k);
            for (double x : v) {
                a.add(Double.doubleToRawLongBits(x));
            }
        });
        try {
            Files.createDirectories(dir);
            Path target = file(scenario, replication);
            Path tmp = dir.resolve(target.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save replication " + replication + " of scenario " + scenario
                    + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
