package org.acuteflow.optimise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.Binder;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.network.BaseNetwork;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.network.Service;

/**
 * Reads a location problem file strictly, like experiment files: unknown keys, wrong types and values out of
 * range are reported all at once with file, line and field; site ids are checked against the network.
 */
public final class ProblemLoader {

    record ProblemFile(String name, String description, String network, String baseConfiguration, String service,
                       List<String> companionServices, List<String> candidates, List<String> fixedOpen,
                       List<String> fixedClosed, JsonNode k, ObjectiveFile objective, JsonNode constraints,
                       double aggregationKm, int pool, Map<String, List<String>> compare, SelectionFile selection,
                       JsonNode parameters) {
    }

    record KRange(int min, int max) {
    }

    record ObjectiveFile(String type, String weight, double withinMinutes, double patientsPerWeightPerYear,
                         double treatedShare) {
    }

    record CapacityFile(int defaultBeds, double lengthOfStayDays, double occupancy) {
    }

    record ProviderFile(String file, String column, int min) {
    }

    record SelectionFile(int k, String metric, double indifference, double probability, int firstStage,
                         int maxReplications, double days, double warmupDays, long seed) {
    }

    private static final Set<String> CONSTRAINT_KEYS = Set.of("max_minutes", "capacity", "per_provider_network");

    private ProblemLoader() {
    }

