package org.acuteflow.workbench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The results root as the browser sees it: finished results folders (those holding a summary.csv) found below
 * it, their tables as JSON, and their files. Every path from the browser is resolved here and must stay inside
 * the root after following links; hidden names (working folders, drafts) are not served.
 */
final class ResultsRoot {
    /** Files a results folder may hold that the browser can fetch. */
    private static final Set<String> SERVED = Set.of(".csv", ".json", ".geojson", ".html", ".png", ".svg", ".yaml");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.ALLOW_COMMENTS);

    private final Path root;

    ResultsRoot(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    Path root() {
        return root;
    }

    /**
     * The file or folder {@code relative} names below the root, or null when it is absolute, escapes the root
     * (by {@code ..} or a link), names a hidden entry or does not exist.
     */
    Path resolve(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.startsWith("\\")
                || relative.contains("\\") || relative.contains("\0")) {
            return null;
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.startsWith(".")) {
                return null;
            }
        }
        try {
            Path p = root.resolve(relative).normalize();
            if (!p.startsWith(root) || !Files.exists(p)) {
                return null;
            }
            Path real = p.toRealPath();
            return real.startsWith(root) ? real : null;
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }

    /** A regular file below the root of a served kind, or null. */
    Path file(String relative) {
        Path p = resolve(relative);
        if (p == null || !Files.isRegularFile(p)) {
            return null;
        }
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot >= 0 && SERVED.contains(n.substring(dot)) ? p : null;
    }

    String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Finished results folders, newest first (their names end in the start time). */
    List<String> folders() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 3)) {
            walk.filter(p -> Files.isRegularFile(p.resolve("summary.csv")))
                    .filter(p -> !root.relativize(p).toString().contains("/.") && !root.relativize(p).toString().startsWith("."))
                    .forEach(p -> out.add(relative(p)));
        }
        out.sort((a, b) -> {
            String sa = a.substring(a.lastIndexOf('/') + 1);
            String sb = b.substring(b.lastIndexOf('/') + 1);
            int c = sb.compareTo(sa);
            return c != 0 ? c : a.compareTo(b);
        });
        return out;
    }

    /** The folder's CSV tables (differences, site and borough summaries, PSA differences) as JSON rows. */
    ObjectNode tables(Path folder) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("path", relative(folder));
        for (String name : List.of("summary", "differences", "psa_differences", "site_summary", "borough_summary")) {
            Path f = folder.resolve(name + ".csv");
            if (Files.isRegularFile(f)) {
                o.set(name, rows(f));
            }
        }
        // The per-site measures the hospital table shows, named as in site_summary.csv.
        ArrayNode measures = o.putArray("site_measures");
        for (org.acuteflow.report.SiteMeasures.Measure m : org.acuteflow.report.SiteMeasures.ALL) {
            measures.addObject().put("column", m.column()).put("label", m.label()).put("unit", m.unit())
                    .put("decimals", m.decimals());
        }
        for (String name : List.of("zones.geojson", "sites.geojson", "report.html", "manifest.json")) {
            o.put(name.replace('.', '_'), Files.isRegularFile(folder.resolve(name)));
        }
        return o;
    }

    private static ArrayNode rows(Path csv) throws IOException {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(csv.toFile())) {
            while (it.hasNext()) {
                ObjectNode row = rows.addObject();
                it.next().forEach(row::put);
            }
        }
        return rows;
    }
}
