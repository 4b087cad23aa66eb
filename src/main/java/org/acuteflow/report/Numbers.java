package org.acuteflow.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Locale-independent, deterministic number text for output files. */
public final class Numbers {
    private static final MathContext SIGNIFICANT = new MathContext(10);

    private Numbers() {
    }

    /** Ten significant digits, plain notation, no trailing zeros; empty text for NaN or infinity. */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Fixed decimals for people (report tables). */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
