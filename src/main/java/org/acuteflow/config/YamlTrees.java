package org.acuteflow.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads YAML into a Jackson tree while remembering the line of every field ({@link SourceMap}), and merges
 * trees (defaults, then parameter files, then overrides). Duplicate keys are errors: YAML would silently keep
 * one of them.
 */
public final class YamlTrees {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTrees() {
    }

    /** A parsed file: its tree and where each field is. */
    public record Located(JsonNode tree, SourceMap sources) {
    }

    public static Located read(Path file) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw InputException.of(name, 0, null, "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.of(name, 0, null, "is not valid UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(name, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    public static Located read(Reader reader, String name) {
        SourceMap sources = new SourceMap(name);
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InputException.of(name, 1, null, "is empty: expected a YAML mapping");
            }
            JsonNode tree = readValue(parser, "", name, sources);
            if (parser.nextToken() != null) {
                JsonLocation loc = parser.currentTokenLocation();
                throw new InputException(new InputProblem(name, loc.getLineNr(), loc.getColumnNr(), null,
                        "holds more than one YAML document; use one"));
            }
            return new Located(tree, sources);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String message = e.getOriginalMessage();
            // SnakeYAML's messages repeat the location and a code excerpt; keep the first line.
            int nl = message.indexOf('\n');
            if (nl > 0) {
                message = message.substring(0, nl);
            }
            throw new InputException(new InputProblem(name, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), null, "is not valid YAML: " + message));
        } catch (IOException e) {
            throw InputException.of(name, 0, null, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof InputException) {
                throw e;
            }
            // SnakeYAML may throw its own unchecked exceptions on exotic malformed input.
            throw InputException.of(name, 0, null, "is not valid YAML: " + e.getMessage());
        }
    }

    private static JsonNode readValue(JsonParser p, String path, String file, SourceMap sources) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        if (!path.isEmpty() && sources.locate(path).line() == 0) {
            sources.put(path, file, loc.getLineNr(), loc.getColumnNr());
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyLoc = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (obj.has(key)) {
                        throw new InputException(new InputProblem(file, keyLoc.getLineNr(), keyLoc.getColumnNr(),
                                childPath, "is given twice; keep one"));
                    }
                    sources.put(childPath, file, keyLoc.getLineNr(), keyLoc.getColumnNr());
                    p.nextToken();
                    obj.set(key, readValue(p, childPath, file, sources));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String childPath = path + "[" + i + "]";
                    JsonLocation itemLoc = p.currentTokenLocation();
                    sources.put(childPath, file, itemLoc.getLineNr(), itemLoc.getColumnNr());
                    arr.add(readValue(p, childPath, file, sources));
                    i++;
                }
                return arr;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return floatValue(p, path, file, loc);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new InputException(new InputProblem(file, loc.getLineNr(), loc.getColumnNr(), path,
                        "unexpected YAML content " + t));
        }
    }

    // YAML spells not-a-number and infinity .nan and .inf; no model input may be either, and Jackson's own
    // message ("Malformed numeric value") names neither the field nor the fix.
    private static JsonNode floatValue(JsonParser p, String path, String file, JsonLocation loc) throws IOException {
        String text = p.getText();
        double value;
        try {
            value = p.getDoubleValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            throw new InputException(new InputProblem(file, loc.getLineNr(), loc.getColumnNr(),
                    path.isEmpty() ? null : path, "must be a finite number, got '" + text + "'"));
        }
        return NODES.numberNode(value);
    }

    /**
     * Deep merge: {@code overlay}'s mappings merge key by key into {@code base}; scalars, lists and
     * distributions (mappings with a {@code type}) replace.
     * Returns a new tree; neither argument changes.
     */
    public static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (overlay == null || overlay.isMissingNode()) {
            return base == null ? null : base.deepCopy();
        }
        // A mapping with 'type' is one distribution, a single value: an override of another type replaces it
        // whole (merging {type: exponential, mean: 12} into a lognormal would leave its median and sigma).
        if (base == null || !base.isObject() || !overlay.isObject() || overlay.has("type")) {
            return overlay.deepCopy();
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            merged.set(e.getKey(), merge(merged.get(e.getKey()), e.getValue()));
        }
        return merged;
    }
}