    public static LocationProblem load(Path file) {
        String fileName = file.toString();
        YamlTrees.Located located = YamlTrees.read(file);
        SourceMap sources = located.sources();
        if (!located.tree().isObject()) {
            throw InputException.of(fileName, 1, null,
                    "must be a YAML mapping with keys name, network, base_configuration, service, candidates, k, "
                            + "objective, selection");
        }
        ObjectNode tree = ((ObjectNode) located.tree()).deepCopy();
        putIfAbsent(tree, "description", JsonNodeFactory.instance.textNode(""));
        putIfAbsent(tree, "companion_services", JsonNodeFactory.instance.arrayNode());
        putIfAbsent(tree, "fixed_open", JsonNodeFactory.instance.arrayNode());
        putIfAbsent(tree, "fixed_closed", JsonNodeFactory.instance.arrayNode());
        putIfAbsent(tree, "constraints", JsonNodeFactory.instance.objectNode());
        putIfAbsent(tree, "aggregation_km", JsonNodeFactory.instance.numberNode(0));
        putIfAbsent(tree, "pool", JsonNodeFactory.instance.numberNode(10));
        putIfAbsent(tree, "compare", JsonNodeFactory.instance.objectNode());
        putIfAbsent(tree, "parameters", JsonNodeFactory.instance.objectNode());
        if (tree.get("objective") instanceof ObjectNode o) {
            putIfAbsent(o, "within_minutes", JsonNodeFactory.instance.numberNode(0));
            putIfAbsent(o, "patients_per_weight_per_year", JsonNodeFactory.instance.numberNode(1));
            putIfAbsent(o, "treated_share", JsonNodeFactory.instance.numberNode(0));
        }
        if (tree.get("selection") instanceof ObjectNode s) {
            putIfAbsent(s, "k", JsonNodeFactory.instance.numberNode(0));
            putIfAbsent(s, "warmup_days", JsonNodeFactory.instance.numberNode(0));
        }
        ProblemFile raw = Binder.bind(tree, ProblemFile.class, sources, "");
        Problems problems = sources.problems();

        if (raw.name() == null || !raw.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add("name", "must be letters, digits, '.', '_' or '-' (it names the results folder), got '"
                    + raw.name() + "'");
        }
        Path base = file.toAbsolutePath().getParent();
        Path networkDir = base.resolve(raw.network()).normalize();
        BaseNetwork network = null;
        if (!Files.isDirectory(networkDir)) {
            problems.add("network", "folder " + networkDir + " does not exist");
        } else {
            network = NetworkLoader.loadBase(networkDir);
            if (!NetworkLoader.configurations(networkDir).contains(raw.baseConfiguration())) {
                problems.add("base_configuration", "unknown configuration '" + raw.baseConfiguration()
                        + "'; the network has " + NetworkLoader.configurations(networkDir));
            }
        }
        Service service = service(raw.service(), "service", problems);
        List<Service> companions = new ArrayList<>();
        for (int i = 0; i < raw.companionServices().size(); i++) {
            Service c = service(raw.companionServices().get(i), "companion_services[" + i + "]", problems);
            if (c != null) {
                companions.add(c);
            }
        }
        Set<String> siteIds = new HashSet<>();
        if (network != null) {
            network.sites().forEach(s -> siteIds.add(s.id()));
        }
        Set<String> seen = new HashSet<>();
        checkSites(raw.candidates(), "candidates", siteIds, network != null, seen, problems);
        checkSites(raw.fixedOpen(), "fixed_open", siteIds, network != null, seen, problems);
        checkSites(raw.fixedClosed(), "fixed_closed", siteIds, network != null, seen, problems);
        if (raw.candidates().isEmpty()) {
            problems.add("candidates", "must list at least one site");
        }

        KRange k = kRange(raw.k(), sources, problems);
        int free = raw.candidates().size();
        if (k != null) {
            if (k.min() < 1 || k.max() < k.min()) {
                problems.add("k", "must be a whole number >= 1, or {min, max} with 1 <= min <= max; got " + k);
            } else if (k.max() > free) {
                problems.add("k", "asks for up to " + k.max() + " open units but only " + free
                        + " candidate sites are listed");
            }
        }

        ObjectiveFile of = raw.objective();
        LocationProblem.ObjectiveType type = enumValue(of.type(), LocationProblem.ObjectiveType.class,
                "objective.type", problems);
        LocationProblem.Weight weight = enumValue(of.weight(), LocationProblem.Weight.class, "objective.weight",
                problems);
        if (type == LocationProblem.ObjectiveType.MAX_COVERING) {
            problems.positive("objective.within_minutes", of.withinMinutes());
        } else if (of.withinMinutes() != 0) {
            problems.add("objective.within_minutes", "is used only by max_covering");
        }
        problems.positive("objective.patients_per_weight_per_year", of.patientsPerWeightPerYear());
        problems.probability("objective.treated_share", of.treatedShare());
        if (type == LocationProblem.ObjectiveType.EXPECTED_OUTCOME && service != null && isStroke(service)
                && of.treatedShare() == 0) {
            problems.add("objective.treated_share", "expected_outcome for a stroke service needs the share of "
                    + "patients thrombolysed (the travel effect acts through onset-to-needle time)");
        }
        LocationProblem.Objective objective = new LocationProblem.Objective(type, weight, of.withinMinutes(),
                of.patientsPerWeightPerYear(), of.treatedShare());

        // Constraints: each part optional, each bound strictly on its own.
        double maxMinutes = Double.NaN;
        LocationProblem.Capacity capacity = null;
        LocationProblem.ProviderNetworks networks = null;
        JsonNode c = raw.constraints();
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                problems.add("constraints", "must be a mapping with any of " + CONSTRAINT_KEYS);
            } else {
                c.fieldNames().forEachRemaining(key -> {
                    if (!CONSTRAINT_KEYS.contains(key)) {
                        problems.add("constraints." + key, "unknown key '" + key + "'; expected one of: "
                                + String.join(", ", new java.util.TreeSet<>(CONSTRAINT_KEYS)));
                    }
                });
                if (c.has("max_minutes")) {
                    JsonNode m = c.get("max_minutes");
                    if (!m.isNumber()) {
                        problems.add("constraints.max_minutes", "expected a number of minutes, got '" + m.asText() + "'");
                    } else if (problems.positive("constraints.max_minutes", m.asDouble())) {
                        maxMinutes = m.asDouble();
                    }
                }
                if (c.has("capacity")) {
                    CapacityFile cf = Binder.bind(c.get("capacity"), CapacityFile.class, sources, "constraints.capacity");
                    problems.inRange("constraints.capacity.default_beds", cf.defaultBeds(), 1, 10_000);
                    problems.positive("constraints.capacity.length_of_stay_days", cf.lengthOfStayDays());
                    if (problems.positive("constraints.capacity.occupancy", cf.occupancy())) {
                        problems.probability("constraints.capacity.occupancy", cf.occupancy());
                    }
                    capacity = new LocationProblem.Capacity(cf.defaultBeds(), cf.lengthOfStayDays(), cf.occupancy());
                    if (type == LocationProblem.ObjectiveType.MAX_COVERING) {
                        problems.add("constraints.capacity", "applies to p_median and expected_outcome, which assign "
                                + "demand to units; max_covering does not");
                    }
                }
                if (c.has("per_provider_network")) {
                    ProviderFile pf = Binder.bind(c.get("per_provider_network"), ProviderFile.class, sources,
                            "constraints.per_provider_network");
                    Path pfile = base.resolve(pf.file()).normalize();
                    if (!Files.isRegularFile(pfile)) {
                        problems.add("constraints.per_provider_network.file", "file " + pfile + " does not exist");
                    }
                    problems.inRange("constraints.per_provider_network.min", pf.min(), 1, 1000);
                    networks = new LocationProblem.ProviderNetworks(pfile, pf.column(), pf.min());
                }
            }
        }
        problems.nonNegative("aggregation_km", raw.aggregationKm());
        problems.inRange("pool", raw.pool(), 1, 200);

        Map<String, List<String>> compare = new LinkedHashMap<>();
        raw.compare().forEach((label, sites) -> {
            checkSites(sites, "compare." + label, siteIds, siteIds.size() > 0, new HashSet<>(), problems);
            compare.put(label, List.copyOf(sites));
        });

        SelectionFile sf = raw.selection();
        int selK = sf.k();
        if (k != null) {
            if (selK == 0) {
                if (k.min() != k.max()) {
                    problems.add("selection.k", "k is a range: name the k whose layouts the simulation re-scores");
                }
                selK = k.min();
            } else if (selK < k.min() || selK > k.max()) {
                problems.add("selection.k", "must lie in the k range " + k.min() + ".." + k.max() + ", got " + selK);
            }
        }
        if (sf.metric() == null || sf.metric().isBlank()) {
            problems.add("selection.metric", "must name a replication metric, e.g. deaths_total");
        }
        problems.positive("selection.indifference", sf.indifference());
        if (problems.probability("selection.probability", sf.probability()) && sf.probability() <= 0.5) {
            problems.add("selection.probability", "must be above 0.5 (a probability of correct selection), got "
                    + sf.probability());
        }
        problems.inRange("selection.first_stage", sf.firstStage(), 2, 1000);
        problems.inRange("selection.max_replications", sf.maxReplications(), Math.max(2, sf.firstStage()), 100_000);
        problems.inRange("selection.days", sf.days(), 1.0 / 24, 36_500);
        problems.inRange("selection.warmup_days", sf.warmupDays(), 0, 36_500);
        LocationProblem.Selection selection = new LocationProblem.Selection(selK, sf.metric(), sf.indifference(),
                sf.probability(), sf.firstStage(), sf.maxReplications(), sf.days(), sf.warmupDays(), sf.seed());

        // Model parameters: the built-in defaults with the problem's own overrides, as experiments merge them.
        YamlTrees.Located defaults = ExperimentLoader.defaults();
        SourceMap paramSources = new SourceMap(fileName);
        paramSources.putAll(defaults.sources(), "parameters");
        JsonNode params = defaults.tree();
        if (raw.parameters() != null && !raw.parameters().isNull()) {
            if (!raw.parameters().isObject()) {
                problems.add("parameters", "must be a mapping of parameter sections (demand, ems, hospital, outcome)");
            } else {
                raw.parameters().fieldNames().forEachRemaining(key -> {
                    if (!defaults.tree().has(key)) {
                        problems.add("parameters." + key, "unknown parameter section '" + key + "'");
                    }
                });
                params = YamlTrees.merge(params, raw.parameters());
                paramSources.putAll(sources.under("parameters"), "parameters");
            }
        }
        problems.throwIfAny();
        return new LocationProblem(raw.name(), raw.description(), file, sha256(file), networkDir,
                raw.baseConfiguration(), service, companions, List.copyOf(raw.candidates()),
                List.copyOf(raw.fixedOpen()), List.copyOf(raw.fixedClosed()), k.min(), k.max(), objective, maxMinutes,
                capacity, networks, raw.aggregationKm(), raw.pool(), compare, selection, params, paramSources, sources);
    }

    /**
     * Whether {@code file} is a location problem rather than an experiment (both are YAML in experiments/): a
     * mapping with {@code base_configuration} and {@code candidates}. Unreadable files are not.
     */
    public static boolean isProblemFile(Path file) {
        try {
            JsonNode tree = YamlTrees.read(file).tree();
            return tree.isObject() && tree.has("base_configuration") && tree.has("candidates");
        } catch (InputException e) {
            return false;
        }
    }

    static boolean isStroke(Service s) {
        return s == Service.HASU || s == Service.STROKE_UNIT || s == Service.THROMBOLYSIS
                || s == Service.THROMBECTOMY;
    }

    private static void putIfAbsent(ObjectNode node, String key, JsonNode value) {
        if (!node.has(key)) {
            node.set(key, value);
        }
    }

    private static KRange kRange(JsonNode k, SourceMap sources, Problems problems) {
        if (k == null || k.isNull()) {
            problems.add("k", "is required: a whole number, or {min: A, max: B}");
            return null;
        }
        if (k.isIntegralNumber()) {
            return new KRange(k.asInt(), k.asInt());
        }
        if (k.isObject()) {
            return Binder.bind(k, KRange.class, sources, "k");
        }
        problems.add("k", "expected a whole number, or {min: A, max: B}, got '" + k.asText() + "'");
        return null;
    }

    private static Service service(String text, String path, Problems problems) {
        try {
            return Service.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String text, Class<E> type, String path, Problems problems) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            names.add(name);
            if (name.equals(text)) {
                return e;
            }
        }
        problems.add(path, "unknown value '" + text + "'; use one of " + names);
        return null;
    }

    private static void checkSites(List<String> ids, String path, Set<String> known, boolean check, Set<String> seen,
                                   Problems problems) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (check && !known.contains(id)) {
                problems.add(path + "[" + i + "]", "unknown site '" + id + "' (not in the network's sites.csv)");
            } else if (!seen.add(id)) {
                problems.add(path + "[" + i + "]", "site '" + id
                        + "' is listed twice among candidates, fixed_open and fixed_closed");
            }
        }
    }

    private static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder();
            for (byte b : md.digest(Files.readAllBytes(file))) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw InputException.of(file.toString(), 0, null, "cannot be read: " + e.getMessage());
        }
    }
}
