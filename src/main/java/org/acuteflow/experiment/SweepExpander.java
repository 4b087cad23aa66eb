package org.acuteflow.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Suggest;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.config.SweepSpec;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;

/**
 * Turns a sweep into scenarios: the unmodified configuration first (the baseline), then one scenario per site
 * closure and/or per point of the parameter grid (their product when both are given). Sites are taken in
 * network order, grid paths in name order, so the same file always gives the same scenarios.
 */
public final class SweepExpander {
    /**
     * The grid axis that varies the network configuration instead of a parameter, so that a grid can run over
     * routing thresholds or service layouts kept as configuration files.
     */
    public static final String CONFIGURATION_AXIS = "configuration";

    private SweepExpander() {
    }

    /**
     * @param networks loads the network with a configuration applied (closures need to know which sites offer
     *                 the swept service)
     */
    public static Experiment expand(Experiment experiment, Function<String, Network> networks) {
        SweepSpec sweep = experiment.sweep();
        if (sweep == null || experiment.scenarios().size() > 1) {
            return experiment; // not a sweep, or already expanded (a sweep holds only its base until then)
        }
        ScenarioSpec base = experiment.scenarios().get(0);
        List<NetworkEdits> closures = new ArrayList<>();
        List<String> closureNames = new ArrayList<>();
        List<String> closureDescriptions = new ArrayList<>();
        if (!sweep.closeEach().isBlank()) {
            Service service;
            try {
                service = Service.parse(sweep.closeEach());
            } catch (IllegalArgumentException e) {
                InputException located = InputException.of(experiment.file().toString(),
                        base.sources().locate("sweep.close_each").line(), "sweep.close_each", e.getMessage());
                throw located;
            }
            Network network = networks.apply(sweep.configuration());
            java.util.Set<String> wanted = new java.util.HashSet<>(sweep.sites());
            for (int i = 0; i < sweep.sites().size(); i++) {
                String id = sweep.sites().get(i);
                boolean offered = network.sites().stream().anyMatch(s -> s.id().equals(id) && s.offers(service));
                if (!offered) {
                    throw InputException.of(experiment.file().toString(),
                            base.sources().locate("sweep.sites[" + i + "]").line(), "sweep.sites[" + i + "]",
                            "site '" + id + "' is unknown or does not offer " + service.key() + " in configuration "
                                    + sweep.configuration());
                }
            }
            for (Site site : network.sites()) {
                if (!site.offers(service) || (!wanted.isEmpty() && !wanted.contains(site.id()))) {
                    continue;
                }
                NetworkEdits edits = sweep.closeServiceOnly()
                        ? new NetworkEdits(List.of(), List.of(new NetworkEdits.SiteService(site.id(), service.key())), List.of())
                        : new NetworkEdits(List.of(site.id()), List.of(), List.of());
                closures.add(edits);
                closureNames.add("close-" + safe(site.id()));
                closureDescriptions.add((sweep.closeServiceOnly() ? "withdraw " + service.key() + " at " : "close ")
                        + site.name());
            }
            if (closures.isEmpty()) {
                throw InputException.of(experiment.file().toString(), 0, "sweep.close_each",
                        "no open site offers '" + sweep.closeEach() + "' in configuration " + sweep.configuration());
            }
        } else {
            closures.add(NetworkEdits.NONE);
            closureNames.add("");
            closureDescriptions.add("");
        }

        checkGrid(experiment, base, sweep);
        List<List<Map.Entry<String, JsonNode>>> points = gridPoints(sweep.grid());
        Map<String, String> named = new java.util.HashMap<>();
        List<ScenarioSpec> out = new ArrayList<>();
        out.add(base.withIndex(0));
        for (int c = 0; c < closures.size(); c++) {
            for (List<Map.Entry<String, JsonNode>> point : points) {
                if (closures.get(c).isEmpty() && point.isEmpty()) {
                    continue;
                }
                JsonNode params = base.parameters().deepCopy();
                // A swept value is reported where the sweep wrote it, not where the value it replaces was.
                SourceMap sources = base.sources().copy();
                String configuration = sweep.configuration();
                StringBuilder name = new StringBuilder(closureNames.get(c));
                StringBuilder description = new StringBuilder(closureDescriptions.get(c));
                for (Map.Entry<String, JsonNode> setting : point) {
                    if (setting.getKey().equals(CONFIGURATION_AXIS)) {
                        configuration = setting.getValue().asText();
                    } else {
                        set((ObjectNode) params, setting.getKey(), setting.getValue());
                        InputProblem at = base.sources().locate(valuePath(sweep, setting));
                        sources.put("parameters." + setting.getKey(), at.file(), at.line(), at.column());
                    }
                    String leaf = setting.getKey().substring(setting.getKey().lastIndexOf('.') + 1);
                    if (name.length() > 0) {
                        name.append('_');
                        description.append(", ");
                    }
                    name.append(safe(leaf + "-" + valueLabel(sweep.grid().get(setting.getKey()), setting.getValue())));
                    description.append(setting.getKey()).append(" = ").append(setting.getValue().toString());
                }
                String previous = named.putIfAbsent(name.toString(), description.toString());
                if (previous != null || name.toString().equals(base.name())) {
                    String field = point.isEmpty() ? "sweep" : valuePath(sweep, point.get(point.size() - 1));
                    throw located(experiment, base, field, "gives two scenarios the same name '" + name
                            + "' (" + (previous == null ? "the base" : previous) + "; " + description
                            + "): list each value once");
                }
                if (name.length() > ExperimentLoader.MAX_NAME) {
                    throw located(experiment, base, point.isEmpty() ? "sweep" : "sweep.grid",
                            "makes the scenario name '" + name.substring(0, 40) + "...' of " + name.length()
                                    + " characters; names may have at most " + ExperimentLoader.MAX_NAME
                                    + ": use shorter ids or values");
                }
                out.add(new ScenarioSpec(out.size(), name.toString(), description.toString(), configuration,
                        params, sources, closures.get(c)));
            }
        }
        return experiment.withScenarios(out);
    }

