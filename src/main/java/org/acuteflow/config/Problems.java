package org.acuteflow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem found while validating one input, so that {@code validate} can report them all at
 * once. Fields are named by dotted paths ({@code run.warmup_days}, {@code scenarios[1].name}); a
 * {@link SourceMap} turns a path into the file and line where the user wrote it.
 */
public final class Problems {
    private final List<InputProblem> found = new ArrayList<>();
    private final Function<String, InputProblem> locator;

    /** @param locator maps a field path and message to a located problem (see {@link SourceMap#locate}) */
    public Problems(Function<String, InputProblem> locator) {
        this.locator = locator;
    }

    /** Problems for one file with no line information. */
    public static Problems forFile(String file) {
        return new Problems(path -> new InputProblem(file, 0, 0, path, null));
    }

    public void add(String path, String message) {
        InputProblem where = locator.apply(path);
        found.add(new InputProblem(where.file(), where.line(), where.column(), path, message));
    }

    public void add(InputProblem problem) {
        found.add(problem);
    }

    public void addAll(List<InputProblem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<InputProblem> list() {
        return List.copyOf(found);
    }

    /** Throws an {@link InputException} listing everything found, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InputException(found);
        }
    }

    // ---- common checks; each returns true when the value is acceptable ----

    public boolean required(String path, Object value) {
        if (value == null) {
            add(path, "is required but missing");
            return false;
        }
        return true;
    }

    public boolean finite(String path, double value) {
        if (!Double.isFinite(value)) {
            add(path, "must be a finite number, got " + value);
            return false;
        }
        return true;
    }

    public boolean nonNegative(String path, double value) {
        if (!finite(path, value)) {
            return false;
        }
        if (value < 0) {
            add(path, "must be >= 0, got " + value);
            return false;
        }
        return true;
    }

    public boolean positive(String path, double value) {
        if (!finite(path, value)) {
            return false;
        }
        if (value <= 0) {
            add(path, "must be > 0, got " + value);
            return false;
        }
        return true;
    }

    public boolean probability(String path, double value) {
        if (!finite(path, value)) {
            return false;
        }
        if (value < 0 || value > 1) {
            add(path, "must be a probability in [0, 1], got " + value);
            return false;
        }
        return true;
    }

    public boolean inRange(String path, double value, double min, double max) {
        if (!finite(path, value)) {
            return false;
        }
        if (value < min || value > max) {
            add(path, "must be between " + shown(min) + " and " + shown(max) + ", got " + shown(value));
            return false;
        }
        return true;
    }

    /** Whole numbers without a decimal point ("between 1 and 100, got 0"), others as Java writes them. */
    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Probabilities that must sum to one (within 1e-6). */
    public boolean sumsToOne(String path, double... values) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (!probability(path + "[" + i + "]", values[i])) {
                return false;
            }
            sum += values[i];
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            add(path, "shares must sum to 1, they sum to " + sum);
            return false;
        }
        return true;
    }
}
