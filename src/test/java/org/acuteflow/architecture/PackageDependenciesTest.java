package org.acuteflow.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main sources form layers with dependencies pointing down: no package depends, directly or
 * through others, on itself, and none depends on a package of a higher layer. Dependencies are read from the
 * sources (imports and fully qualified names, comments left out).
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.acuteflow\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z*]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package org\\.acuteflow\\.([a-z0-9.]+);");

    /**
     * The layers, bottom first (README, "Packages, dependencies pointing down"). A package may use packages of its
     * own layer (without a cycle) and of lower layers.
     */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("metrics", "sim"),
            Set.of("config"),
            Set.of("network"),
            Set.of("demand"),
            Set.of("ems", "hospital", "outcome"),
            Set.of("experiment"),
            Set.of("pathway"),
            Set.of("pathway.emergency", "pathway.stemi", "pathway.stroke", "pathway.trauma"),
            Set.of("model", "model.stats"),
            Set.of("report", "optimise"),
            Set.of("cluster", "workbench"),
            Set.of("bench"),
            Set.of("cli"));

    /** package -> packages it references -> one file that does. */
    static Map<String, Map<String, String>> dependencies() throws IOException {
        Map<String, Map<String, String>> deps = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String text = withoutComments(Files.readString(f));
            Matcher pm = PACKAGE.matcher(text);
            if (!pm.find()) {
                continue;
            }
            String from = pm.group(1);
            Map<String, String> out = deps.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from)) {
                    out.putIfAbsent(to, SOURCES.relativize(f).toString());
                }
            }
        }
        return deps;
    }

    /**
     * The text without comments and string literals: a reference in Javadoc is documentation, and a class named in
     * a string (a main class for a child JVM) is not a compile-time dependency.
     */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (c == '"') {
                // Skip string literals (and text blocks) whole: "//" inside one is not a comment.
                boolean block = java.startsWith("\"\"\"", i);
                int end = block ? java.indexOf("\"\"\"", i + 3) : i + 1;
                if (!block) {
                    while (end < n && java.charAt(end) != '"' && java.charAt(end) != '\n') {
                        end += java.charAt(end) == '\\' ? 2 : 1;
                    }
                }
                end = block ? (end < 0 ? n : end + 3) : Math.min(n, end + 1);
                out.append("\"\"");
                i = end;
            } else if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int end = java.charAt(i + 1) == '\\' ? java.indexOf('\'', i + 3) : i + 2;
                out.append(java, i, end + 1);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Map<String, String>> deps = dependencies();
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        deps.forEach((from, to) -> {
            g.addVertex(from);
            to.keySet().forEach(t -> {
                g.addVertex(t);
                g.addEdge(from, t);
            });
        });
        Set<String> inCycles = new TreeSet<>(new CycleDetector<>(g).findCycles());
        List<String> edges = new ArrayList<>();
        for (String from : inCycles) {
            for (Map.Entry<String, String> e : deps.get(from).entrySet()) {
                if (inCycles.contains(e.getKey())) {
                    edges.add(from + " -> " + e.getKey() + " (" + e.getValue() + ")");
                }
            }
        }
        assertEquals(List.of(), edges, "dependencies among packages in a cycle");
    }

    @Test
    void dependenciesPointDownTheLayers() throws IOException {
        Map<String, Map<String, String>> deps = dependencies();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : deps.entrySet()) {
            assertTrue(layer(e.getKey()) >= 0, "package " + e.getKey() + " has a layer in this test");
            for (Map.Entry<String, String> to : e.getValue().entrySet()) {
                if (layer(to.getKey()) > layer(e.getKey())) {
                    wrong.add(e.getKey() + " -> " + to.getKey() + " (" + to.getValue() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, "dependencies pointing up");
    }

    @Test
    void theParserSeesReferencesAndSkipsComments() {
        String java = "package org.acuteflow.a;\nimport org.acuteflow.b.X;\n/** {@link org.acuteflow.c.Y} */\n"
                + "class Z { String s = \"// org.acuteflow.f.U\"; org.acuteflow.d.W w; // org.acuteflow.e.V\n}";
        String text = withoutComments(java);
        Matcher m = REFERENCE.matcher(text);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(Set.of("b", "d"), found);
    }
}
