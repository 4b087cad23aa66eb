package org.acuteflow.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * The probability distribution of one uncertain coefficient, for probabilistic sensitivity analysis. The
 * coefficient's value in the parameter tree is the distribution's centre; {@code ci95} gives its spread:
 * <ul>
 * <li>{@code lognormal} (odds ratios): median = the value, {@code sigma = (ln high - ln low) / (2 x 1.96)};</li>
 * <li>{@code beta} (probabilities): mean = the value, standard deviation {@code (high - low) / 3.92} (a value of
 * exactly 0 or 1 stays fixed);</li>
 * <li>{@code normal}: mean = the value, standard deviation {@code (high - low) / 3.92};</li>
 * <li>{@code uniform}: between low and high (the value must lie in between);</li>
 * <li>{@code dirichlet} (a list of shares, such as a distribution over mRS levels): mean = the shares normalised
 * to sum 1, concentration {@code sample_size} (the effective number of patients behind the shares), so each
 * share's variance is {@code p (1 - p) / (sample_size + 1)}; no {@code ci95}.</li>
 * </ul>
 *
 * @param path         coefficient path relative to {@code parameters.outcome}
 * @param distribution lognormal, beta, normal, uniform or dirichlet
 * @param ci95         [low, high]: the published 95% interval or the assumed range (empty for dirichlet)
 * @param sampleSize   dirichlet only (0 otherwise): the effective sample size behind the shares
 * @param source       where the distribution comes from
 */
public record Uncertainty(String path, String distribution, List<Double> ci95, double sampleSize, String source) {
    private static final double Z975 = 1.959963984540054;
    /** The distribution of a list of shares; every other distribution is of one number. */
    public static final String DIRICHLET = "dirichlet";

    public Uncertainty {
        ci95 = ci95 == null ? List.of() : List.copyOf(ci95);
    }

    /**
     * A copy of a parameter tree whose {@code uncertainty} entries all have both {@code ci95} and
     * {@code sample_size}: a distribution gives one of them (ci95 for one number, sample_size for a dirichlet), and
     * the other, left out, is filled in as empty or 0 so the strict binding accepts it and {@link #problem} names
     * what is missing.
     */
    public static JsonNode withOptionalKeys(JsonNode tree) {
        JsonNode list = tree.get("uncertainty");
        if (list == null || !list.isArray()) {
            return tree;
        }
        JsonNode copy = tree.deepCopy();
        for (JsonNode entry : copy.get("uncertainty")) {
            if (entry instanceof ObjectNode o) {
                if (!o.has("ci95")) {
                    o.putArray("ci95");
                }
                if (!o.has("sample_size")) {
                    o.put("sample_size", 0);
                }
            }
        }
        return copy;
    }

    /** Whether this is the distribution of a list of shares rather than of one number. */
    public boolean ofShares() {
        return DIRICHLET.equals(distribution);
    }

    private double low() {
        return ci95.get(0);
    }

    private double high() {
        return ci95.get(1);
    }

    /** What is wrong with this distribution of shares around {@code central}, or null. */
    String problem(List<Double> central) {
        if (!(sampleSize > 0) || Double.isInfinite(sampleSize)) {
            return "a dirichlet needs sample_size > 0 (the effective number of patients behind the shares)";
        }
        if (!ci95.isEmpty()) {
            return "a dirichlet takes sample_size, not ci95";
        }
        for (Double share : central) {
            if (share == null || !(share > 0) || Double.isInfinite(share)) {
                return "a dirichlet needs positive finite shares";
            }
        }
        return null;
    }

    /** What is wrong with this distribution around {@code central}, or null. */
    public String problem(double central) {
        if (DIRICHLET.equals(distribution)) {
            return "a dirichlet is the distribution of a list of shares; '" + path + "' is one number";
        }
        if (sampleSize != 0) {
            return "sample_size is for a dirichlet only; give ci95";
        }
        if (ci95.size() != 2 || ci95.get(0) == null || ci95.get(1) == null) {
            return "ci95 must be [low, high]";
        }
        double lo = low();
        double hi = high();
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return "ci95 must be finite with low < high, got [" + lo + ", " + hi + "]";
        }
        if (distribution == null) {
            return "distribution must be one of lognormal, beta, normal, uniform, dirichlet";
        }
        switch (distribution) {
            case "lognormal" -> {
                if (!(lo > 0 && central > 0)) {
                    return "a lognormal needs a positive value and a positive low end";
                }
            }
            case "beta" -> {
                if (central == 0 || central == 1) {
                    return null;
                }
                if (!(central > 0 && central < 1)) {
                    return "a beta needs a value between 0 and 1, got " + central;
                }
                double sd = (hi - lo) / (2 * Z975);
                if (!(sd * sd < central * (1 - central))) {
                    return "the range [" + lo + ", " + hi + "] is too wide for a beta with mean " + central;
                }
            }
            case "normal" -> {
                return null;
            }
            case "uniform" -> {
                if (central < lo || central > hi) {
                    return "the value " + central + " must lie within the uniform range [" + lo + ", " + hi + "]";
                }
            }
            default -> {
                return "distribution must be one of lognormal, beta, normal, uniform, dirichlet, got '"
                        + distribution + "'";
            }
        }
        return null;
    }

    /** The {@code q}-quantile (0 &lt; q &lt; 1) of the distribution centred on {@code central}. */
    public double quantile(double central, double q) {
        return switch (distribution) {
            case "lognormal" -> central * Math.exp((Math.log(high()) - Math.log(low())) / (2 * Z975) * normalQuantile(q));
            case "beta" -> {
                if (central == 0 || central == 1) {
                    // A certain event (or a certain non-event) stays certain: the distribution is a point.
                    yield central;
                }
                double sd = (high() - low()) / (2 * Z975);
                double k = central * (1 - central) / (sd * sd) - 1;
                yield new BetaDistribution(null, central * k, (1 - central) * k).inverseCumulativeProbability(q);
            }
            case "normal" -> central + (high() - low()) / (2 * Z975) * normalQuantile(q);
            case "uniform" -> low() + q * (high() - low());
            default -> throw new IllegalStateException("unknown distribution " + distribution);
        };
    }

    /**
     * A draw of the shares from the dirichlet centred on {@code central}: independent gamma variates of shape
     * {@code sample_size x share} (scale 1), one per share, each from one uniform of {@code uniforms} by its inverse
     * distribution function, normalised to sum 1.
     */
    public double[] drawShares(List<Double> central, double[] uniforms) {
        double total = 0;
        for (double x : central) {
            total += x;
        }
        double[] out = new double[central.size()];
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            double shape = sampleSize * central.get(k) / total;
            // A share drawn as 0 would be an mRS level nobody can reach; keep it tiny instead.
            out[k] = Math.max(1e-12, new GammaDistribution(null, shape, 1).inverseCumulativeProbability(uniforms[k]));
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /** The q-quantile of the standard normal distribution. */
    public static double normalQuantile(double q) {
        return Math.sqrt(2) * Erf.erfInv(2 * q - 1);
    }
}