    /** Where the sweep wrote one value of a grid axis. */
    private static String valuePath(SweepSpec sweep, Map.Entry<String, JsonNode> setting) {
        List<JsonNode> values = sweep.grid().get(setting.getKey());
        int k = 0;
        while (k < values.size() && values.get(k) != setting.getValue()) {
            k++;
        }
        return "sweep.grid." + setting.getKey() + "[" + k + "]";
    }

    private static InputException located(Experiment experiment, ScenarioSpec base, String field, String message) {
        InputProblem at = base.sources().locate(field);
        return new InputException(new InputProblem(at.file(), at.line(), at.column(), field, message));
    }

    /**
     * Every grid path must name a parameter that exists (in the built-in defaults, parameter files or the
     * experiment): a misspelt path would otherwise add a key nothing reads, and the swept scenarios would all be
     * the base. Reported together, each at its line.
     */
    private static void checkGrid(Experiment experiment, ScenarioSpec base, SweepSpec sweep) {
        Problems problems = base.sources().problems();
        for (String path : sweep.grid().keySet()) {
            if (path.equals(CONFIGURATION_AXIS)) {
                continue;
            }
            String field = "sweep.grid." + path;
            String[] parts = path.split("\\.", -1);
            JsonNode node = base.parameters();
            StringBuilder seen = new StringBuilder();
            for (String part : parts) {
                JsonNode child = node != null && node.isObject() ? node.get(part) : null;
                if (child == null) {
                    java.util.List<String> keys = new ArrayList<>();
                    if (node != null && node.isObject()) {
                        node.fieldNames().forEachRemaining(keys::add);
                    }
                    problems.add(field, "names no model parameter: " + (seen.length() == 0 ? "there is no section '"
                            + part + "'" : "'" + seen + "' has no '" + part + "'") + Suggest.didYouMean(part, keys)
                            + (keys.isEmpty() ? "" : "; it has " + keys.stream().sorted().toList()));
                    break;
                }
                seen.append(seen.length() == 0 ? "" : ".").append(part);
                node = child;
            }
        }
        problems.throwIfAny();
    }

    /** Cartesian product of the grid; one empty point when there is no grid. */
    static List<List<Map.Entry<String, JsonNode>>> gridPoints(Map<String, List<JsonNode>> grid) {
        List<List<Map.Entry<String, JsonNode>>> points = new ArrayList<>();
        points.add(List.of());
        for (Map.Entry<String, List<JsonNode>> axis : grid.entrySet()) {
            List<List<Map.Entry<String, JsonNode>>> next = new ArrayList<>();
            for (List<Map.Entry<String, JsonNode>> p : points) {
                for (JsonNode v : axis.getValue()) {
                    List<Map.Entry<String, JsonNode>> q = new ArrayList<>(p);
                    q.add(Map.entry(axis.getKey(), v));
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** A scalar names itself; a mapping (e.g. a distribution) is named by its position in the list, from 1. */
    private static String valueLabel(List<JsonNode> values, JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        return "v" + (values.indexOf(value) + 1);
    }

    private static void set(ObjectNode root, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value.deepCopy());
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
