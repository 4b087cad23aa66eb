package org.acuteflow.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a planner set up in the browser: a baseline configuration, the scenario's configuration (the baseline's
 * unless another is picked) and the changes made to it (closed sites, withdrawn or added services, cover per
 * service and site, a fleet scale), and how long to run.
 * It becomes an ordinary two-scenario experiment file ({@link #toYaml}), so that the workbench and
 * {@code acuteflow run} read the same text and give the same numbers; all checking is the experiment loader's.
 */
record Draft(String name, String description, String configuration, String scenarioConfiguration, double days,
             double warmupDays,
             int replications, long seed, List<String> closeSites, List<Map<String, String>> closeServices,
             List<Map<String, String>> openServices, Map<String, JsonNode> cover, Double fleetScale) {

    static final String BASELINE = "baseline";
    static final String SCENARIO = "scenario";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** Reads the browser's JSON leniently: missing lists are empty, missing numbers take the form's defaults. */
    static Draft fromJson(String body) throws java.io.IOException {
        JsonNode n = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        List<String> close = new ArrayList<>();
        n.path("closeSites").forEach(x -> close.add(x.asText()));
        Map<String, JsonNode> cover = new LinkedHashMap<>();
        n.path("cover").fields().forEachRemaining(e -> cover.put(e.getKey(), e.getValue()));
        return new Draft(n.path("name").asText(""), n.path("description").asText(""),
                n.path("configuration").asText(""),
                n.path("scenarioConfiguration").asText("").isBlank() ? n.path("configuration").asText("")
                        : n.path("scenarioConfiguration").asText(""),
                n.path("days").asDouble(7), n.path("warmupDays").asDouble(0),
                n.path("replications").asInt(2), n.path("seed").asLong(20100716L), close,
                pairs(n.path("closeServices")), pairs(n.path("openServices")), cover,
                n.hasNonNull("fleetScale") ? n.path("fleetScale").asDouble() : null);
    }

    private static List<Map<String, String>> pairs(JsonNode list) {
        List<Map<String, String>> out = new ArrayList<>();
        list.forEach(x -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("site", x.path("site").asText());
            m.put("service", x.path("service").asText());
            out.add(m);
        });
        return out;
    }

    /** The changes in words, for the scenario's description (the report lists them again from the network). */
    String changes() {
        List<String> parts = new ArrayList<>();
        if (!closeSites.isEmpty()) {
            parts.add("closes " + String.join(", ", closeSites));
        }
        closeServices.forEach(p -> parts.add("withdraws " + p.get("service") + " at " + p.get("site")));
        openServices.forEach(p -> parts.add("adds " + p.get("service") + " at " + p.get("site")));
        if (!cover.isEmpty()) {
            parts.add("changes cover of " + String.join(", ", cover.keySet()));
        }
        if (fleetScale != null && fleetScale != 1.0) {
            parts.add("scales the fleet by " + fleetScale);
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    /**
     * The experiment file's text.
     *
     * @param network the network folder as the file must name it (relative to where the file is written)
     */
    String toYaml(Path network) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("name", name);
        String against = scenarioConfiguration.equals(configuration) ? "the same" : scenarioConfiguration;
        root.put("description", description.isBlank()
                ? "Made in the acuteflow workbench: " + configuration + " against " + against + " with changes ("
                + changes() + ")." : description);
        root.put("network", network.toString().replace('\\', '/'));
        ObjectNode run = root.putObject("run");
        run.set("days", number(days));
        run.set("warmup_days", number(warmupDays));
        run.put("replications", replications);
        run.put("seed", seed);
        ArrayNode outputs = root.putArray("outputs");
        for (String o : List.of("differences", "report", "charts", "geojson")) {
            outputs.add(o);
        }
        root.put("baseline", BASELINE);
        ArrayNode scenarios = root.putArray("scenarios");
        ObjectNode base = scenarios.addObject();
        base.put("name", BASELINE);
        base.put("description", "configuration " + configuration + " as it is");
        base.put("configuration", configuration);
        ObjectNode s = scenarios.addObject();
        s.put("name", SCENARIO);
        s.put("description", "configuration " + scenarioConfiguration + ", then: " + changes());
        s.put("configuration", scenarioConfiguration);
        if (!closeSites.isEmpty()) {
            ArrayNode a = s.putArray("close_sites");
            closeSites.forEach(a::add);
        }
        putPairs(s, "close_services", closeServices);
        putPairs(s, "open_services", openServices);
        if (!cover.isEmpty()) {
            ObjectNode c = s.putObject("cover");
            cover.forEach(c::set);
        }
        if (fleetScale != null && fleetScale != 1.0) {
            s.putObject("fleet").set("scale", number(fleetScale));
        }
        try {
            return "# Written by the acuteflow workbench; run it with: acuteflow run <this file>\n"
                    + YAML.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putPairs(ObjectNode s, String key, List<Map<String, String>> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        ArrayNode a = s.putArray(key);
        pairs.forEach(p -> a.addObject().put("site", p.get("site")).put("service", p.get("service")));
    }

    /** Whole numbers as integers (7, not 7.0), others as they are. */
    private static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? JsonNodeFactory.instance.numberNode((long) v)
                : JsonNodeFactory.instance.numberNode(v);
    }
}
