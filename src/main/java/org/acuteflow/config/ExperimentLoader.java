package org.acuteflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an experiment file into an {@link Experiment}: strict keys, ranges checked, every problem reported with
 * its file and line. Model parameters are merged in this order, later winning: the built-in defaults
 * ({@link #DEFAULTS_RESOURCES}), the experiment's {@code parameter_files} in order, its {@code parameters}, then
 * each scenario's {@code parameters}.
 */
public final class ExperimentLoader {
    /** Built-in defaults, one file per part of the model, each a mapping under its own top-level key. */
    public static final java.util.List<String> DEFAULTS_RESOURCES = java.util.List.of(
            "/acuteflow/defaults/demand.yaml", "/acuteflow/defaults/ems.yaml",
            "/acuteflow/defaults/hospital.yaml", "/acuteflow/defaults/outcome.yaml",
            "/acuteflow/defaults/stemi.yaml");

    /**
     * Longest experiment or scenario name: names become folder and file names, which file systems limit to 255
     * bytes, with room for a time stamp or replication suffix.
     */
    public static final int MAX_NAME = 100;

    /** The experiment file's own keys, bound strictly; optional ones are filled before binding. */
    record ExperimentFile(String name, String description, String network, RunFile run, List<String> outputs,
                          String baseline, List<String> parameterFiles, JsonNode parameters,
                          List<ScenarioFile> scenarios) {
    }

    record SweepFile(String configuration, String closeEach, boolean closeServiceOnly, List<String> sites,
                     java.util.Map<String, List<JsonNode>> grid) {
    }

    record RunFile(double days, double warmupDays, int replications, long seed, int threads, int psaDraws) {
    }

    record ScenarioFile(String name, String description, String configuration, JsonNode parameters,
                        List<String> closeSites, List<NetworkEdits.SiteService> closeServices,
                        List<NetworkEdits.SiteService> openServices, JsonNode coverProfiles, JsonNode cover,
                        JsonNode beds, JsonNode fleet, JsonNode providerNetworks, JsonNode routing) {
    }

    private ExperimentLoader() {
    }

    /** The built-in default model parameters, with their sources. */
    public static YamlTrees.Located defaults() {
        JsonNode merged = JsonNodeFactory.instance.objectNode();
        SourceMap sources = new SourceMap("built-in defaults");
        for (String resource : DEFAULTS_RESOURCES) {
            try (InputStream in = ExperimentLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                String name = "built-in " + resource.substring(resource.lastIndexOf('/') + 1);
                YamlTrees.Located part = YamlTrees.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
                merged = YamlTrees.merge(merged, part.tree());
                sources.putAll(part.sources(), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new YamlTrees.Located(merged, sources);
    }

    public static Experiment load(Path file) {
        String fileName = file.toString();
        YamlTrees.Located located = YamlTrees.read(file);
        JsonNode tree = located.tree();
        SourceMap sources = located.sources();
        if (!tree.isObject()) {
            throw InputException.of(fileName, 1, null, "must be a YAML mapping with keys name, network, run, scenarios");
        }
        ObjectNode filled = fillOptional((ObjectNode) tree);
        // The optional sweep section is bound on its own: records cannot hold an absent section.
        JsonNode sweepTree = filled.remove("sweep");
        ExperimentFile raw = Binder.bind(filled, ExperimentFile.class, sources, "");
        SweepFile rawSweep = sweepTree == null || sweepTree.isNull() ? null
                : Binder.bind(sweepTree, SweepFile.class, sources, "sweep");

        Problems problems = sources.problems();
        if (raw.name() == null || raw.name().isBlank()) {
            problems.add("name", "must not be empty");
        } else if (!raw.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add("name", "must be letters, digits, '.', '_' or '-' (it names the results folder), got '"
                    + YamlTrees.shorten(raw.name()) + "'");
        } else if (raw.name().length() > MAX_NAME) {
            problems.add("name", "has " + raw.name().length() + " characters; it names the results folder, so at most "
                    + MAX_NAME + " are allowed");
        }
        RunControl run = new RunControl(raw.run().days(), raw.run().warmupDays(), raw.run().replications(),
                raw.run().seed(), raw.run().threads(), raw.run().psaDraws());
        run.validate(problems, "run");

        Path base = file.toAbsolutePath().getParent();
        Path networkDir = null;
        if (raw.network() == null || raw.network().isBlank()) {
            problems.add("network", "must name the network folder, e.g. ../networks/london");
        } else {
            networkDir = base.resolve(raw.network()).normalize();
            String notFolder = InputFiles.notAFolder(networkDir);
            if (notFolder != null) {
                problems.add("network", "folder " + networkDir + " " + notFolder);
                networkDir = null;
            }
        }

        Set<String> outputs = new LinkedHashSet<>();
        for (int i = 0; i < raw.outputs().size(); i++) {
            String o = raw.outputs().get(i);
            if (!Experiment.OUTPUTS.contains(o)) {
                problems.add("outputs[" + i + "]", "unknown output '" + o + "'; use any of " + Experiment.OUTPUTS);
            } else if (!outputs.add(o)) {
                problems.add("outputs[" + i + "]", "output '" + o + "' is listed twice");
            }
        }

        // Parameters: defaults <- parameter files <- experiment parameters.
        YamlTrees.Located defaults = defaults();
        JsonNode params = defaults.tree();
        SourceMap paramSources = new SourceMap(fileName);
        paramSources.putAll(defaults.sources(), "parameters");
        for (int i = 0; i < raw.parameterFiles().size(); i++) {
            Path pf = base.resolve(raw.parameterFiles().get(i)).normalize();
            String unreadable = InputFiles.unreadable(pf, InputFiles.MAX_YAML_BYTES, "a YAML file");
            if (unreadable != null) {
                problems.add("parameter_files[" + i + "]", "file " + pf + ": " + unreadable);
                continue;
            }
            YamlTrees.Located p;
            try {
                p = YamlTrees.read(pf);
            } catch (InputException e) {
                problems.addAll(e.problems());
                continue;
            }
            if (!p.tree().isObject()) {
                problems.add(new InputProblem(pf.toString(), 1, 0, null, "must be a YAML mapping of model parameters"));
                continue;
            }
            params = YamlTrees.merge(params, p.tree());
            paramSources.putAll(p.sources(), "parameters");
        }
        params = YamlTrees.merge(params, mappingOrEmpty(raw.parameters(), "parameters", problems));
        paramSources.putAll(subMap(sources, "parameters"), "parameters");
        Set<String> sections = new LinkedHashSet<>();
        defaults.tree().fieldNames().forEachRemaining(sections::add);
        unknownSections(params, sections, paramSources, "parameters", problems);

        List<ScenarioSpec> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        SweepSpec sweep = null;
        if (rawSweep != null) {
            SweepFile sw = rawSweep;
            sweep = new SweepSpec(sw.configuration(), sw.closeEach(), sw.closeServiceOnly(), sw.sites(), sw.grid());
            if (!sw.sites().isEmpty() && sw.closeEach().isBlank()) {
                problems.add("sweep.sites", "lists the sites to close in turn: also give close_each (the service)");
            }
            if (sw.configuration() == null || sw.configuration().isBlank()) {
                problems.add("sweep.configuration", "must name the configuration every swept scenario starts from");
            } else {
                knownConfiguration(networkDir, sw.configuration(), "sweep.configuration", problems);
            }
            if (sw.closeEach().isBlank() && sweep.grid().isEmpty()) {
                problems.add("sweep", "give close_each (a service) or a parameter grid, or both");
            }
            sweep.grid().forEach((path, values) -> {
                if (values.isEmpty()) {
                    problems.add("sweep.grid." + path, "lists no values");
                }
                if (path.equals("configuration")) {
                    for (int i = 0; i < values.size(); i++) {
                        if (!values.get(i).isTextual() || values.get(i).asText().isBlank()) {
                            problems.add("sweep.grid.configuration[" + i + "]", "must name a configuration of the network");
                        }
                    }
                }
            });
            if (!raw.scenarios().isEmpty()) {
                problems.add("scenarios", "a sweep generates its scenarios: remove 'scenarios' or 'sweep'");
            }
        } else if (raw.scenarios().isEmpty()) {
            problems.add("scenarios", "must list at least one scenario");
        }
        for (int i = 0; i < raw.scenarios().size(); i++) {
            ScenarioFile s = raw.scenarios().get(i);
            String path = "scenarios[" + i + "]";
            if (s.name() == null || !s.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                problems.add(path + ".name", "must be letters, digits, '.', '_' or '-', got '"
                        + (s.name() == null ? "" : YamlTrees.shorten(s.name())) + "'");
            } else if (s.name().length() > MAX_NAME) {
                problems.add(path + ".name", "has " + s.name().length() + " characters; it names output files, so at "
                        + "most " + MAX_NAME + " are allowed");
            } else if (!names.add(s.name())) {
                problems.add(path + ".name", "scenario '" + s.name() + "' is defined twice; names must be unique");
            }
            if (s.configuration() == null || s.configuration().isBlank()) {
                problems.add(path + ".configuration", "must name a configuration of the network");
            } else {
                knownConfiguration(networkDir, s.configuration(), path + ".configuration", problems);
            }
            JsonNode scenarioParams = YamlTrees.merge(params, mappingOrEmpty(s.parameters(), path + ".parameters",
                    problems));
            SourceMap scenarioSources = new SourceMap(fileName);
            scenarioSources.putAll(paramSources, "");
            // A scenario override is reported where the scenario wrote it; its other keys keep their own paths.
            scenarioSources.putAll(subMap(sources, path), path);
            scenarioSources.putAll(subMap(sources, path + ".parameters"), "parameters");
            if (s.parameters() != null && s.parameters().isObject()) {
                unknownSections(s.parameters(), sections, sources, path + ".parameters", problems);
            }
            scenarios.add(new ScenarioSpec(i, s.name(), s.description(), s.configuration(), scenarioParams,
                    scenarioSources, new NetworkEdits(s.closeSites(), s.closeServices(), s.openServices()),
                    overlay(s)));
        }

        String baseline = raw.baseline();
        if (sweep != null) {
            if (!baseline.isBlank()) {
                problems.add("baseline", "a sweep's baseline is its unmodified configuration: remove 'baseline'");
            }
            // Generated scenarios start from the experiment-level parameters; the expander adds the rest.
            SourceMap sweepSources = new SourceMap(fileName);
            sweepSources.putAll(paramSources, "");
            sweepSources.putAll(subMap(sources, "sweep"), "sweep");
            scenarios.add(new ScenarioSpec(0, "base", "the unmodified configuration", sweep.configuration(), params,
                    sweepSources, NetworkEdits.NONE));
            baseline = "base";
        } else if (baseline == null || baseline.isBlank()) {
            baseline = raw.scenarios().isEmpty() ? "" : raw.scenarios().get(0).name();
        } else if (!names.contains(baseline)) {
            problems.add("baseline", "names no scenario: '" + baseline + "'" + Suggest.didYouMean(baseline, names)
                    + "; scenarios are " + names);
        }
        problems.throwIfAny();
        return new Experiment(raw.name(), raw.description(), file, sha256(file), networkDir, run, outputs,
                baseline, scenarios, sweep);
    }

    /**
     * A configuration is a file {@code configurations/<name>.yaml} of the network. Checked here so that a misspelt
     * name is reported at the line of the experiment that wrote it (the network loader only knows the file it
     * looked for).
     */
    private static void knownConfiguration(Path networkDir, String name, String path, Problems problems) {
        Path folder = networkDir == null ? null : networkDir.resolve("configurations");
        // Without the folder the network loader reports the network itself as incomplete.
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        boolean exists;
        try {
            exists = !name.contains("/") && !name.contains("\\") && Files.isRegularFile(folder.resolve(name + ".yaml"));
        } catch (java.nio.file.InvalidPathException e) {
            exists = false;
        }
        if (exists) {
            return;
        }
        List<String> known = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().forEach(known::add);
        } catch (IOException e) {
            // The list is only a hint.
        }
        problems.add(path, "unknown configuration '" + name + "'" + Suggest.didYouMean(name, known) + "; the network " + networkDir + " has " + known
                + " (files in its configurations/ folder)");
    }

    /**
     * A scenario's own configuration keys (cover, beds, fleet, cover profiles, provider networks, routing) as one
     * overlay;
     * empty for none.
     */
    private static ObjectNode overlay(ScenarioFile s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        java.util.Map<String, JsonNode> keys = new java.util.LinkedHashMap<>();
        keys.put("cover_profiles", s.coverProfiles());
        keys.put("cover", s.cover());
        keys.put("beds", s.beds());
        keys.put("fleet", s.fleet());
        keys.put("provider_networks", s.providerNetworks());
        keys.put("routing", s.routing());
        keys.forEach((k, v) -> {
            if (v != null && !v.isNull()) {
                o.set(k, v);
            }
        });
        return o;
    }

    /** A parameters block: a mapping; an empty key ({@code parameters:}) means none; anything else is a problem. */
    private static JsonNode mappingOrEmpty(JsonNode node, String path, Problems problems) {
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            problems.add(path, "must be a mapping of parameter sections (demand, ems, hospital, outcome), got '"
                    + node.asText() + "'");
            return JsonNodeFactory.instance.objectNode();
        }
        return node;
    }

    /**
     * Model parameters are bound part by part (demand, ems, hospital, outcome), each strictly; a top-level key
     * that names no part would otherwise be ignored, so a misspelt section would silently change nothing.
     */
    private static void unknownSections(JsonNode params, Set<String> sections, SourceMap where, String prefix,
                                        Problems problems) {
        if (params == null || !params.isObject()) {
            return;
        }
        params.fieldNames().forEachRemaining(key -> {
            if (!sections.contains(key)) {
                String field = prefix + "." + key;
                InputProblem at = where.locate(field);
                problems.add(new InputProblem(at.file(), at.line(), at.column(), field, "unknown parameter section '"
                        + key + "'" + Suggest.didYouMean(key, sections) + "; expected one of: " + String.join(", ", sections)));
            }
        });
    }

    /** The entries of {@code sources} under {@code prefix}, re-rooted (prefix removed). */
    private static SourceMap subMap(SourceMap sources, String prefix) {
        return sources.under(prefix);
    }

    private static ObjectNode fillOptional(ObjectNode tree) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode t = tree.deepCopy();
        putIfAbsent(t, "description", f.textNode(""));
        putIfAbsent(t, "outputs", f.arrayNode().add("differences").add("report").add("charts").add("geojson"));
        putIfAbsent(t, "baseline", f.textNode(""));
        putIfAbsent(t, "parameter_files", f.arrayNode());
        putIfAbsent(t, "parameters", f.objectNode());
        putIfAbsent(t, "scenarios", f.arrayNode());
        if (t.get("sweep") instanceof ObjectNode sw) {
            putIfAbsent(sw, "close_each", f.textNode(""));
            putIfAbsent(sw, "close_service_only", f.booleanNode(false));
            putIfAbsent(sw, "sites", f.arrayNode());
            putIfAbsent(sw, "grid", f.objectNode());
        }
        if (t.get("run") instanceof ObjectNode run) {
            putIfAbsent(run, "threads", f.numberNode(0));
            putIfAbsent(run, "warmup_days", f.numberNode(0));
            putIfAbsent(run, "psa_draws", f.numberNode(RunControl.DEFAULT_PSA_DRAWS));
        }
        if (t.get("scenarios").isArray()) {
            for (JsonNode s : t.get("scenarios")) {
                if (s instanceof ObjectNode so) {
                    putIfAbsent(so, "description", f.textNode(""));
                    putIfAbsent(so, "parameters", f.objectNode());
                    putIfAbsent(so, "close_sites", f.arrayNode());
                    putIfAbsent(so, "close_services", f.arrayNode());
                    putIfAbsent(so, "open_services", f.arrayNode());
                    for (String key : List.of("cover_profiles", "cover", "beds", "fleet", "provider_networks", "routing")) {
                        putIfAbsent(so, key, f.nullNode());
                    }
                }
            }
        }
        return t;
    }

    private static void putIfAbsent(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest(Files.readAllBytes(file));
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw InputException.of(file.toString(), 0, null, "cannot be read: " + e.getMessage());
        }
    }
}
