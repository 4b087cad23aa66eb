package org.acuteflow.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of an input tree was written: field path (for example {@code scenarios[1].parameters.ems})
 * to file, line and column. When trees from several files are merged, a later file's entry replaces an
 * earlier one, exactly as its value does, so a problem is reported where the value in force came from.
 */
public final class SourceMap {
    private final Map<String, InputProblem> locations = new HashMap<>();
    private final String defaultFile;

    public SourceMap(String defaultFile) {
        this.defaultFile = defaultFile;
    }

    /** A copy, to which a derived input (a sweep's scenario) can add its own locations. */
    public SourceMap copy() {
        SourceMap c = new SourceMap(defaultFile);
        c.locations.putAll(locations);
        return c;
    }

    public void put(String path, String file, int line, int column) {
        locations.put(path, new InputProblem(file, line, column, path, null));
    }

    /** Adds all of {@code other}'s entries under {@code prefix} (a path, or "" for the root). */
    public void putAll(SourceMap other, String prefix) {
        other.locations.forEach((path, where) -> {
            String full = prefix.isEmpty() ? path : (path.isEmpty() ? prefix : join(prefix, path));
            locations.put(full, new InputProblem(where.file(), where.line(), where.column(), full, null));
        });
    }

    private static String join(String prefix, String path) {
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** The location of {@code path}, or of its nearest written ancestor; the file alone if none is known. */
    public InputProblem locate(String path) {
        String p = path;
        while (true) {
            InputProblem where = locations.get(p);
            if (where != null) {
                return where;
            }
            if (p.isEmpty()) {
                return new InputProblem(defaultFile, 0, 0, path, null);
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** The entries at or below {@code prefix}, with the prefix removed from their paths. */
    public SourceMap under(String prefix) {
        SourceMap out = new SourceMap(defaultFile);
        locations.forEach((path, where) -> {
            String rest = null;
            if (path.equals(prefix)) {
                rest = "";
            } else if (path.startsWith(prefix + ".")) {
                rest = path.substring(prefix.length() + 1);
            } else if (path.startsWith(prefix + "[")) {
                rest = path.substring(prefix.length());
            }
            if (rest != null) {
                out.locations.put(rest, new InputProblem(where.file(), where.line(), where.column(), rest, null));
            }
        });
        return out;
    }

    public Problems problems() {
        return new Problems(this::locate);
    }
}
