package org.acuteflow.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads YAML into a Jackson tree while remembering the line of every field ({@link SourceMap}), and merges
 * trees (defaults, then parameter files, then overrides). Duplicate keys are errors: YAML would silently keep
 * one of them.
 */
public final class YamlTrees {
    /** The longest text value or key accepted: names, ids and descriptions, never documents. */
    public static final int MAX_TEXT_CHARS = 10_000;
    /** Values a file may hold once its aliases are expanded (a guard against alias bombs). */
    static final int MAX_VALUES = 2_000_000;
    private static final YAMLFactory YAML = new AnchorYamlFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTrees() {
    }

    /** A parsed file: its tree and where each field is. */
    public record Located(JsonNode tree, SourceMap sources) {
    }

    /**
     * Jackson's YAML parser reports an alias but forgets the anchor of a plain value ({@code key: &a text}); this
     * parser also reads it from the YAML event, so that {@link Reading} can resolve every alias.
     */
    private static final class AnchorYamlFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new AnchorParser(ctxt, _parserFeatures, _yamlParserFeatures, loaderOptions(), _objectCodec, r);
        }
    }

    private static final class AnchorParser extends YAMLParser {
        AnchorParser(IOContext ctxt, int parserFeatures, int formatFeatures, org.yaml.snakeyaml.LoaderOptions options,
                     com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        /** The anchor written on the current value (a mapping, list or plain value), or null. */
        String valueAnchor() {
            if (_currentIsAlias) {
                return null;
            }
            return _lastEvent instanceof org.yaml.snakeyaml.events.NodeEvent e ? e.getAnchor() : null;
        }
    }

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit((int) InputFiles.MAX_YAML_BYTES);
        o.setNestingDepthLimit(100);
        o.setAllowDuplicateKeys(true); // reported by this reader, with the key's line
        return o;
    }

    public static Located read(Path file) {
        String text = InputFiles.readText(file, InputFiles.MAX_YAML_BYTES, "a YAML file");
        return read(new java.io.StringReader(text), file.toString());
    }

    /**
     * A built-in defaults file on the classpath (e.g. {@code /acuteflow/defaults/outcome.yaml}), its sources named
     * "built-in outcome.yaml" and its fields prefixed with {@code fieldPrefix} (e.g. "parameters"), as the model
     * parameters name them.
     */
    public static Located readBuiltIn(String resource, String fieldPrefix) {
        try (java.io.InputStream in = YamlTrees.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + resource + " is missing from the classpath");
            }
            String name = "built-in " + resource.substring(resource.lastIndexOf('/') + 1);
            Located located = read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), name);
            SourceMap sources = new SourceMap(name);
            sources.putAll(located.sources(), fieldPrefix);
            return new Located(located.tree(), sources);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Located read(Reader reader, String name) {
        SourceMap sources = new SourceMap(name);
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InputException.of(name, 1, null, "is empty: expected a YAML mapping");
            }
            JsonNode tree = new Reading(name, sources).value(parser, "");
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

    /**
     * One file being read: remembers anchored values so that an alias ({@code *name}) stands for the value of
     * its anchor ({@code &name}), as YAML defines, and counts values so that aliases cannot multiply a small
     * file into an unbounded tree.
     */
    private static final class Reading {
        private final String file;
        private final SourceMap sources;
        private final Map<String, JsonNode> anchors = new java.util.HashMap<>();
        private long values;

        Reading(String file, SourceMap sources) {
            this.file = file;
            this.sources = sources;
        }

        JsonNode value(JsonParser p, String path) throws IOException {
            JsonLocation loc = p.currentTokenLocation();
            if (!path.isEmpty() && sources.locate(path).line() == 0) {
                sources.put(path, file, loc.getLineNr(), loc.getColumnNr());
            }
            if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yp && yp.isCurrentAlias()) {
                String anchor = p.getText();
                JsonNode target = anchors.get(anchor);
                if (target == null) {
                    throw problem(loc, path, "alias '*" + anchor + "' names no anchor ('&" + anchor
                            + "') written before it");
                }
                count(target.size() + 1L, loc, path);
                return target.deepCopy();
            }
            String anchor = p instanceof AnchorParser ap ? ap.valueAnchor() : null;
            JsonNode node = plain(p, path, loc);
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private JsonNode plain(JsonParser p, String path, JsonLocation loc) throws IOException {
            count(1, loc, path);
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    ObjectNode obj = NODES.objectNode();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonLocation keyLoc = p.currentTokenLocation();
                        if (key.length() > MAX_TEXT_CHARS) {
                            throw problem(keyLoc, path, "a key of " + key.length() + " characters; keys may have at most "
                                    + MAX_TEXT_CHARS);
                        }
                        String childPath = path.isEmpty() ? key : path + "." + key;
                        if (obj.has(key)) {
                            throw new InputException(new InputProblem(file, keyLoc.getLineNr(), keyLoc.getColumnNr(),
                                    childPath, "is given twice; keep one"));
                        }
                        sources.put(childPath, file, keyLoc.getLineNr(), keyLoc.getColumnNr());
                        p.nextToken();
                        obj.set(key, value(p, childPath));
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
                        arr.add(value(p, childPath));
                        i++;
                    }
                    return arr;
                }
                case VALUE_STRING: {
                    String text = p.getText();
                    if (text.length() > MAX_TEXT_CHARS) {
                        throw problem(loc, path, "a text of " + text.length() + " characters; a value may have at most "
                                + MAX_TEXT_CHARS);
                    }
                    return NODES.textNode(text);
                }
                case VALUE_NUMBER_INT:
                    return integer(p, path, loc);
                case VALUE_NUMBER_FLOAT:
                    return floatValue(p, path, file, loc);
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw problem(loc, path, "unexpected YAML content " + t);
            }
        }

        // No input needs a whole number beyond a long (seeds are longs); say so rather than the parser's words.
        private JsonNode integer(JsonParser p, String path, JsonLocation loc) throws IOException {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw problem(loc, path, "the whole number " + shorten(p.getText())
                        + " is out of range: whole numbers must lie between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
            }
            return NODES.numberNode(p.getLongValue());
        }

        private void count(long n, JsonLocation loc, String path) {
            values += n;
            if (values > MAX_VALUES) {
                throw problem(loc, path, "the file holds more than " + MAX_VALUES
                        + " values once its aliases are expanded");
            }
        }

        private InputException problem(JsonLocation loc, String path, String message) {
            return new InputException(new InputProblem(file, loc.getLineNr(), loc.getColumnNr(),
                    path.isEmpty() ? null : path, message));
        }
    }

    /** A value quoted in a message: long ones are cut, so a message stays one readable line. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "... (" + text.length() + " characters)";
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
                    path.isEmpty() ? null : path, "must be a finite number, got '" + shorten(text) + "'"));
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
