package org.acuteflow.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.SourceMap;

/**
 * A strict, problem-collecting view of a YAML tree: unknown keys and wrong types are recorded (with the file
 * and line from the {@link SourceMap}) instead of thrown, so that a check reports every problem in a file at
 * once. A missing node reads as absent.
 */
final class YamlNode {
    private final JsonNode node;
    private final String path;
    private final SourceMap sources;
    private final List<InputProblem> problems;

    YamlNode(JsonNode node, String path, SourceMap sources, List<InputProblem> problems) {
        this.node = node;
        this.path = path;
        this.sources = sources;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    boolean isMapping() {
        return present() && node.isObject();
    }

    void problem(String message) {
        problemAt(path, message);
    }

    void problemAt(String at, String message) {
        InputProblem where = sources.locate(at);
        problems.add(new InputProblem(where.file(), where.line(), where.column(), at, message));
    }

    /** Records a problem for every key not in {@code allowed}. Returns false if this is not a mapping. */
    boolean mapping(Set<String> allowed) {
        if (!present()) {
            return false;
        }
        if (!node.isObject()) {
            problem("must be a mapping");
            return false;
        }
        if (allowed != null) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    problemAt(child(k), "unknown key '" + k + "'"
                            + org.acuteflow.config.Suggest.didYouMean(k, allowed) + "; expected one of " + allowed.stream().sorted().toList());
                }
            }
        }
        return true;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YamlNode get(String key) {
        return new YamlNode(node != null && node.isObject() ? node.get(key) : null, child(key), sources, problems);
    }

    /** The entries of a mapping in file order (empty if absent or not a mapping). */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (present() && node.isObject()) {
            node.fieldNames().forEachRemaining(k -> out.put(k, get(k)));
        } else if (present()) {
            problem("must be a mapping");
        }
        return out;
    }

    List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (!present()) {
            return out;
        }
        if (!node.isArray()) {
            problem("must be a list, e.g. [a, b]");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(new YamlNode(node.get(i), path + "[" + i + "]", sources, problems));
        }
        return out;
    }

    /** Text value, or {@code fallback} when absent; a problem (and fallback) when required and absent. */
    String text(String fallback, boolean required) {
        if (!present()) {
            if (required) {
                problem("is required");
            }
            return fallback;
        }
        if (!node.isValueNode()) {
            problem("must be text");
            return fallback;
        }
        return node.asText();
    }

    double number(double fallback, boolean required) {
        if (!present()) {
            if (required) {
                problem("is required");
            }
            return fallback;
        }
        if (!node.isNumber()) {
            problem("must be a number, got '" + node.asText() + "'");
            return Double.NaN;
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            problem("must be a finite number");
            return Double.NaN;
        }
        return v;
    }

    double[] numbers(boolean required) {
        if (!present()) {
            if (required) {
                problem("is required");
            }
            return new double[0];
        }
        List<YamlNode> items = items();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).number(Double.NaN, true);
        }
        return out;
    }

    /** A list of text items; a single text value is read as a one-item list. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        if (!present()) {
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        for (YamlNode item : items()) {
            String s = item.text(null, true);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
