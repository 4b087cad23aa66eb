package org.acuteflow.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Every metric and series a replication writes, declared once with its unit, definition and pathway. The model
 * writes them by these declarations, the report and other outputs read them by these declarations, and the data
 * dictionary (results/README.md, sections "Metrics" and "Series") is the rendering of this list
 * ({@link #dictionaryRows}), checked by a test.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Pathway key of metrics of the whole system (all conditions, the fleet, sites). */
    public static final String ALL = "all";
    public static final String STROKE = "stroke";
    public static final String MAJOR_TRAUMA = "major_trauma";
    public static final String OTHER_EMERGENCY = "other_emergency";
    /** Heart attack (ST-elevation myocardial infarction) to primary PCI. */
    public static final String STEMI = "stemi";

    // Collected in declaration order by the factory methods below; frozen into the public lists at the end.
    private static final List<Metric> metrics = new ArrayList<>();
    private static final List<Metric> sliced = new ArrayList<>();
    private static final List<Slice> slices = new ArrayList<>();
    private static final List<Series> series = new ArrayList<>();

    // ---- metrics ----
    public static final Metric DEATHS_TOTAL = metric("deaths_total", "deaths/year",
            "expected deaths among all modelled patients (stroke within 90 days, major trauma in hospital, other emergencies and stroke mimics within 30 days)", ALL);
    public static final Metric DEATHS_TOTAL_SAMPLED = metric("deaths_total_sampled", "deaths/year",
            "the same, each patient's death drawn at random (one uniform per patient, paired across scenarios)", ALL);
    public static final Metric STROKE_DEATHS_90D = metric("stroke_deaths_90d", "deaths/year",
            "expected deaths within 90 days of ischaemic or haemorrhagic stroke (sum of each patient's P(mRS 6))", STROKE);
    public static final Metric STROKE_DEATHS_90D_SAMPLED = metric("stroke_deaths_90d_sampled", "deaths/year",
            "the same, sampled", STROKE);
    public static final Metric STROKE_MORTALITY_90D = metric("stroke_mortality_90d", "proportion",
            "expected stroke deaths within 90 days divided by strokes", STROKE);
    public static final Metric STROKE_MRS_0_2_SHARE_90D = metric("stroke_mrs_0_2_share_90d", "proportion",
            "expected share of strokes independent (mRS 0-2) at 90 days", STROKE);
    public static final Metric STROKE_INDEPENDENT_90D = metric("stroke_independent_90d", "strokes/year",
            "expected strokes independent (mRS 0-2) at 90 days", STROKE);
    public static final Metric STROKE_MRS_MEAN_90D = metric("stroke_mrs_mean_90d", "mRS points",
            "mean expected modified Rankin Scale score at 90 days (0 no symptoms ... 6 dead)", STROKE);
    public static final Metric STROKE_UTILITY_MEAN_90D = metric("stroke_utility_mean_90d", "utility",
            "mean expected utility at 90 days (EQ-5D weights by mRS level, dead = 0)", STROKE);
    public static final Metric QALYS_TOTAL = metric("qalys_total", "QALYs/year",
            "quality-adjusted life years of the year's strokes over the stated horizon (`outcome.stroke.qaly_horizon_years`, default the first year after onset): each stroke's expected 90-day utility held for the horizon; strokes only", STROKE);
    public static final Metric STROKE_SICH_EXCESS_PER_YEAR = metric("stroke_sich_excess_per_year", "haemorrhages/year",
            "expected excess symptomatic intracranial haemorrhages caused by thrombolysis and thrombectomy", STROKE);
    public static final Metric TRAUMA_DEATHS = metric("trauma_deaths", "deaths/year",
            "expected in-hospital deaths after major trauma (ISS > 15)", MAJOR_TRAUMA);
    public static final Metric TRAUMA_DEATHS_SAMPLED = metric("trauma_deaths_sampled", "deaths/year",
            "the same, sampled", MAJOR_TRAUMA);
    public static final Metric TRAUMA_MORTALITY = metric("trauma_mortality", "proportion",
            "expected major trauma deaths divided by major trauma patients", MAJOR_TRAUMA);
    public static final Metric EMERGENCY_DEATHS_30D = metric("emergency_deaths_30d", "deaths/year",
            "expected deaths within 30 days after medical and surgical emergencies", OTHER_EMERGENCY);
    public static final Metric EMERGENCY_DEATHS_30D_SAMPLED = metric("emergency_deaths_30d_sampled", "deaths/year",
            "the same, sampled", OTHER_EMERGENCY);
    public static final Metric EMERGENCY_MORTALITY_30D = metric("emergency_mortality_30d", "proportion",
            "expected emergency deaths divided by emergency patients", OTHER_EMERGENCY);
    public static final Metric MIMIC_DEATHS_30D = metric("mimic_deaths_30d", "deaths/year",
            "expected deaths within 30 days of stroke mimics (never stroke deaths)", STROKE);
    public static final Metric MIMIC_DEATHS_30D_SAMPLED = metric("mimic_deaths_30d_sampled", "deaths/year",
            "the same, sampled", STROKE);
    public static final Metric MIMIC_MORTALITY_30D = metric("mimic_mortality_30d", "proportion",
            "expected mimic deaths divided by mimics", STROKE);
    public static final Metric STROKE_TRAVEL_MINUTES_MEAN = metric("stroke_travel_minutes_mean", "minutes",
            "mean travel time from scene to the hospital a stroke patient is taken to", STROKE);
    public static final Metric STROKE_TRAVEL_MINUTES_P95 = metric("stroke_travel_minutes_p95", "minutes",
            "95th percentile of that travel time", STROKE);
    public static final Metric CONVEYANCE_MINUTES_MEAN = metric("conveyance_minutes_mean", "minutes",
            "mean time from leaving the scene to the hospital door, all patients conveyed by ambulance", ALL);
    public static final Metric STROKE_SHARE_WITHIN_30MIN = metric("stroke_share_within_30min", "proportion",
            "share of stroke patients reaching hospital within 30 minutes of leaving the scene", STROKE);
    public static final Metric STROKE_SHARE_WITHIN_45MIN = metric("stroke_share_within_45min", "proportion",
            "the same within 45 minutes", STROKE);
    public static final Metric THROMBOLYSIS_RATE = metric("thrombolysis_rate", "proportion",
            "share of stroke patients given intravenous thrombolysis", STROKE);
    public static final Metric THROMBECTOMY_RATE = metric("thrombectomy_rate", "proportion",
            "share of stroke patients given mechanical thrombectomy", ALL);
    public static final Metric ONSET_TO_NEEDLE_MINUTES_MEDIAN = metric("onset_to_needle_minutes_median", "minutes",
            "median time from onset to thrombolysis, among those thrombolysed", STROKE);
    public static final Metric DOOR_TO_NEEDLE_MINUTES_MEDIAN = metric("door_to_needle_minutes_median", "minutes",
            "median time from hospital arrival to thrombolysis, among those thrombolysed", STROKE);
    public static final Metric STROKE_UNIT_CARE_SHARE = metric("stroke_unit_care_share", "proportion",
            "share of stroke patients who spent some of their stay on a stroke unit or HASU", STROKE);
    public static final Metric STROKE_ORGANISED_CARE_STAY_SHARE = metric("stroke_organised_care_stay_share", "proportion",
            "mean share of the stroke stay spent in organised care (HASU or stroke unit); a patient moved from a general ward when a bed freed counts the rest of the stay", STROKE);
    public static final Metric TRAUMA_SHARE_MTC_DIRECT = metric("trauma_share_mtc_direct", "proportion",
            "share of major trauma conveyed by ambulance taken straight to a major trauma centre (with field under-triage, some go to the nearest emergency department first)", MAJOR_TRAUMA);
    public static final Metric TRAUMA_TRANSFERS_PER_YEAR = metric("trauma_transfers_per_year", "transfers/year",
            "major trauma transferred from a trauma unit or emergency department to a major trauma centre", MAJOR_TRAUMA);
    public static final Metric STEMI_PATIENTS_PER_YEAR = metric("stemi_patients_per_year", "patients/year",
            "heart attacks (STEMI) for primary PCI; written only when the pathway has demand (demand.classes.stemi.per_year > 0), as are the other stemi_ metrics", STEMI);
    public static final Metric STEMI_DEATHS_30D = metric("stemi_deaths_30d", "deaths/year",
            "expected deaths within 30 days of primary PCI (sum of each patient's probability, by age band and call-to-balloon time); not part of deaths_total", STEMI);
    public static final Metric STEMI_MORTALITY_30D = metric("stemi_mortality_30d", "proportion",
            "expected STEMI deaths within 30 days divided by STEMI patients", STEMI);
    public static final Metric STEMI_CALL_TO_BALLOON_MINUTES_MEDIAN = metric("stemi_call_to_balloon_minutes_median", "minutes",
            "median time from the call for help (a self-presenter: arrival at the first hospital) to the balloon", STEMI);
    public static final Metric STEMI_SHARE_CALL_TO_BALLOON_WITHIN_150MIN = metric("stemi_share_call_to_balloon_within_150min", "proportion",
            "share of STEMI patients with a call-to-balloon time of 150 minutes or less (the national standard)", STEMI);
    public static final Metric STEMI_DOOR_TO_BALLOON_MINUTES_MEDIAN = metric("stemi_door_to_balloon_minutes_median", "minutes",
            "median time from arrival at the heart attack centre to the balloon", STEMI);
    public static final Metric STEMI_SHARE_DIRECT_TO_PCI = metric("stemi_share_direct_to_pci", "proportion",
            "share of STEMI patients whose first hospital offers primary PCI (no inter-hospital transfer)", STEMI);
    public static final Metric STEMI_TRANSFERS_PER_YEAR = metric("stemi_transfers_per_year", "transfers/year",
            "STEMI patients transferred from a hospital without primary PCI to a heart attack centre", STEMI);
    public static final Metric STEMI_SHARE_CATH_LAB_ON_CALL = metric("stemi_share_cath_lab_on_call", "proportion",
            "share of STEMI patients reaching the catheter laboratory while its team is on call (out of hours)", STEMI);
    public static final Metric AMBULANCE_RESPONSE_MINUTES_MEAN = metric("ambulance_response_minutes_mean", "minutes",
            "mean time from call to an ambulance at the scene", ALL);
    public static final Metric AMBULANCE_RESPONSE_MINUTES_MEAN_CATEGORY_A = metric("ambulance_response_minutes_mean_category_a", "minutes",
            "the same for Category A calls", ALL);
    public static final Metric AMBULANCE_SHARE_WITHIN_8MIN = metric("ambulance_share_within_8min", "proportion",
            "share of Category A responses within 8 minutes, counting the first vehicle at the scene (a response car or the ambulance)", ALL);
    public static final Metric AMBULANCE_SHARE_WITHIN_8MIN_BY_AMBULANCE = metric("ambulance_share_within_8min_by_ambulance", "proportion",
            "share of Category A responses with the ambulance itself at the scene within 8 minutes", ALL);
    public static final Metric AMBULANCE_WAIT_MINUTES_MEAN = metric("ambulance_wait_minutes_mean", "minutes",
            "mean time from call to dispatch (waiting for a free ambulance)", ALL);
    public static final Metric AMBULANCE_UTILISATION = metric("ambulance_utilisation", "proportion",
            "mean share of the fleet busy", ALL);
    public static final Metric RESPONSE_CAR_FIRST_SHARE = metric("response_car_first_share", "proportion",
            "share of Category A responses where a rapid-response car arrived before the ambulance", ALL);
    public static final Metric RESPONSE_CAR_UTILISATION = metric("response_car_utilisation", "proportion",
            "mean share of the rapid-response cars away from their station (empty without cars)", ALL);
    public static final Metric AMBULANCE_HANDOVER_MINUTES_MEAN = metric("ambulance_handover_minutes_mean", "minutes",
            "mean time from an ambulance's arrival at hospital to its crew clearing, conveyances and transfers", ALL);
    public static final Metric TRANSFER_WAIT_MINUTES_MEAN = metric("transfer_wait_minutes_mean", "minutes",
            "mean time from a patient being ready for an inter-hospital transfer to leaving (waiting for a vehicle and its drive to the site)", ALL);
    public static final Metric HASU_OCCUPANCY_MEAN = metric("hasu_occupancy_mean", "beds",
            "mean number of occupied HASU beds, all sites", STROKE);
    public static final Metric STROKE_UNIT_OCCUPANCY_MEAN = metric("stroke_unit_occupancy_mean", "beds",
            "mean number of occupied stroke-unit beds, all sites", STROKE);
    public static final Metric HASU_STEP_DOWN_WAIT_HOURS_MEAN = metric("hasu_step_down_wait_hours_mean", "hours",
            "mean time strokes moving on from a HASU to its site's stroke unit wait in the HASU bed for a stroke-unit bed (0 when one is free)", STROKE);
    public static final Metric STROKE_REPATRIATIONS_PER_YEAR = metric("stroke_repatriations_per_year", "patients/year",
            "strokes moved by ambulance from a HASU to their home stroke unit on another site", STROKE);
    public static final Metric REPATRIATION_WAIT_HOURS_MEAN = metric("repatriation_wait_hours_mean", "hours",
            "mean time repatriated strokes spend in the HASU bed after their HASU stay: waiting for a bed at the home stroke unit, then for the ambulance to reach the HASU", STROKE);
    public static final Metric ED_OCCUPANCY_MEAN = metric("ed_occupancy_mean", "patients",
            "mean number of patients in emergency departments, all sites", ALL);
    public static final Metric DIVERTS_PER_YEAR = metric("diverts_per_year", "diverts/year",
            "patients sent elsewhere because the intended unit was full", ALL);
    public static final Metric HASU_OVERFLOWS_PER_YEAR = metric("hasu_overflows_per_year", "patients/year",
            "suspected strokes admitted to a full HASU (all HASUs were full when they left the scene)", STROKE);
    public static final Metric INCIDENTS_PER_YEAR = metric("incidents_per_year", "incidents/year",
            "ambulance incidents generated", ALL);
    public static final Metric SELF_PRESENTERS_PER_YEAR = metric("self_presenters_per_year", "patients/year",
            "patients reaching an emergency department without an ambulance", ALL);
    public static final Metric STROKES_PER_YEAR = metric("strokes_per_year", "strokes/year",
            "stroke onsets generated", ALL);
    public static final Metric EVENTS_EXECUTED = metric("events_executed", "events",
            "simulation events executed in the replication (a size and check figure, not per year)", ALL);
    public static final Metric PSA_SUMMARY_CELLS = metric("psa_summary_cells", "cells",
            "output `psa`: distinct outcome-covariate cells of the replication's journeys that each PSA coefficient set is evaluated on (a size figure)", ALL);
    public static final Metric SITE_ADMISSIONS_PER_YEAR = metric("site_admissions_per_year.<site_id>", "admissions/year",
            "emergency admissions at that site", ALL);
    public static final Metric SITE_STROKE_ADMISSIONS_PER_YEAR = metric("site_stroke_admissions_per_year.<site_id>", "admissions/year",
            "stroke admissions at that site", STROKE);
    public static final Metric SITE_ED_OCCUPANCY_MEAN = metric("site_ed_occupancy_mean.<site_id>", "patients",
            "mean number of patients in that site's emergency department (time-weighted)", ALL);
    public static final Metric SENSITIVITY_DEATHS_TOTAL = metric("sensitivity.<coefficient>.<level>.deaths_total", "deaths/year",
            "output `sensitivity`: `deaths_total` with that outcome coefficient at the 2.5th (level `low`) or 97.5th (level `high`) percentile of its distribution, on the same journeys", ALL);
    public static final Metric SENSITIVITY_STROKE_DEATHS_90D = metric("sensitivity.<coefficient>.<level>.stroke_deaths_90d", "deaths/year",
            "the same for `stroke_deaths_90d`", ALL);
    public static final Metric SENSITIVITY_STEMI_DEATHS_30D = metric("sensitivity.<coefficient>.<level>.stemi_deaths_30d", "deaths/year",
            "the same for `stemi_deaths_30d`, with a coefficient of `stemi.outcome` (its path relative to the parameters)", STEMI);

    public static final Metric DEATHS_TOTAL_SLICED = sliced(DEATHS_TOTAL, "`deaths_total` of patients whose onset fell in the slice");
    public static final Metric STROKE_DEATHS_90D_SLICED = sliced(STROKE_DEATHS_90D, "the same for strokes");
    public static final Metric TRAUMA_DEATHS_SLICED = sliced(TRAUMA_DEATHS, "the same for major trauma");
    public static final Metric EMERGENCY_DEATHS_30D_SLICED = sliced(EMERGENCY_DEATHS_30D, "the same for other emergencies");
    public static final Metric MIMIC_DEATHS_30D_SLICED = sliced(MIMIC_DEATHS_30D, "the same for stroke mimics");

    public static final Slice WEEKDAY = slice("_weekday", "Monday 00:00 to Friday 23:59");
    public static final Slice WEEKEND = slice("_weekend", "Saturday and Sunday");
    public static final Slice HOURS_00_08 = slice("_hours_00_08", "between 00:00 and 08:00, any day");
    public static final Slice HOURS_08_18 = slice("_hours_08_18", "between 08:00 and 18:00");
    public static final Slice HOURS_18_24 = slice("_hours_18_24", "between 18:00 and 24:00");

    public static final Series SERIES_ARRIVALS_BY_HOUR_OF_WEEK = series("arrivals_by_hour_of_week", "168, index = weekday (Monday = 0) × 24 + hour",
            "emergency arrivals with onset in that hour of the week", ALL);
    public static final Series SERIES_STROKE_ARRIVALS_BY_HOUR_OF_WEEK = series("stroke_arrivals_by_hour_of_week", "168",
            "the same for strokes", STROKE);
    public static final Series SERIES_DEATHS_BY_HOUR_OF_WEEK = series("deaths_by_hour_of_week", "168",
            "deaths by hour of the week of onset", ALL);
    public static final Series SERIES_HASU_OCCUPANCY_BY_HOUR_OF_WEEK = series("hasu_occupancy_by_hour_of_week", "168",
            "mean occupied HASU beds, all sites, in that hour of the week", STROKE);
    public static final Series SERIES_ED_OCCUPANCY_BY_HOUR_OF_WEEK = series("ed_occupancy_by_hour_of_week", "168",
            "mean patients in emergency departments, all sites, in that hour of the week", ALL);
    public static final Series SERIES_STROKE_TRAVEL_MINUTES_HISTOGRAM = series("stroke_travel_minutes_histogram", "121",
            "stroke patients by whole minutes of travel: cell i holds [i, i+1) minutes, cell 120 holds 120 minutes or more", STROKE);
    public static final Series SERIES_ZONE_STROKE_SITE_INDEX = series("zone_stroke_site_index", "one per zone",
            "index (network order) of the stroke hospital chosen for the zone", STROKE);
    public static final Series SERIES_ZONE_STROKE_TRAVEL_MINUTES_BASE = series("zone_stroke_travel_minutes_base", "one per zone",
            "base minutes from the zone to that hospital", STROKE);
    public static final Series SERIES_ZONE_EXPECTED_DEATHS = series("zone_expected_deaths", "one per zone",
            "expected deaths per year among the zone's patients", ALL);
    public static final Series SERIES_ZONE_EXPECTED_STROKE_DEATHS = series("zone_expected_stroke_deaths", "one per zone",
            "expected stroke deaths per year", ALL);
    public static final Series SERIES_SITE_ADMISSIONS = series("site_admissions", "one per site",
            "emergency admissions per year", ALL);
    public static final Series SERIES_SITE_STROKE_ADMISSIONS = series("site_stroke_admissions", "one per site",
            "stroke admissions per year", STROKE);
    public static final Series SERIES_SITE_HASU_OCCUPANCY_MEAN = series("site_hasu_occupancy_mean", "one per site",
            "mean occupied HASU beds", STROKE);
    public static final Series SERIES_SITE_STROKE_UNIT_OCCUPANCY_MEAN = series("site_stroke_unit_occupancy_mean",
            "one per site", "mean occupied stroke-unit beds", STROKE);
    public static final Series SERIES_SITE_ED_OCCUPANCY_MEAN = series("site_ed_occupancy_mean", "one per site",
            "mean patients in the emergency department", ALL);
    public static final Series SERIES_SITE_HANDOVER_MINUTES_MEAN = series("site_handover_minutes_mean", "one per site",
            "mean ambulance handover minutes at the site (longer when its emergency department is crowded); NaN where no crew handed over", ALL);
    public static final Series SERIES_SITE_DIVERTS_FROM = series("site_diverts_from", "one per site",
            "diverts per year away from the site (the protocol's first choice, its unit full)", STROKE);
    public static final Series SERIES_SITE_DOOR_TO_NEEDLE_MINUTES_MEDIAN = series(
            "site_door_to_needle_minutes_median", "one per site",
            "median door-to-needle minutes of the strokes thrombolysed there; NaN when none was", STROKE);
    public static final Series SERIES_SITE_EXPECTED_DEATHS = series("site_expected_deaths", "one per site",
            "expected deaths per year of the patients first admitted there", ALL);
    public static final Series SERIES_SITE_EXPECTED_STROKE_DEATHS = series("site_expected_stroke_deaths",
            "one per site", "the same for strokes", STROKE);
    public static final Series SERIES_PSA = series("psa.<metric>", "one per PSA coefficient set",
            "output `psa`: the metric re-evaluated with coefficient set k (psa.csv summarises them)", ALL);

    /** The metrics, in the data dictionary's order (families by their pattern; sliced counts not included). */
    public static final List<Metric> METRICS = List.copyOf(metrics);
    /** The death counts also written per slice, as families {@code NAME<slice>}. */
    public static final List<Metric> SLICED = List.copyOf(sliced);
    public static final List<Slice> SLICES = List.copyOf(slices);
    public static final List<Series> SERIES = List.copyOf(series);

    private static Metric metric(String name, String unit, String definition, String pathway) {
        Metric m = new Metric(name, unit, definition, pathway);
        metrics.add(m);
        return m;
    }

    private static Metric sliced(Metric base, String definition) {
        Metric m = new Metric(base.name() + "<slice>", base.unit(), definition, base.pathway());
        sliced.add(m);
        return m;
    }

    private static Slice slice(String suffix, String definition) {
        Slice s = new Slice(suffix, definition);
        slices.add(s);
        return s;
    }

    private static Series series(String name, String cells, String definition, String pathway) {
        Series s = new Series(name, cells, definition, pathway);
        series.add(s);
        return s;
    }

    /** The declared metric named {@code name} (a family's member resolves to its family), or null. */
    public static Metric find(String name) {
        for (Metric m : METRICS) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        for (Metric m : METRICS) {
            if (m.isFamily()) {
                String prefix = m.name().substring(0, m.name().indexOf('<'));
                String suffix = m.name().substring(m.name().lastIndexOf('>') + 1);
                if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix.length() + suffix.length()) {
                    return m;
                }
            }
        }
        for (Slice s : SLICES) {
            if (name.endsWith(s.suffix())) {
                String base = name.substring(0, name.length() - s.suffix().length());
                for (Metric m : SLICED) {
                    if (m.name().equals(base + "<slice>")) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The data dictionary's table rows, as results/README.md writes them: the metrics ({@code | `name` | unit |
     * definition |}), the sliced counts, the slice suffixes ({@code | `suffix` | definition |}) and the series
     * ({@code | `name` | cells | definition |}).
     */
    public static List<String> dictionaryRows(boolean seriesSection) {
        List<String> rows = new ArrayList<>();
        if (seriesSection) {
            for (Series s : SERIES) {
                rows.add("| `" + s.name() + "` | " + s.cells() + " | " + s.definition() + " |");
            }
            return rows;
        }
        for (Metric m : METRICS) {
            rows.add("| `" + m.name() + "` | " + m.unit() + " | " + m.definition() + " |");
        }
        for (Metric m : SLICED) {
            rows.add("| `" + m.name() + "` | " + m.unit() + " | " + m.definition() + " |");
        }
        for (Slice s : SLICES) {
            rows.add("| `" + s.suffix() + "` | " + s.definition() + " |");
        }
        return rows;
    }
}
