package org.acuteflow.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputFiles;
import org.acuteflow.config.InputProblem;

/**
 * A small CSV reader that keeps the line number of every row, so that a bad value is reported as
 * {@code sites.csv:12: field 'hasu_beds': ...}. Comma separated, first non-comment line is the header, fields
 * may be double-quoted ({@code "Royal Surrey County Hospital, Guildford"}), lines starting with {@code #} are
 * comments (used for provenance notes in the shipped files). Problems are collected, not thrown, so that a
 * check can report all of them.
 */
public final class Csv {
    private Csv() {
    }

    /** One data row: its 1-based line in the file and its cells. */
    record Row(int line, String[] cells) {
    }

    /** A table read from {@code file}; {@link #get} returns "" for an optional column that is absent. */
    record Table(String file, int headerLine, List<String> header, Map<String, Integer> columns, List<Row> rows) {
        boolean has(String column) {
            return columns.containsKey(column);
        }

        String get(Row row, String column) {
            Integer i = columns.get(column);
            return i == null || i >= row.cells().length ? "" : row.cells()[i].trim();
        }
    }

    /**
     * Reads {@code file}. Missing required columns and unknown columns are problems (a misspelt optional column
     * would otherwise be silently ignored); rows with the wrong number of cells are problems and are skipped.
     * Returns null only when the file cannot be read at all.
     */
    static Table read(Path file, Set<String> required, Set<String> optional, List<InputProblem> problems) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = InputFiles.readText(file, InputFiles.MAX_TABLE_BYTES, "a network table").lines().toList();
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
        List<String> header = null;
        int headerLine = 0;
        Map<String, Integer> columns = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            int line = i + 1;
            String[] cells = split(text);
            if (cells == null) {
                problems.add(new InputProblem(name, line, 0, null, "has an unclosed double quote"));
                continue;
            }
            if (header == null) {
                if (Arrays.stream(cells).map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .noneMatch(c -> required.contains(c) || optional.contains(c))) {
                    // Not this kind of table at all (perhaps another file named by mistake): say so without
                    // quoting the line, which could be anything.
                    problems.add(new InputProblem(name, line, 0, null, "is not a table of this kind: its first line "
                            + "names none of the expected columns " + describe(required, optional)));
                    return null;
                }
                header = new ArrayList<>();
                headerLine = line;
                for (int c = 0; c < cells.length; c++) {
                    String col = cells[c].trim().toLowerCase(Locale.ROOT);
                    header.add(col);
                    if (columns.put(col, c) != null) {
                        problems.add(new InputProblem(name, line, 0, col, "column is given twice; keep one"));
                    } else if (!required.contains(col) && !optional.contains(col)) {
                        problems.add(new InputProblem(name, line, 0, col, "unknown column" + didYouMean(col, required, optional)
                                + "; expected "
                                + describe(required, optional)));
                    }
                }
                for (String r : required) {
                    if (!columns.containsKey(r)) {
                        problems.add(new InputProblem(name, line, 0, r, "required column is missing; expected "
                                + describe(required, optional)));
                    }
                }
                continue;
            }
            if (cells.length != header.size()) {
                // Name the first column left without a cell (or the last one, when there are too many cells),
                // so the message points at where the row goes wrong.
                String column = header.get(Math.min(cells.length, header.size() - 1));
                problems.add(new InputProblem(name, line, 0, column, "the row has " + cells.length
                        + " cells but the header has " + header.size() + " columns (" + String.join(",", header)
                        + "); give one cell per column (an empty cell is two commas; quote a cell that holds a comma)"));
                continue;
            }
            rows.add(new Row(line, cells));
        }
        if (header == null) {
            problems.add(new InputProblem(name, 1, 0, null, "is empty: expected a header line with "
                    + describe(required, optional)));
            return null;
        }
        return new Table(name, headerLine, List.copyOf(header), Map.copyOf(columns), rows);
    }

    private static String didYouMean(String col, Set<String> required, Set<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return org.acuteflow.config.Suggest.didYouMean(col, all);
    }

    private static String describe(Set<String> required, Set<String> optional) {
        String s = String.join(",", required.stream().sorted().toList());
        if (!optional.isEmpty()) {
            s += " (optional: " + String.join(",", optional.stream().sorted().toList()) + ")";
        }
        return s;
    }

    /** Splits one line; null when a quote is left open. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }

    /**
     * The one CSV quoting routine of every file acuteflow writes (RFC 4180): a cell holding a comma, a double quote
     * or a line break is enclosed in double quotes, its quotes doubled; null is the empty cell.
     */
    public static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /** Parses a number cell; adds a problem and returns NaN when it is not one. Blank gives {@code blank}. */
    static double number(Table t, Row row, String column, double blank, List<InputProblem> problems) {
        String s = t.get(row, column);
        if (s.isEmpty()) {
            if (Double.isNaN(blank)) {
                problems.add(new InputProblem(t.file(), row.line(), 0, column, "is empty; give a number"));
            }
            return blank;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                problems.add(new InputProblem(t.file(), row.line(), 0, column, "must be a finite number, got '" + s + "'"));
                return Double.NaN;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(t.file(), row.line(), 0, column, "cannot read '" + s + "' as a number"));
            return Double.NaN;
        }
    }

    /** Parses a 0/1 (also y/n, yes/no, true/false) flag; blank is false. */
    static boolean flag(Table t, Row row, String column, List<InputProblem> problems) {
        String s = t.get(row, column).toLowerCase(Locale.ROOT);
        switch (s) {
            case "", "0", "n", "no", "false":
                return false;
            case "1", "y", "yes", "true":
                return true;
            default:
                problems.add(new InputProblem(t.file(), row.line(), 0, column, "cannot read '" + s
                        + "' as a flag; write 1 or 0"));
                return false;
        }
    }
}
