package org.acuteflow.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.TriangularDist;

/**
 * A duration (minutes) or other non-negative quantity given as a distribution. Written in YAML as a number
 * (fixed) or as a mapping with a {@code type}:
 * <pre>
 *   fixed:        {type: fixed, value: 10}
 *   exponential:  {type: exponential, mean: 12}
 *   lognormal:    {type: lognormal, mu: 4.5, sigma: 0.5}      (parameters of ln X)
 *                 {type: lognormal, median: 90, sigma: 0.5}   (median = exp(mu))
 *   gamma:        {type: gamma, shape: 2, scale: 15}
 *   triangular:   {type: triangular, min: 5, mode: 10, max: 30}
 *   empirical:    {type: empirical, values: [5, 10, 20], weights: [0.2, 0.5, 0.3]}
 * </pre>
 * Sampling is by inversion from one uniform, so a stream advances by exactly one number per draw whatever the
 * distribution: that keeps common random numbers aligned across scenarios that change a distribution.
 */
public final class DistributionSpec {
    public enum Type { FIXED, EXPONENTIAL, LOGNORMAL, GAMMA, TRIANGULAR, EMPIRICAL }

    private static final Map<Type, Set<String>> KEYS = Map.of(
            Type.FIXED, Set.of("type", "value"),
            Type.EXPONENTIAL, Set.of("type", "mean"),
            Type.LOGNORMAL, Set.of("type", "mu", "median", "sigma"),
            Type.GAMMA, Set.of("type", "shape", "scale"),
            Type.TRIANGULAR, Set.of("type", "min", "mode", "max"),
            Type.EMPIRICAL, Set.of("type", "values", "weights"));

    /**
     * The largest 99.9% quantile accepted, in minutes (a year): every duration of the model (stays included) is
     * far shorter, and a bound keeps simulated clocks finite and events in order.
     */
    public static final double MAX_QUANTILE_999 = 365 * 1440.0;
    /** The largest value accepted one time in ten billion (ten years, in minutes), for the same reason. */
    public static final double MAX_TAIL = 10 * 365 * 1440.0;
    private static final double TAIL = 1e-10;

    private final Type type;
    private final double a;
    private final double b;
    private final double c;
    private final double[] values;
    private final double[] cumulative;
    private final JsonNode written;
    // SSJ distribution objects are immutable after construction, so sharing one across threads is safe.
    private final Object dist;

