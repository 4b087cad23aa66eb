package org.acuteflow.model;

import java.util.List;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.WeeklyProfile;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.model.stats.Histogram;
import org.acuteflow.network.Network;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.CareLevel;
import org.acuteflow.outcome.CovariateSummary;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.outcome.DeathTally;
import org.acuteflow.outcome.OutcomeModel;

/**
 * Streamed statistics of one replication over the patients counted (onset or call after the warm-up): sums,
 * counts and fixed-width histograms, never a list of patients. Counts are reported per 365-day year of
 * simulated time. Mutable; confined to one replication.
 */
final class FlowStatistics {
    private static final int HOURS = WeeklyProfile.HOURS_PER_WEEK;

    private final Network network;
    private final double kmPerBaseMinute;

    long incidents;
    final double[] incidentsByHour = new double[HOURS];
    final double[] strokesByHour = new double[HOURS];
    long strokes;
    long suspectedStrokesConveyed;
    double responseSum;
    long responses;
    double waitSum;
    long categoryA;
    long categoryAWithin8;
    double categoryAResponseSum;
    final Histogram strokeTravel = new Histogram(0.5, 600);
    final double[] strokeTravelWholeMinutes = new double[121];
    double strokeTravelSum;
    double conveyanceSum;
    long conveyances;
    long thrombolysed;
    long thrombectomies;
    final Histogram onsetToNeedle = new Histogram(0.5, 1200);
    final Histogram doorToNeedle = new Histogram(0.5, 600);
    long traumaConveyed;
    long traumaMtcDirect;
    long traumaTransfers;
    long diverts;
    long hasuOverflows;
    long strokeUnitCare;
    long selfPresenters;
    final double[] siteAdmissions;
    final double[] siteStrokeAdmissions;
    /** Expected and sampled deaths by condition group, weekday/weekend and hour band (of onset). */
    final DeathTally deaths = new DeathTally();
    final double[] deathsByHour = new double[HOURS];
    final double[] zoneDeaths;
    final double[] zoneStrokeDeaths;

    /** Expected deaths per sensitivity variant: [variant][0 = all conditions, 1 = stroke]. */
    private final Outcomes outcomes;
    private final List<OutcomeVariant> variants;
    private final double[][] variantDeaths;
    /** Stroke functional outcome (expected values over the mRS distribution), when the model gives one. */
    private final double[] mrs = new double[OutcomeModel.MRS];
    long strokeOutcomes;
    double strokeIndependent;
    double strokeMrsSum;
    double strokeUtilitySum;
    double strokeSichExcess;
    double strokeOrganisedShareSum;
    /** The journeys by outcome covariates, for probabilistic sensitivity analysis; null without PSA draws. */
    private final CovariateSummary psaSummary;

    FlowStatistics(Network network, double kmPerBaseMinute, Outcomes outcomes) {
        this.outcomes = outcomes;
        this.variants = outcomes.sensitivity();
        this.variantDeaths = new double[variants.size()][2];
        this.psaSummary = outcomes.psaDraws().isEmpty() ? null : new CovariateSummary();
        this.network = network;
        this.kmPerBaseMinute = kmPerBaseMinute;
        siteAdmissions = new double[network.sites().size()];
        siteStrokeAdmissions = new double[network.sites().size()];
        zoneDeaths = new double[network.zones().size()];
        zoneStrokeDeaths = new double[network.zones().size()];
    }

