package org.acuteflow.report;

import java.util.List;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Site;

/**
 * The per-site measures shown site by site (site_summary.csv, the report's site tables, the workbench's hospital
 * table): the model's per-site series, the column each has in site_summary.csv, and how it is shown. One place
 * for their names. Stateless.
 */
public final class SiteMeasures {
    /**
     * @param column   column of site_summary.csv (mean over replications)
     * @param series   the model's per-site series (one cell per site, network order)
     * @param label    short label for tables
     * @param unit     unit of the value
     * @param decimals decimals shown
     */
    public record Measure(String column, String series, String label, String unit, int decimals) {
        MetricCatalog.Metric metric() {
            return new MetricCatalog.Metric(series, label, unit, 1, decimals, false);
        }
    }

    /** Admissions, as in the first columns of site_summary.csv (with intervals there). */
    public static final Measure ADMISSIONS = new Measure("admissions_per_year_mean", Metrics.SERIES_SITE_ADMISSIONS.name(),
            "admissions", "per year", 0);
    public static final Measure STROKE_ADMISSIONS = new Measure("stroke_admissions_per_year_mean",
            Metrics.SERIES_SITE_STROKE_ADMISSIONS.name(), "stroke admissions", "per year", 0);

    /** Every measure, in the order of the tables. */
    public static final List<Measure> ALL = List.of(ADMISSIONS, STROKE_ADMISSIONS,
            new Measure("diverts_from_per_year_mean", Metrics.SERIES_SITE_DIVERTS_FROM.name(), "diverts away (unit full)", "per year", 0),
            new Measure("door_to_needle_minutes_median_mean", Metrics.SERIES_SITE_DOOR_TO_NEEDLE_MINUTES_MEDIAN.name(),
                    "door to needle, median", "min", 0),
            new Measure("expected_deaths_per_year_mean", Metrics.SERIES_SITE_EXPECTED_DEATHS.name(), "deaths of its admissions",
                    "per year", 1),
            new Measure("expected_stroke_deaths_per_year_mean", Metrics.SERIES_SITE_EXPECTED_STROKE_DEATHS.name(),
                    "stroke deaths of its admissions", "per year", 1),
            new Measure("hasu_occupied_beds_mean", Metrics.SERIES_SITE_HASU_OCCUPANCY_MEAN.name(), "HASU occupied beds", "beds", 1),
            new Measure("stroke_unit_occupied_beds_mean", Metrics.SERIES_SITE_STROKE_UNIT_OCCUPANCY_MEAN.name(),
                    "stroke-unit occupied beds", "beds", 1),
            new Measure("ed_patients_mean", Metrics.SERIES_SITE_ED_OCCUPANCY_MEAN.name(), "patients in the emergency department",
                    "patients", 1),
            new Measure("handover_minutes_mean", Metrics.SERIES_SITE_HANDOVER_MINUTES_MEAN.name(), "ambulance handover, mean",
                    "min", 1),
            new Measure("emergency_beds_mean", Metrics.SERIES_SITE_EMERGENCY_BEDS.name(), "emergency beds", "beds", 0),
            new Measure("emergency_bed_occupancy_share_mean", Metrics.SERIES_SITE_EMERGENCY_BED_OCCUPANCY_SHARE.name(),
                    "emergency bed occupancy", "share", 3),
            new Measure("boarding_hours_mean", Metrics.SERIES_SITE_BOARDING_HOURS_MEAN.name(),
                    "decision to admit to bed, mean", "h", 2),
            new Measure("boarded_over_4h_share_mean", Metrics.SERIES_SITE_BOARDED_OVER_4H_SHARE.name(),
                    "admissions waiting over 4 h for a bed", "share", 3),
            new Measure("ed_over_4h_share_mean", Metrics.SERIES_SITE_ED_OVER_4H_SHARE.name(),
                    "admissions over 4 h arrival to bed", "share", 3));

    /** The measures written after HASU occupied beds in site_summary.csv (added later, so appended). */
    static final List<Measure> CSV_EXTRA = ALL.stream()
            .filter(m -> m != ADMISSIONS && m != STROKE_ADMISSIONS && !m.column().equals("hasu_occupied_beds_mean"))
            .toList();

    private SiteMeasures() {
    }

    /**
     * The mean over the replications that reported the site's value (a site that thrombolysed nobody in a
     * replication has no median there); NaN when none did or the site is null.
     */
    static double value(ExperimentResults results, int scenario, Measure m, Site site) {
        if (site == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int r = 0; r < results.replications(); r++) {
            double[] v = results.get(scenario, r).series().get(m.series());
            if (v != null && site.index() < v.length && Double.isFinite(v[site.index()])) {
                sum += v[site.index()];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