    private DistributionSpec(Type type, double a, double b, double c, double[] values, double[] weights,
                             JsonNode written) {
        this.type = type;
        this.a = a;
        this.b = b;
        this.c = c;
        this.values = values;
        this.written = written;
        if (weights != null) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            cumulative = new double[weights.length];
            double run = 0;
            for (int i = 0; i < weights.length; i++) {
                run += weights[i] / total;
                cumulative[i] = run;
            }
            cumulative[weights.length - 1] = 1.0;
        } else {
            cumulative = null;
        }
        switch (type) {
            case LOGNORMAL -> dist = new LognormalDist(a, b);
            case GAMMA -> dist = new GammaDist(a, 1.0 / b);
            case TRIANGULAR -> dist = new TriangularDist(a, b, c);
            default -> dist = null;
        }
    }

    public static DistributionSpec fixed(double value) {
        return from(JsonNodeFactory.instance.numberNode(value));
    }

    public static DistributionSpec exponential(double mean) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "exponential");
        n.put("mean", mean);
        return from(n);
    }

    public static DistributionSpec lognormal(double mu, double sigma) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "lognormal");
        n.put("mu", mu);
        n.put("sigma", sigma);
        return from(n);
    }

    /** Parses the YAML form; throws IllegalArgumentException with a message a user can act on. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DistributionSpec from(JsonNode node) {
        DistributionSpec d;
        try {
            d = parse(node);
        } catch (ArithmeticException | IllegalStateException e) {
            throw new IllegalArgumentException("a distribution whose parameters cannot be used: " + node);
        }
        return d.bounded();
    }

    /**
     * The 99.9% quantile and the one-in-ten-billion value must be finite and at most {@link #MAX_QUANTILE_999}
     * and {@link #MAX_TAIL}: a distribution that allows years-long (or infinite) durations would put events
     * out of order or make the clock stand still.
     */
    private DistributionSpec bounded() {
        double q999 = inverse(0.999);
        double tail = type == Type.EMPIRICAL ? max(values) : inverse(1 - TAIL);
        if (type == Type.TRIANGULAR) {
            tail = b;
        }
        if (!(q999 <= MAX_QUANTILE_999)) {
            throw new IllegalArgumentException("its 99.9% quantile is " + minutes(q999) + "; durations must stay "
                    + "below " + minutes(MAX_QUANTILE_999) + " (a year) 999 times in 1000: check the parameters "
                    + "and their unit (minutes)");
        }
        if (!(tail <= MAX_TAIL)) {
            throw new IllegalArgumentException("its largest values reach " + minutes(tail) + "; a duration may be at "
                    + "most " + minutes(MAX_TAIL) + " (ten years) even once in ten billion draws: narrow the "
                    + "distribution (smaller sigma, larger shape) or check its unit (minutes)");
        }
        return this;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static String minutes(double v) {
        if (!Double.isFinite(v)) {
            return "infinite";
        }
        return v < 1e9 ? String.format(java.util.Locale.ROOT, "%.0f minutes", v)
                : String.format(java.util.Locale.ROOT, "%.3g minutes", v);
    }

    private static DistributionSpec parse(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("a distribution is required, e.g. {type: lognormal, median: 30, sigma: 0.5}");
        }
        if (node.isNumber()) {
            double v = node.doubleValue();
            requireNonNegative("value", v);
            return new DistributionSpec(Type.FIXED, v, 0, 0, null, null, node);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a distribution is a number or a mapping with 'type', got " + node);
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new IllegalArgumentException("a distribution needs 'type': one of fixed, exponential, lognormal, gamma, triangular, empirical");
        }
        Type type;
        try {
            type = Type.valueOf(typeNode.asText().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown distribution type '" + YamlTrees.shorten(typeNode.asText())
                    + "'" + Suggest.didYouMean(typeNode.asText().trim(), java.util.Arrays.stream(Type.values())
                    .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList()) + "; use one of fixed, exponential, lognormal, gamma, triangular, empirical");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!KEYS.get(type).contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for a " + typeNode.asText()
                        + " distribution" + Suggest.didYouMean(key, KEYS.get(type)) + "; expected "
                        + new java.util.TreeSet<>(KEYS.get(type)));
            }
        }
        switch (type) {
            case FIXED: {
                double v = number(node, "value");
                requireNonNegative("value", v);
                return new DistributionSpec(type, v, 0, 0, null, null, node);
            }
            case EXPONENTIAL: {
                double mean = number(node, "mean");
                requirePositive("mean", mean);
                return new DistributionSpec(type, mean, 0, 0, null, null, node);
            }
            case LOGNORMAL: {
                double sigma = number(node, "sigma");
                requirePositive("sigma", sigma);
                boolean hasMu = node.has("mu");
                boolean hasMedian = node.has("median");
                if (hasMu == hasMedian) {
                    throw new IllegalArgumentException("a lognormal distribution takes exactly one of 'mu' or 'median'");
                }
                double mu;
                if (hasMedian) {
                    double median = number(node, "median");
                    requirePositive("median", median);
                    mu = Math.log(median);
                } else {
                    mu = number(node, "mu");
                    if (!(Math.abs(mu) <= 700)) {
                        throw new IllegalArgumentException("'mu' (the log of the median) must be between -700 and 700,"
                                + " got " + mu);
                    }
                }
                return new DistributionSpec(type, mu, sigma, 0, null, null, node);
            }
            case GAMMA: {
                double shape = number(node, "shape");
                double scale = number(node, "scale");
                requirePositive("shape", shape);
                requirePositive("scale", scale);
                // SSJ's gamma quantiles lose their accuracy (and time) outside this range of shapes.
                if (shape < 0.01 || shape > 1e6) {
                    throw new IllegalArgumentException("'shape' must be between 0.01 and 1000000, got " + shape);
                }
                return new DistributionSpec(type, shape, scale, 0, null, null, node);
            }
            case TRIANGULAR: {
                double min = number(node, "min");
                double mode = number(node, "mode");
                double max = number(node, "max");
                requireNonNegative("min", min);
                if (!(min <= mode && mode <= max && min < max)) {
                    throw new IllegalArgumentException("a triangular distribution needs min <= mode <= max and min < max, got "
                            + min + ", " + mode + ", " + max);
                }
                return new DistributionSpec(type, min, max, mode, null, null, node);
            }
            case EMPIRICAL: {
                double[] vals = numbers(node, "values");
                double[] weights = numbers(node, "weights");
                if (vals.length == 0) {
                    throw new IllegalArgumentException("an empirical distribution needs at least one value");
                }
                if (vals.length != weights.length) {
                    throw new IllegalArgumentException("an empirical distribution needs as many weights as values, got "
                            + weights.length + " weights for " + vals.length + " values");
                }
                double total = 0;
                for (int i = 0; i < vals.length; i++) {
                    requireNonNegative("values[" + i + "]", vals[i]);
                    requireNonNegative("weights[" + i + "]", weights[i]);
                    total += weights[i];
                }
                if (!(total > 0)) {
                    throw new IllegalArgumentException("an empirical distribution's weights must not all be zero");
                }
                return new DistributionSpec(type, 0, 0, 0, vals, weights, node);
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private static double number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static double[] numbers(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list of numbers");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isNumber()) {
                throw new IllegalArgumentException("'" + key + "' must hold numbers only, got " + item);
            }
            out.add(item.doubleValue());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void requireNonNegative(String key, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("'" + key + "' must be a finite number >= 0, got " + v);
        }
    }

    private static void requirePositive(String key, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException("'" + key + "' must be a finite number > 0, got " + v);
        }
    }

    public Type type() {
        return type;
    }

    /** The value at cumulative probability {@code u} in (0, 1): inversion sampling from one uniform. */
    public double inverse(double u) {
        switch (type) {
            case FIXED:
                return a;
            case EXPONENTIAL:
                return -a * Math.log1p(-u);
            case LOGNORMAL:
                return ((LognormalDist) dist).inverseF(u);
            case GAMMA:
                return ((GammaDist) dist).inverseF(u);
            case TRIANGULAR:
                return ((TriangularDist) dist).inverseF(u);
            case EMPIRICAL: {
                int i = java.util.Arrays.binarySearch(cumulative, u);
                if (i < 0) {
                    i = -i - 1;
                }
                return values[Math.min(i, values.length - 1)];
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** Draws one value, consuming exactly one uniform from {@code stream}. */
    public double sample(umontreal.ssj.rng.RandomStream stream) {
        return inverse(stream.nextDouble());
    }

    /** The mean of the distribution (minutes for durations). */
    public double mean() {
        switch (type) {
            case FIXED:
            case EXPONENTIAL:
                return a;
            case LOGNORMAL:
                return Math.exp(a + b * b / 2);
            case GAMMA:
                return a * b;
            case TRIANGULAR:
                return (a + b + c) / 3;
            case EMPIRICAL: {
                double m = 0;
                double prev = 0;
                for (int i = 0; i < values.length; i++) {
                    m += values[i] * (cumulative[i] - prev);
                    prev = cumulative[i];
                }
                return m;
            }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    /** The median (inverse at 0.5). */
    public double median() {
        return inverse(0.5);
    }

    @JsonValue
    public JsonNode written() {
        return written;
    }

    @Override
    public String toString() {
        return written.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistributionSpec d && d.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    /** Human-readable summary for reports, e.g. "lognormal(median 90.0, sigma 0.5)". */
    public String describe() {
        Map<String, Object> parts = new LinkedHashMap<>();
        written.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type")) {
                parts.put(e.getKey(), e.getValue());
            }
        });
        return type.name().toLowerCase(java.util.Locale.ROOT) + parts;
    }
}