    /** Adds a counted patient whose journey record is complete (outcome already evaluated). */
    void record(Patient p) {
        boolean ambulance = !p.selfPresenter;
        if (ambulance) {
            incidents++;
            incidentsByHour[WeeklyProfile.hourOfWeek(p.callMinutes)]++;
            if (!Double.isNaN(p.atSceneMinutes)) {
                double response = p.atSceneMinutes - p.callMinutes;
                responseSum += response;
                waitSum += p.dispatchMinutes - p.callMinutes;
                responses++;
                if (p.categoryA) {
                    categoryA++;
                    categoryAResponseSum += response;
                    if (response <= 8.0) {
                        categoryAWithin8++;
                    }
                }
            }
        } else {
            selfPresenters++;
        }
        if (p.firstSite >= 0) {
            siteAdmissions[p.firstSite]++;
        }
        if (ambulance && !Double.isNaN(p.doorMinutes) && !Double.isNaN(p.leaveSceneMinutes)) {
            conveyanceSum += p.doorMinutes - p.leaveSceneMinutes;
            conveyances++;
        }
        Condition c = p.condition;
        if (c == null) {
            return;
        }
        if (c.isStroke()) {
            strokes++;
            strokesByHour[WeeklyProfile.hourOfWeek(p.onsetMinutes)]++;
            if (p.firstSite >= 0) {
                siteStrokeAdmissions[p.firstSite]++;
            }
            if (p.thrombolysed()) {
                thrombolysed++;
                onsetToNeedle.add(p.needleMinutes - p.onsetMinutes);
                doorToNeedle.add(p.needleMinutes - p.doorMinutes);
            }
            if (!Double.isNaN(p.punctureMinutes)) {
                thrombectomies++;
            }
            if (p.careLevel == CareLevel.HASU || p.careLevel == CareLevel.STROKE_UNIT) {
                strokeUnitCare++;
            }
        }
        if (p.isSuspectedStroke() && !Double.isNaN(p.doorMinutes)) {
            suspectedStrokesConveyed++;
            double travel = p.doorMinutes - p.leaveSceneMinutes;
            strokeTravel.add(travel);
            strokeTravelSum += travel;
            strokeTravelWholeMinutes[(int) Math.min(120, Math.floor(Math.max(0, travel)))]++;
        }
        if (c == Condition.MAJOR_TRAUMA && ambulance && p.firstSite >= 0) {
            traumaConveyed++;
            if (network.sites().get(p.firstSite).offers(org.acuteflow.network.Service.MTC)) {
                traumaMtcDirect++;
            }
            if (p.transferSite >= 0) {
                traumaTransfers++;
            }
        }
        if (p.diverted) {
            diverts++;
        }
        if (!Double.isNaN(p.probabilityOfDeath)) {
            double d = p.probabilityOfDeath;
            // The uniform was drawn when the patient was created, so the sampled death is paired across scenarios.
            deaths.record(c, d, OutcomeModel.sampleDeath(d, p.outcomeUniform), p.onsetMinutes);
            int how = WeeklyProfile.hourOfWeek(p.onsetMinutes);
            deathsByHour[how] += d;
            zoneDeaths[p.zone] += d;
            if (c.isStroke()) {
                zoneStrokeDeaths[p.zone] += d;
            }
        }
    }

    double distanceKm(int zone, int site) {
        double km = network.travel().zoneToSiteKm(zone, site);
        // Networks without road distances fall back on the documented km per base minute.
        return Double.isFinite(km) ? km : network.travel().zoneToSite(zone, site) * kmPerBaseMinute;
    }

    /**
     * Adds a counted patient's outcomes beyond the central probability of death: the stroke's mRS distribution,
     * the sensitivity variants' deaths and the patient's cell of the PSA summary.
     */
    void recordOutcome(Patient p, OutcomeInput input) {
        Condition c = p.condition;
        for (int k = 0; k < variants.size(); k++) {
            double d = variants.get(k).probabilityOfDeath().applyAsDouble(input);
            variantDeaths[k][0] += d;
            if (c.isStroke()) {
                variantDeaths[k][1] += d;
            }
        }
        OutcomeModel central = outcomes.central();
        if (c.isStroke()) {
            strokeOrganisedShareSum += p.organisedCareShare;
            if (central != null) {
                central.strokeMrs(input, mrs);
                strokeOutcomes++;
                strokeIndependent += mrs[0] + mrs[1] + mrs[2];
                double mean = 0;
                for (int k = 1; k < OutcomeModel.MRS; k++) {
                    mean += k * mrs[k];
                }
                strokeMrsSum += mean;
                strokeUtilitySum += central.utility(mrs);
                strokeSichExcess += central.symptomaticIchExcess(input);
            }
        }
        if (psaSummary != null) {
            psaSummary.add(input);
        }
    }

    /** Names of the metrics re-evaluated for every PSA coefficient set (series {@code psa.<name>}). */
    static final List<String> PSA_METRICS = List.of("deaths_total", "stroke_deaths_90d", "trauma_deaths",
            "emergency_deaths_30d", "stroke_independent_90d", "stroke_mrs_0_2_share_90d", "stroke_mrs_mean_90d",
            "stroke_utility_mean_90d", "qalys_total");

