package org.acuteflow.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.acuteflow.config.InputException;

/**
 * Loads a network folder and applies one of its configurations.
 *
 * <p>The base network (tables, road graph, shortest paths) is the expensive part; it is cached per folder,
 * keyed by the folder's canonical path and the size and modification time of every file in it (outside
 * {@code configurations/}), so loading two configurations of one network in one JVM computes it once, and an
 * edited file is reloaded. Configurations are re-read on every call (they are small). The cache holds
 * immutable values only and is safe to use from several threads; callers never see it.
 */
public final class NetworkLoader {
    /** Bases kept; a run rarely uses more than one or two networks. */
    private static final int CACHE_SIZE = 4;
    private static final Map<String, BaseNetwork> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BaseNetwork> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private NetworkLoader() {
    }

    /**
     * The network in {@code dir} with configuration {@code configuration} (a file
     * {@code configurations/<configuration>.yaml}) applied.
     *
     * @throws org.acuteflow.config.InputException naming file, line and field for any bad input
     */
    public static Network load(Path dir, String configuration) {
        return Configurations.apply(loadBase(dir), configuration);
    }

    /**
     * As {@link #load(Path, String)}, then a scenario's own overlay ({@code cover_profiles}, {@code cover},
     * {@code beds}, {@code fleet}, {@code provider_networks} written in the experiment file), its problems located through {@code sources}
     * under {@code path}. An empty or null overlay changes nothing.
     */
    public static Network load(Path dir, String configuration, com.fasterxml.jackson.databind.JsonNode overlay,
                               String path, org.acuteflow.config.SourceMap sources) {
        if (overlay == null || overlay.isEmpty()) {
            return load(dir, configuration);
        }
        return Configurations.apply(loadBase(dir), configuration, overlay, path, sources);
    }

    /** The network as its files describe it, before any configuration (cached; see the class comment). */
    public static BaseNetwork loadBase(Path dir) {
        String key = cacheKey(dir);
        synchronized (CACHE) {
            BaseNetwork cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Loading outside the lock lets different networks load in parallel; two threads loading the same
        // folder at once both compute it and the values are equal, which is harmless.
        BaseNetwork loaded = BaseLoader.load(dir);
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, loaded);
            return CACHE.get(key);
        }
    }

    /** Names of the configurations in a network folder (files in {@code configurations/}), sorted. */
    public static List<String> configurations(Path dir) {
        return Configurations.names(dir);
    }

    private static String cacheKey(Path dir) {
        String notFolder = org.acuteflow.config.InputFiles.notAFolder(dir);
        if (notFolder != null) {
            throw InputException.of(dir.toString(), 0, null, "network folder " + notFolder);
        }
        StringBuilder sb = new StringBuilder();
        try {
            sb.append(dir.toRealPath());
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            for (Path f : files) {
                sb.append('|').append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            throw InputException.of(dir.toString(), 0, null, "cannot read network folder: " + e.getMessage());
        }
        return sb.toString();
    }
}
