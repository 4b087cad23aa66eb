package org.acuteflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

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
            new Metric("deaths_total", "Deaths per year (all modelled conditions)", "deaths/year", 1, 1, true),
            new Metric("stroke_deaths_90d", "Stroke deaths within 90 days", "deaths/year", 1, 1, true),
            new Metric("stroke_mortality_90d", "Stroke mortality at 90 days", "%", 100, 2, true),
            new Metric("trauma_deaths", "Major trauma deaths", "deaths/year", 1, 1, true),
            new Metric("emergency_deaths_30d", "Other emergency deaths within 30 days", "deaths/year", 1, 1, true),
            new Metric("stroke_travel_minutes_mean", "Stroke travel time to hospital, mean", "minutes", 1, 1, true),
            new Metric("stroke_travel_minutes_p95", "Stroke travel time to hospital, 95th percentile", "minutes", 1, 1,
                    true),
            new Metric("stroke_share_within_30min", "Strokes reaching hospital within 30 minutes", "%", 100, 1, false),
            new Metric("stroke_share_within_45min", "Strokes reaching hospital within 45 minutes", "%", 100, 1, false),
            new Metric("thrombolysis_rate", "Thrombolysis rate (of strokes)", "%", 100, 1, false),
            new Metric("onset_to_needle_minutes_median", "Onset to needle, median", "minutes", 1, 1, true),
            new Metric("door_to_needle_minutes_median", "Door to needle, median", "minutes", 1, 1, true),
            new Metric("ambulance_response_minutes_mean", "Ambulance response time, mean", "minutes", 1, 1, true),
            new Metric("ambulance_share_within_8min", "Ambulance responses within 8 minutes", "%", 100, 1, false),
            new Metric("hasu_occupancy_mean", "HASU occupancy, mean occupied beds", "beds", 1, 1, true),
            new Metric("diverts_per_year", "Diverts per year", "diverts/year", 1, 1, true));

    /** The metric whose difference the report leads with (deaths averted = baseline minus scenario). */
    public static final String DEATHS = "deaths_total";

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