    /** The PSA metrics of one coefficient set, in {@link #PSA_METRICS} order, per year where they are counts. */
    static double[] psaMetrics(CovariateSummary.Totals t, double perYear, double qalyHorizonYears) {
        double[] d = t.deaths();
        double strokes = t.strokes();
        return new double[] {t.deathsTotal() * perYear, d[DeathTally.Group.STROKE.ordinal()] * perYear,
            d[DeathTally.Group.TRAUMA.ordinal()] * perYear, d[DeathTally.Group.EMERGENCY.ordinal()] * perYear,
            t.strokeIndependent() * perYear, ratio(t.strokeIndependent(), strokes), ratio(t.strokeMrsSum(), strokes),
            ratio(t.strokeUtilitySum(), strokes), t.strokeUtilitySum() * qalyHorizonYears * perYear};
    }

    void write(ReplicationResult r, double years, Occupancy occupancy, Routing routing, long events,
               double fleetUtilisation) {
        double perYear = years > 0 ? 1 / years : Double.NaN;
        r.metric("incidents_per_year", incidents * perYear);
        r.metric("self_presenters_per_year", selfPresenters * perYear);
        r.metric("strokes_per_year", strokes * perYear);
        r.metric("stroke_travel_minutes_mean", ratio(strokeTravelSum, suspectedStrokesConveyed));
        r.metric("stroke_travel_minutes_p95", strokeTravel.quantile(0.95));
        r.metric("conveyance_minutes_mean", ratio(conveyanceSum, conveyances));
        r.metric("stroke_share_within_30min", strokeTravel.shareBelow(30));
        r.metric("stroke_share_within_45min", strokeTravel.shareBelow(45));
        r.metric("thrombolysis_rate", ratio(thrombolysed, strokes));
        r.metric("thrombectomy_rate", ratio(thrombectomies, strokes));
        r.metric("onset_to_needle_minutes_median", onsetToNeedle.quantile(0.5));
        r.metric("door_to_needle_minutes_median", doorToNeedle.quantile(0.5));
        r.metric("trauma_share_mtc_direct", ratio(traumaMtcDirect, traumaConveyed));
        r.metric("trauma_transfers_per_year", traumaTransfers * perYear);
        r.metric("ambulance_response_minutes_mean", ratio(responseSum, responses));
        r.metric("ambulance_wait_minutes_mean", ratio(waitSum, responses));
        r.metric("ambulance_response_minutes_mean_category_a", ratio(categoryAResponseSum, categoryA));
        r.metric("ambulance_share_within_8min", ratio(categoryAWithin8, categoryA));
        r.metric("ambulance_utilisation", fleetUtilisation);
        r.metric("hasu_occupancy_mean", occupancy.hasuTotal.mean());
        r.metric("stroke_unit_occupancy_mean", occupancy.strokeUnitTotal.mean());
        r.metric("ed_occupancy_mean", occupancy.edTotal.mean());
        r.metric("diverts_per_year", diverts * perYear);
        r.metric("hasu_overflows_per_year", hasuOverflows * perYear);
        r.metric("stroke_unit_care_share", ratio(strokeUnitCare, strokes));
        r.metric("stroke_organised_care_stay_share", ratio(strokeOrganisedShareSum, strokes));
        deaths.writeTo(r, years);
        if (outcomes.central() != null) {
            r.metric("stroke_mrs_0_2_share_90d", ratio(strokeIndependent, strokeOutcomes));
            r.metric("stroke_independent_90d", strokeIndependent * perYear);
            r.metric("stroke_mrs_mean_90d", ratio(strokeMrsSum, strokeOutcomes));
            r.metric("stroke_utility_mean_90d", ratio(strokeUtilitySum, strokeOutcomes));
            r.metric("qalys_total", strokeUtilitySum * outcomes.central().parameters().stroke().qalyHorizonYears()
                    * perYear);
            r.metric("stroke_sich_excess_per_year", strokeSichExcess * perYear);
        }
        if (psaSummary != null) {
            List<OutcomeModel> draws = outcomes.psaDraws();
            double[][] values = new double[PSA_METRICS.size()][draws.size()];
            for (int k = 0; k < draws.size(); k++) {
                OutcomeModel m = draws.get(k);
                double[] v = psaMetrics(psaSummary.evaluate(m), perYear, m.parameters().stroke().qalyHorizonYears());
                for (int i = 0; i < v.length; i++) {
                    values[i][k] = v[i];
                }
            }
            for (int i = 0; i < PSA_METRICS.size(); i++) {
                r.series("psa." + PSA_METRICS.get(i), values[i]);
            }
            r.metric("psa_summary_cells", psaSummary.cells());
        }
        for (int k = 0; k < variants.size(); k++) {
            r.metric("sensitivity." + variants.get(k).label() + ".deaths_total", variantDeaths[k][0] * perYear);
            r.metric("sensitivity." + variants.get(k).label() + ".stroke_deaths_90d", variantDeaths[k][1] * perYear);
        }
        r.metric("events_executed", events);
        List<Site> sites = network.sites();
        for (Site s : sites) {
            r.metric("site_admissions_per_year." + s.id(), siteAdmissions[s.index()] * perYear);
        }
        for (Site s : sites) {
            r.metric("site_stroke_admissions_per_year." + s.id(), siteStrokeAdmissions[s.index()] * perYear);
        }
        double[] siteEd = new double[sites.size()];
        for (Site s : sites) {
            siteEd[s.index()] = occupancy.edBySite[s.index()].mean();
            r.metric("site_ed_occupancy_mean." + s.id(), siteEd[s.index()]);
        }

        r.series("arrivals_by_hour_of_week", scaled(incidentsByHour, perYear));
        r.series("stroke_arrivals_by_hour_of_week", scaled(strokesByHour, perYear));
        r.series("deaths_by_hour_of_week", scaled(deathsByHour, perYear));
        r.series("hasu_occupancy_by_hour_of_week", occupancy.hasuTotal.meanByHourOfWeek());
        r.series("ed_occupancy_by_hour_of_week", occupancy.edTotal.meanByHourOfWeek());
        r.series("stroke_travel_minutes_histogram", scaled(strokeTravelWholeMinutes, perYear));
        int zones = network.zones().size();
        double[] zoneSite = new double[zones];
        double[] zoneMinutes = new double[zones];
        for (int z = 0; z < zones; z++) {
            int s = routing.strokeSites(z)[0];
            zoneSite[z] = s;
            zoneMinutes[z] = network.travel().zoneToSite(z, s);
        }
        r.series("zone_stroke_site_index", zoneSite);
        r.series("zone_stroke_travel_minutes_base", zoneMinutes);
        r.series("zone_expected_deaths", scaled(zoneDeaths, perYear));
        r.series("zone_expected_stroke_deaths", scaled(zoneStrokeDeaths, perYear));
        r.series("site_admissions", scaled(siteAdmissions, perYear));
        r.series("site_stroke_admissions", scaled(siteStrokeAdmissions, perYear));
        double[] siteHasu = new double[sites.size()];
        for (int s = 0; s < siteHasu.length; s++) {
            siteHasu[s] = occupancy.hasuBySite[s].mean();
        }
        r.series("site_hasu_occupancy_mean", siteHasu);
        r.series("site_ed_occupancy_mean", siteEd);
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    /** Time-weighted occupancy meters of one replication. */
    static final class Occupancy {
        final org.acuteflow.model.stats.TimeWeighted hasuTotal;
        final org.acuteflow.model.stats.TimeWeighted strokeUnitTotal;
        final org.acuteflow.model.stats.TimeWeighted edTotal;
        final org.acuteflow.model.stats.TimeWeighted[] hasuBySite;
        final org.acuteflow.model.stats.TimeWeighted[] edBySite;
        final org.acuteflow.model.stats.TimeWeighted busyVehicles;

        Occupancy(int sites, double start, double end) {
            hasuTotal = new org.acuteflow.model.stats.TimeWeighted(start, end, true);
            strokeUnitTotal = new org.acuteflow.model.stats.TimeWeighted(start, end, false);
            edTotal = new org.acuteflow.model.stats.TimeWeighted(start, end, true);
            busyVehicles = new org.acuteflow.model.stats.TimeWeighted(start, end, false);
            hasuBySite = new org.acuteflow.model.stats.TimeWeighted[sites];
            edBySite = new org.acuteflow.model.stats.TimeWeighted[sites];
            for (int s = 0; s < sites; s++) {
                hasuBySite[s] = new org.acuteflow.model.stats.TimeWeighted(start, end, false);
                edBySite[s] = new org.acuteflow.model.stats.TimeWeighted(start, end, false);
            }
        }

        void finish(double now) {
            hasuTotal.finish(now);
            strokeUnitTotal.finish(now);
            edTotal.finish(now);
            busyVehicles.finish(now);
            for (org.acuteflow.model.stats.TimeWeighted t : hasuBySite) {
                t.finish(now);
            }
            for (org.acuteflow.model.stats.TimeWeighted t : edBySite) {
                t.finish(now);
            }
        }
    }
}
