package org.acuteflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.acuteflow.metrics.Metrics;

/**
 * What each headline metric means and how the report shows it. The report never computes its own numbers: a
 * table cell is the value written to summary.csv (ten significant digits, {@link Numbers#format}), multiplied by
 * {@link Metric#scale} and rounded half-even to {@link Metric#decimals}. results/README.md documents the same
 * rule, so a reader can check any cell against the CSV.
 */
public final class MetricCatalog {
    private MetricCatalog() {
    }

    /**
     * @param name        metric name as in summary.csv
     * @param label       what a planner reads in the table
     * @param unit        unit of the displayed value (after scaling)
     * @param scale       factor from the CSV value to the displayed value (100 turns a share into a percentage)
     * @param decimals    decimals shown
     * @param lowerBetter true when a smaller value is the better outcome (used only in wording)
     */
    public record Metric(String name, String label, String unit, double scale, int decimals, boolean lowerBetter) {

        /** The displayed text of a summary.csv value; "n/a" when it is empty (not finite). */
        public String display(String csvValue) {
            if (csvValue == null || csvValue.isEmpty()) {
                return "n/a";
            }
            BigDecimal v = new BigDecimal(csvValue);
            if (scale != 1) {
                v = v.multiply(BigDecimal.valueOf(scale));
            }
            String s = v.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            // "-0.0" reads as a sign error to people; a value that rounds to zero is shown as zero.
            return s.startsWith("-") && new BigDecimal(s).signum() == 0 ? s.substring(1) : s;
        }

        public String display(double value) {
            return display(Numbers.format(value));
        }
    }

    /** The headline table's rows, in the order shown. */
    public static final List<Metric> HEADLINE = List.of(
            new Metric(Metrics.DEATHS_TOTAL.name(), "Deaths per year (all modelled conditions)", "deaths/year", 1, 1, true),
            new Metric(Metrics.STROKE_DEATHS_90D.name(), "Stroke deaths within 90 days", "deaths/year", 1, 1, true),
            new Metric(Metrics.STROKE_MORTALITY_90D.name(), "Stroke mortality at 90 days", "%", 100, 2, true),
            new Metric(Metrics.TRAUMA_DEATHS.name(), "Major trauma deaths", "deaths/year", 1, 1, true),
            new Metric(Metrics.EMERGENCY_DEATHS_30D.name(), "Other emergency deaths within 30 days", "deaths/year", 1, 1, true),
            new Metric(Metrics.STROKE_TRAVEL_MINUTES_MEAN.name(), "Stroke travel time to hospital, mean", "minutes", 1, 1, true),
            new Metric(Metrics.STROKE_TRAVEL_MINUTES_P95.name(), "Stroke travel time to hospital, 95th percentile", "minutes", 1, 1,
                    true),
            new Metric(Metrics.STROKE_SHARE_WITHIN_30MIN.name(), "Strokes reaching hospital within 30 minutes", "%", 100, 1, false),
            new Metric(Metrics.STROKE_SHARE_WITHIN_45MIN.name(), "Strokes reaching hospital within 45 minutes", "%", 100, 1, false),
            new Metric(Metrics.THROMBOLYSIS_RATE.name(), "Thrombolysis rate (of strokes)", "%", 100, 1, false),
            new Metric(Metrics.ONSET_TO_NEEDLE_MINUTES_MEDIAN.name(), "Onset to needle, median", "minutes", 1, 1, true),
            new Metric(Metrics.DOOR_TO_NEEDLE_MINUTES_MEDIAN.name(), "Door to needle, median", "minutes", 1, 1, true),
            new Metric(Metrics.AMBULANCE_RESPONSE_MINUTES_MEAN.name(), "Ambulance response time, mean", "minutes", 1, 1, true),
            new Metric(Metrics.AMBULANCE_SHARE_WITHIN_8MIN.name(), "Ambulance responses within 8 minutes", "%", 100, 1, false),
            new Metric(Metrics.HASU_OCCUPANCY_MEAN.name(), "HASU occupancy, mean occupied beds", "beds", 1, 1, true),
            new Metric(Metrics.DIVERTS_PER_YEAR.name(), "Diverts per year", "diverts/year", 1, 1, true));

    /** The metric whose difference the report leads with (deaths averted = baseline minus scenario). */
    public static final String DEATHS = Metrics.DEATHS_TOTAL.name();

    /** The catalogue entry for {@code name}, or null. */
    public static Metric find(String name) {
        for (Metric m : HEADLINE) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
