package org.acuteflow.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree to immutable records, strictly: unknown keys, missing keys, wrong types and nulls for
 * numbers are errors, reported at the file and line the {@link SourceMap} knows. YAML keys are snake_case;
 * record components are camelCase.
 */
public final class Binder {
    /** Thread-safe once configured (Jackson's contract); shared, never mutated after construction. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // A count or seed written as 1.5 is a mistake, not 1: Jackson would silently truncate it.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private Binder() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Binds {@code tree} to {@code type}; on failure throws an {@link InputException} located by {@code sources}. */
    public static <T> T bind(JsonNode tree, Class<T> type, SourceMap sources, String pathPrefix) {
        Problems problems = sources.problems();
        T bound = bindCollecting(tree, type, sources, pathPrefix, problems);
        problems.throwIfAny();
        return bound;
    }

    /**
     * Binds what can be bound, adding every problem to {@code problems}: unknown keys, wrong types and bad
     * distributions are all found in one pass (Jackson stops at the first), and the tree is bound with each bad
     * value set aside, so that the range checks of the rest of the section can still run. Returns null when the
     * tree cannot be bound even so.
     */
    static <T> T bindCollecting(JsonNode tree, Class<T> type, SourceMap sources, String pathPrefix, Problems problems) {
        JsonNode repaired = tree == null ? null : tree.deepCopy();
        int before = problems.list().size();
        repaired = check(repaired, MAPPER.constructType(type), pathPrefix, problems);
        boolean clean = problems.list().size() == before;
        try {
            return MAPPER.treeToValue(repaired, type);
        } catch (JsonMappingException e) {
            if (clean) {
                String path = pathOf(e, pathPrefix);
                InputProblem where = sources.locate(path);
                problems.add(new InputProblem(where.file(), where.line(), where.column(), path, describe(e)));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (clean) {
                InputProblem where = sources.locate(pathPrefix);
                problems.add(new InputProblem(where.file(), where.line(), where.column(), pathPrefix,
                        "cannot be read: " + firstLine(e.getMessage())));
            }
        }
        return null;
    }

    /** Reports every key in {@code tree} that {@code type} (a record, possibly nested) does not have. */
    static void findUnknownKeys(JsonNode tree, java.lang.reflect.Type type, String path, Problems problems) {
        check(tree == null ? null : tree.deepCopy(), MAPPER.constructType(type), path, problems);
    }

    // Jackson's own introspection gives the property names it will bind (naming strategy and @JsonProperty
    // included), so this pass and the binding agree on what a known key is.
    //
    // The same pass also checks what Jackson would reject one at a time (it stops at the first problem): numbers
    // where text or a mapping is written, fractions for whole numbers, lists and mappings written as a plain
    // value, and every distribution. So a file with several such mistakes gets them all in one report. It
    // returns the node to bind in place of {@code tree}: a neutral value of the right type where the written one
    // is wrong (its problem is already reported), so that binding can go on; unknown keys are removed.
    private static JsonNode check(JsonNode tree, com.fasterxml.jackson.databind.JavaType type, String path,
                                  Problems problems) {
        if (tree == null || type == null || tree.isNull()) {
            return tree;
        }
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        Class<?> raw = type.getRawClass();
        if (raw == DistributionSpec.class) {
            try {
                DistributionSpec.from(tree);
                return tree;
            } catch (IllegalArgumentException e) {
                problems.add(path, e.getMessage());
                return nodes.numberNode(0);
            }
        }
        if (raw == double.class || raw == Double.class) {
            if (!tree.isNumber()) {
                problems.add(path, "expected a number, got " + shown(tree));
                return SET_ASIDE;
            }
            return tree;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (!tree.isIntegralNumber()) {
                problems.add(path, "expected a whole number, got " + shown(tree));
                return SET_ASIDE;
            }
            if ((raw == int.class || raw == Integer.class) && !tree.canConvertToInt()) {
                problems.add(path, "the whole number " + tree.asText() + " is out of range: at most "
                        + Integer.MAX_VALUE);
                return SET_ASIDE;
            }
            return tree;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!tree.isBoolean()) {
                problems.add(path, "expected true or false, got " + shown(tree));
                return nodes.booleanNode(false);
            }
            return tree;
        }
        if (raw == String.class) {
            if (tree.isContainerNode()) {
                problems.add(path, "expected text, got " + shown(tree));
                return nodes.textNode("");
            }
            return tree;
        }
        boolean wantsList = type.isArrayType() || type.isCollectionLikeType();
        boolean wantsMapping = raw.isRecord() || type.isMapLikeType();
        if (wantsList && !tree.isArray()) {
            problems.add(path, "expected a list, got " + shown(tree) + "; write [a, b] or one '- item' per line");
            return nodes.arrayNode();
        }
        if (wantsMapping && !tree.isObject()) {
            problems.add(path, "expected a mapping (key: value lines), got " + shown(tree));
            return tree;
        }
        if (wantsList) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) tree;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, check(array.get(i), type.getContentType(), path + "[" + i + "]", problems));
            }
            return array;
        }
        if (raw.isRecord()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) tree;
            java.util.Map<String, com.fasterxml.jackson.databind.JavaType> known = new java.util.LinkedHashMap<>();
            var description = MAPPER.getDeserializationConfig().introspect(type);
            for (var property : description.findProperties()) {
                known.put(property.getName(), property.getPrimaryType());
            }
            for (String key : new java.util.ArrayList<>(iterable(object.fieldNames()))) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!known.containsKey(key)) {
                    problems.add(child, "unknown key '" + key + "'"
                            + Suggest.didYouMean(key, known.keySet()) + "; expected one of: " + String.join(", ", known.keySet()));
                    object.remove(key);
                } else {
                    object.set(key, check(object.get(key), known.get(key), child, problems));
                }
            }
            for (String key : known.keySet()) {
                if (!object.has(key)) {
                    problems.add(path, "missing required key '" + key + "'");
                }
            }
            return object;
        }
        if (type.isMapLikeType()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) tree;
            for (String key : new java.util.ArrayList<>(iterable(object.fieldNames()))) {
                String child = path.isEmpty() ? key : path + "." + key;
                object.set(key, check(object.get(key), type.getContentType(), child, problems));
            }
            return object;
        }
        return tree;
    }

    /**
     * Put in place of a number of the wrong type so that binding goes on; {@link #bindValidated} drops the range
     * problems of that field, which was already reported.
     */
    private static final JsonNode SET_ASIDE = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(0);

    private static <E> java.util.List<E> iterable(java.util.Iterator<E> it) {
        java.util.List<E> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String shown(JsonNode node) {
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "a mapping";
        }
        return "'" + node.asText() + "'";
    }

    /**
     * Binds {@code tree} strictly, then checks the record's ranges; every range problem is reported at once,
     * located through {@code sources}.
     */
    public static <T extends Validated> T bindValidated(JsonNode tree, Class<T> type, SourceMap sources, String path) {
        Problems typeProblems = sources.problems();
        T bound = bindCollecting(tree, type, sources, path, typeProblems);
        Problems problems = sources.problems();
        problems.addAll(typeProblems.list());
        if (bound != null) {
            // Range checks of the values that were read; a value set aside for its type is not checked again.
            Problems ranges = sources.problems();
            bound.validate(ranges, path);
            for (InputProblem p : ranges.list()) {
                if (typeProblems.list().stream().noneMatch(t -> related(t.field(), p.field()))) {
                    problems.add(p);
                }
            }
        }
        problems.throwIfAny();
        return bound;
    }

    private static boolean related(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return a.equals(b) || b.startsWith(a + ".") || b.startsWith(a + "[") || a.startsWith(b + ".")
                || a.startsWith(b + "[");
    }

    static String pathOf(JsonMappingException e, String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; expected one of: " + known);
        }
        if (e instanceof IgnoredPropertyException u) {
            return "key '" + u.getPropertyName() + "' is not allowed here";
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot read '" + f.getValue() + "' as " + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg != null && (msg.startsWith("Missing required creator property")
                    || msg.startsWith("Missing creator property"))) {
                int q1 = msg.indexOf('\'');
                int q2 = q1 < 0 ? -1 : msg.indexOf('\'', q1 + 1);
                String key = q2 > q1 ? msg.substring(q1 + 1, q2) : "?";
                return "missing required key '" + key + "'";
            }
            if (msg != null && msg.startsWith("Null value for creator property")) {
                return "must have a value, not null";
            }
            if (m.getTargetType() != null) {
                return "expected " + simpleType(m.getTargetType());
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "cannot be read" + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        int nl = msg.indexOf('\n');
        String s = nl > 0 ? msg.substring(0, nl) : msg;
        return " (" + s + ")";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(constants[i].toString());
            }
            return sb.toString();
        }
        if (java.util.List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }
}
