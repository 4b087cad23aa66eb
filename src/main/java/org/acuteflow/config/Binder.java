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
        // Unknown keys first, all of them: a misspelt key otherwise shows up as a confusing "missing key".
        Problems unknown = sources.problems();
        findUnknownKeys(tree, type, pathPrefix, unknown);
        unknown.throwIfAny();
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String path = pathOf(e, pathPrefix);
            InputProblem where = sources.locate(path);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), path,
                    describe(e)));
        } catch (JsonProcessingException e) {
            InputProblem where = sources.locate(pathPrefix);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), pathPrefix,
                    e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            InputProblem where = sources.locate(pathPrefix);
            throw new InputException(new InputProblem(where.file(), where.line(), where.column(), pathPrefix,
                    e.getMessage()));
        }
    }

    /** Reports every key in {@code tree} that {@code type} (a record, possibly nested) does not have. */
    static void findUnknownKeys(JsonNode tree, java.lang.reflect.Type type, String path, Problems problems) {
        findUnknownKeys(tree, MAPPER.constructType(type), path, problems);
    }

    // Jackson's own introspection gives the property names it will bind (naming strategy and @JsonProperty
    // included), so this pass and the binding agree on what a known key is.
    //
    // The same pass also checks what Jackson would reject one at a time (it stops at the first problem): numbers
    // where text or a mapping is written, fractions for whole numbers, and every distribution. So a file with
    // several such mistakes gets them all in one report.
    private static void findUnknownKeys(JsonNode tree, com.fasterxml.jackson.databind.JavaType type, String path,
                                        Problems problems) {
        if (tree == null || type == null || tree.isNull()) {
            return;
        }
        Class<?> raw = type.getRawClass();
        if (raw == DistributionSpec.class) {
            try {
                DistributionSpec.from(tree);
            } catch (IllegalArgumentException e) {
                problems.add(path, e.getMessage());
            }
            return;
        }
        if (raw == double.class || raw == Double.class) {
            if (!tree.isNumber()) {
                problems.add(path, "expected a number, got " + shown(tree));
            }
            return;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (!tree.isIntegralNumber()) {
                problems.add(path, "expected a whole number, got " + shown(tree));
            }
            return;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!tree.isBoolean()) {
                problems.add(path, "expected true or false, got " + shown(tree));
            }
            return;
        }
        if (!tree.isContainerNode()) {
            return;
        }
        if (type.isArrayType() && tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                findUnknownKeys(tree.get(i), type.getContentType(), path + "[" + i + "]", problems);
            }
            return;
        }
        if (raw.isRecord() && tree.isObject()) {
            java.util.Map<String, com.fasterxml.jackson.databind.JavaType> known = new java.util.LinkedHashMap<>();
            var description = MAPPER.getDeserializationConfig().introspect(type);
            for (var property : description.findProperties()) {
                known.put(property.getName(), property.getPrimaryType());
            }
            java.util.Iterator<String> names = tree.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                String child = path.isEmpty() ? key : path + "." + key;
                if (!known.containsKey(key)) {
                    problems.add(child, "unknown key '" + key + "'; expected one of: " + String.join(", ", known.keySet()));
                } else {
                    findUnknownKeys(tree.get(key), known.get(key), child, problems);
                }
            }
        } else if (type.isCollectionLikeType() && tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                findUnknownKeys(tree.get(i), type.getContentType(), path + "[" + i + "]", problems);
            }
        } else if (type.isMapLikeType() && tree.isObject()) {
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = tree.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                findUnknownKeys(e.getValue(), type.getContentType(), child, problems);
            }
        }
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
        T bound = bind(tree, type, sources, path);
        Problems problems = sources.problems();
        bound.validate(problems, path);
        problems.throwIfAny();
        return bound;
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
            if (msg != null && msg.startsWith("Missing required creator property")) {
                int q1 = msg.indexOf('\'');
                int q2 = q1 < 0 ? -1 : msg.indexOf('\'', q1 + 1);
                String key = q2 > q1 ? msg.substring(q1 + 1, q2) : "?";
                return "missing required key '" + key + "'";
            }
            if (msg != null && msg.startsWith("Null value for creator property")) {
                return "must have a value, not null";
            }
            if (m.getTargetType() != null) {
                return "expected " + simpleType(m.getTargetType()) + firstLine(msg);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return firstLine(e.getOriginalMessage());
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
