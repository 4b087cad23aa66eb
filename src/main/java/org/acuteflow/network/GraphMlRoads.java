package org.acuteflow.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.acuteflow.config.InputProblem;

/**
 * Reads a road graph written as GraphML (http://graphml.graphdrawing.org), as GIS tools and jgrapht export
 * it, in place of {@code roads.csv}: each {@code <edge source=".." target="..">} is a road, with its length in
 * an edge attribute named {@code km} and its normal-road time in one named {@code minutes} (declared by
 * {@code <key for="edge" attr.name="km">}, defaults allowed). As in the CSV, node ids are the ids of zones,
 * sites and stations; edges are two-way whatever {@code edgedefault} says.
 *
 * <p>Read with the JDK's streaming XML parser, which gives the line of every element, so each problem is
 * reported at its line like a CSV row's. DTDs and external entities are refused.
 */
final class GraphMlRoads {
    /** One edge; NaN for a length that was missing or unreadable (already reported). */
    record Edge(int line, String from, String to, double km, double minutes) {
    }

    private GraphMlRoads() {
    }

    static boolean isGraphMl(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".graphml");
    }

    /** The edges of {@code file}; every problem found goes to {@code problems} with the file and line. */
    static List<Edge> read(Path file, boolean curveMode, List<InputProblem> problems) {
        List<Edge> edges = new ArrayList<>();
        String name = file.toString();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Decoded here, strictly, rather than by the XML parser: its decoder prints "[Fatal Error]" lines of its
        // own on standard error for bytes that are not UTF-8.
        String content;
        try {
            content = org.acuteflow.config.InputFiles.readText(file, org.acuteflow.config.InputFiles.MAX_TABLE_BYTES,
                    "a road graph");
        } catch (org.acuteflow.config.InputException e) {
            problems.addAll(e.problems());
            return edges;
        }
        try (java.io.Reader in = new java.io.StringReader(content)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            Map<String, String> attributeOfKey = new HashMap<>();
            Map<String, String> defaults = new HashMap<>();
            String key = null;
            boolean sawGraphMl = false;
            Map<String, String> values = null;
            String from = null;
            String to = null;
            int edgeLine = 0;
            StringBuilder text = new StringBuilder();
            String dataKey = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    int line = xml.getLocation().getLineNumber();
                    switch (element) {
                        case "graphml" -> sawGraphMl = true;
                        case "key" -> {
                            String scope = attribute(xml, "for");
                            key = attribute(xml, "id");
                            String attr = attribute(xml, "attr.name");
                            if (key != null && attr != null && (scope == null || scope.equals("edge")
                                    || scope.equals("all"))) {
                                attributeOfKey.put(key, attr);
                            }
                        }
                        case "default" -> text.setLength(0);
                        case "edge" -> {
                            from = attribute(xml, "source");
                            to = attribute(xml, "target");
                            edgeLine = line;
                            values = new HashMap<>();
                            if (from == null || from.isBlank()) {
                                problems.add(new InputProblem(name, line, 0, "source", "an edge needs a source"));
                            }
                            if (to == null || to.isBlank()) {
                                problems.add(new InputProblem(name, line, 0, "target", "an edge needs a target"));
                            }
                        }
                        case "data" -> {
                            dataKey = attribute(xml, "key");
                            text.setLength(0);
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "default" -> {
                            if (key != null && attributeOfKey.containsKey(key)) {
                                defaults.put(attributeOfKey.get(key), text.toString().trim());
                            }
                        }
                        case "key" -> key = null;
                        case "data" -> {
                            if (values != null && dataKey != null && attributeOfKey.containsKey(dataKey)) {
                                values.put(attributeOfKey.get(dataKey), text.toString().trim());
                            }
                            dataKey = null;
                        }
                        case "edge" -> {
                            if (from != null && !from.isBlank() && to != null && !to.isBlank()) {
                                double km = number(name, edgeLine, "km", values, defaults, problems);
                                double minutes = curveMode ? km
                                        : number(name, edgeLine, "minutes", values, defaults, problems);
                                edges.add(new Edge(edgeLine, from, to, km, minutes));
                            }
                            values = null;
                        }
                        default -> {
                        }
                    }
                }
            }
            if (!sawGraphMl) {
                problems.add(new InputProblem(name, 1, 0, null, "is not GraphML: no <graphml> element"));
            }
        } catch (NoSuchFileException e) {
            problems.add(new InputProblem(name, 0, 0, null, "file not found"));
        } catch (IOException e) {
            problems.add(new InputProblem(name, 0, 0, null, "cannot be read: " + e.getMessage()));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(new InputProblem(name, Math.max(0, line), 0, null, "is not well-formed XML: "
                    + firstLine(e.getMessage())));
        }
        return edges;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static double number(String file, int line, String attribute, Map<String, String> values,
                                 Map<String, String> defaults, List<InputProblem> problems) {
        String s = values.getOrDefault(attribute, defaults.get(attribute));
        if (s == null || s.isEmpty()) {
            problems.add(new InputProblem(file, line, 0, attribute, "is missing; give the edge a <data> for the "
                    + "key whose attr.name is '" + attribute + "'"));
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                problems.add(new InputProblem(file, line, 0, attribute, "must be a finite number, got '" + s + "'"));
                return Double.NaN;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(file, line, 0, attribute, "cannot read '" + s + "' as a number"));
            return Double.NaN;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        // The parser prefixes its own "ParseError at [row,col]" line; keep what it says went wrong.
        String[] lines = message.split("\n");
        return lines[lines.length - 1].replaceFirst("^Message: ", "").trim();
    }
}
