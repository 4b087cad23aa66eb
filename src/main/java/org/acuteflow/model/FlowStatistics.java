package org.acuteflow.model;

import static org.acuteflow.metrics.Metrics.*;

import java.util.List;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.WeeklyProfile;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.model.stats.Histogram;
import org.acuteflow.network.Network;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.CovariateSummary;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.outcome.DeathTally;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.pathway.Hospitals;
import org.acuteflow.pathway.Routing;
import org.acuteflow.pathway.stroke.StrokePathway;
import org.acuteflow.pathway.stroke.StrokeState;
import org.acuteflow.model.stats.TimeWeighted;

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
    long categoryAAmbulanceWithin8;
    long categoryACarFirst;
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
    private double transferWaitSum;
    private long transferWaits;
    private double handoverSum;
    private long handovers;
    private final double[] siteHandoverSum;
    private final long[] siteHandovers;
    long diverts;
    long strokeUnitCare;
    long selfPresenters;
    final double[] siteAdmissions;
    final double[] siteStrokeAdmissions;
    /** Per site (network order): diverts away from it, door-to-needle times, expected deaths of its admissions. */
    final double[] siteDivertsFrom;
    private final Histogram[] siteDoorToNeedle;
    final double[] siteDeaths;
    final double[] siteStrokeDeaths;
    /** Expected and sampled deaths by condition group, weekday/weekend and hour band (of onset). */
    final DeathTally deaths = new DeathTally();
    final double[] deathsByHour = new double[HOURS];
    final double[] zoneDeaths;
    final double[] zoneStrokeDeaths;

    /** Per-year counters the pathways keep through {@link Hospitals#count}, by metric name. */
    private final java.util.Map<String, long[]> counters = new java.util.HashMap<>();

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
        siteDivertsFrom = new double[network.sites().size()];
        siteDeaths = new double[network.sites().size()];
        siteStrokeDeaths = new double[network.sites().size()];
        siteDoorToNeedle = new Histogram[network.sites().size()];
        zoneDeaths = new double[network.zones().size()];
        zoneStrokeDeaths = new double[network.zones().size()];
        siteHandoverSum = new double[network.sites().size()];
        siteHandovers = new long[network.sites().size()];
    }

    /** A counted patient left for an inter-hospital transfer {@code minutes} after being ready to. */
    void transferWait(double minutes) {
        transferWaitSum += minutes;
        transferWaits++;
    }

    /** A counted patient's crew took {@code minutes} to hand over at hospital {@code site}. */
    void handover(int site, double minutes) {
        handoverSum += minutes;
        handovers++;
        siteHandoverSum[site] += minutes;
        siteHandovers[site]++;
    }

    /**
     * Adds a counted patient whose journey record is complete (outcome already evaluated); {@code centralOutcome}:
     * its probability of death is the central outcome model's, so it enters the death tallies.
     */
    void record(Patient p, boolean centralOutcome) {
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
                    // The 8-minute standard counts the first vehicle there: a response car when it came first.
                    boolean carFirst = p.carAtSceneMinutes < p.atSceneMinutes;
                    double first = carFirst ? p.carAtSceneMinutes - p.callMinutes : response;
                    if (carFirst) {
                        categoryACarFirst++;
                    }
                    if (first <= 8.0) {
                        categoryAWithin8++;
                    }
                    if (response <= 8.0) {
                        categoryAAmbulanceWithin8++;
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
            StrokeState s = StrokeState.of(p);
            strokes++;
            strokesByHour[WeeklyProfile.hourOfWeek(p.onsetMinutes)]++;
            if (p.firstSite >= 0) {
                siteStrokeAdmissions[p.firstSite]++;
            }
            if (s.thrombolysed()) {
                thrombolysed++;
                onsetToNeedle.add(s.needleMinutes - p.onsetMinutes);
                doorToNeedle.add(s.needleMinutes - p.doorMinutes);
                siteDoorToNeedle(p.firstSite).add(s.needleMinutes - p.doorMinutes);
            }
            if (!Double.isNaN(s.punctureMinutes)) {
                thrombectomies++;
            }
            if (p.careLevel == CareLevel.HASU || p.careLevel == CareLevel.STROKE_UNIT) {
                strokeUnitCare++;
            }
        }
        if (StrokeState.isSuspectedStroke(p) && !Double.isNaN(p.doorMinutes)) {
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
            if (p.intendedSite >= 0) {
                siteDivertsFrom[p.intendedSite]++;
            }
        }
        if (centralOutcome && !Double.isNaN(p.probabilityOfDeath)) {
            double d = p.probabilityOfDeath;
            // The uniform was drawn when the patient was created, so the sampled death is paired across scenarios.
            deaths.record(c, d, OutcomeModel.sampleDeath(d, p.outcomeUniform), p.onsetMinutes);
            int how = WeeklyProfile.hourOfWeek(p.onsetMinutes);
            deathsByHour[how] += d;
            zoneDeaths[p.zone] += d;
            if (p.firstSite >= 0) {
                siteDeaths[p.firstSite] += d;
            }
            if (c.isStroke()) {
                zoneStrokeDeaths[p.zone] += d;
                if (p.firstSite >= 0) {
                    siteStrokeDeaths[p.firstSite] += d;
                }
            }
        }
    }

    /** Adds one to the counter of {@code metric}. */
    void count(org.acuteflow.metrics.Metric metric) {
        counters.computeIfAbsent(metric.name(), k -> new long[1])[0]++;
    }

    /** The count of {@code metric} so far. */
    long counted(org.acuteflow.metrics.Metric metric) {
        long[] c = counters.get(metric.name());
        return c == null ? 0 : c[0];
    }

    /** The site's door-to-needle histogram, made on its first thrombolysis (most sites never thrombolyse). */
    private Histogram siteDoorToNeedle(int site) {
        Histogram h = siteDoorToNeedle[site];
        if (h == null) {
            h = new Histogram(0.5, 600);
            siteDoorToNeedle[site] = h;
        }
        return h;
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
            strokeOrganisedShareSum += StrokeState.of(p).organisedCareShare;
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
    static final List<String> PSA_METRICS = List.of(DEATHS_TOTAL.name(), STROKE_DEATHS_90D.name(),
            TRAUMA_DEATHS.name(), EMERGENCY_DEATHS_30D.name(), STROKE_INDEPENDENT_90D.name(),
            STROKE_MRS_0_2_SHARE_90D.name(), STROKE_MRS_MEAN_90D.name(),
            STROKE_UTILITY_MEAN_90D.name(), QALYS_TOTAL.name());

    /** The PSA metrics of one coefficient set, in {@link #PSA_METRICS} order, per year where they are counts. */
    static double[] psaMetrics(CovariateSummary.Totals t, double perYear, double qalyHorizonYears) {
        double[] d = t.deaths();
        double strokes = t.strokes();
        return new double[] {t.deathsTotal() * perYear, d[DeathTally.Group.STROKE.ordinal()] * perYear,
            d[DeathTally.Group.TRAUMA.ordinal()] * perYear, d[DeathTally.Group.EMERGENCY.ordinal()] * perYear,
            t.strokeIndependent() * perYear, ratio(t.strokeIndependent(), strokes), ratio(t.strokeMrsSum(), strokes),
            ratio(t.strokeUtilitySum(), strokes), t.strokeUtilitySum() * qalyHorizonYears * perYear};
    }

    /**
     * @param carUtilisation the response cars' mean share busy, NaN when there are none
     */
    void write(ReplicationResult r, double years, Occupancy occupancy, Routing routing, long events,
               double fleetUtilisation, double carUtilisation) {
        double perYear = years > 0 ? 1 / years : Double.NaN;
        r.metric(INCIDENTS_PER_YEAR, incidents * perYear);
        r.metric(SELF_PRESENTERS_PER_YEAR, selfPresenters * perYear);
        r.metric(STROKES_PER_YEAR, strokes * perYear);
        r.metric(STROKE_TRAVEL_MINUTES_MEAN, ratio(strokeTravelSum, suspectedStrokesConveyed));
        r.metric(STROKE_TRAVEL_MINUTES_P95, strokeTravel.quantile(0.95));
        r.metric(CONVEYANCE_MINUTES_MEAN, ratio(conveyanceSum, conveyances));
        r.metric(STROKE_SHARE_WITHIN_30MIN, strokeTravel.shareBelow(30));
        r.metric(STROKE_SHARE_WITHIN_45MIN, strokeTravel.shareBelow(45));
        r.metric(THROMBOLYSIS_RATE, ratio(thrombolysed, strokes));
        r.metric(THROMBECTOMY_RATE, ratio(thrombectomies, strokes));
        r.metric(ONSET_TO_NEEDLE_MINUTES_MEDIAN, onsetToNeedle.quantile(0.5));
        r.metric(DOOR_TO_NEEDLE_MINUTES_MEDIAN, doorToNeedle.quantile(0.5));
        r.metric(TRAUMA_SHARE_MTC_DIRECT, ratio(traumaMtcDirect, traumaConveyed));
        r.metric(TRAUMA_TRANSFERS_PER_YEAR, traumaTransfers * perYear);
        r.metric(AMBULANCE_RESPONSE_MINUTES_MEAN, ratio(responseSum, responses));
        r.metric(AMBULANCE_WAIT_MINUTES_MEAN, ratio(waitSum, responses));
        r.metric(AMBULANCE_RESPONSE_MINUTES_MEAN_CATEGORY_A, ratio(categoryAResponseSum, categoryA));
        r.metric(AMBULANCE_SHARE_WITHIN_8MIN, ratio(categoryAWithin8, categoryA));
        r.metric(AMBULANCE_SHARE_WITHIN_8MIN_BY_AMBULANCE, ratio(categoryAAmbulanceWithin8, categoryA));
        r.metric(AMBULANCE_UTILISATION, fleetUtilisation);
        r.metric(RESPONSE_CAR_FIRST_SHARE, ratio(categoryACarFirst, categoryA));
        r.metric(RESPONSE_CAR_UTILISATION, carUtilisation);
        r.metric(AMBULANCE_HANDOVER_MINUTES_MEAN, ratio(handoverSum, handovers));
        r.metric(TRANSFER_WAIT_MINUTES_MEAN, ratio(transferWaitSum, transferWaits));
        r.metric(HASU_OCCUPANCY_MEAN, occupancy.unit(StrokePathway.HASU).total.mean());
        r.metric(STROKE_UNIT_OCCUPANCY_MEAN, occupancy.unit(StrokePathway.STROKE_UNIT).total.mean());
        r.metric(ED_OCCUPANCY_MEAN, occupancy.edTotal.mean());
        r.metric(DIVERTS_PER_YEAR, diverts * perYear);
        r.metric(HASU_OVERFLOWS_PER_YEAR, counted(HASU_OVERFLOWS_PER_YEAR) * perYear);
        r.metric(STROKE_UNIT_CARE_SHARE, ratio(strokeUnitCare, strokes));
        r.metric(STROKE_ORGANISED_CARE_STAY_SHARE, ratio(strokeOrganisedShareSum, strokes));
        deaths.writeTo(r::metric, years);
        if (outcomes.central() != null) {
            r.metric(STROKE_MRS_0_2_SHARE_90D, ratio(strokeIndependent, strokeOutcomes));
            r.metric(STROKE_INDEPENDENT_90D, strokeIndependent * perYear);
            r.metric(STROKE_MRS_MEAN_90D, ratio(strokeMrsSum, strokeOutcomes));
            r.metric(STROKE_UTILITY_MEAN_90D, ratio(strokeUtilitySum, strokeOutcomes));
            r.metric(QALYS_TOTAL, strokeUtilitySum * outcomes.central().parameters().stroke().qalyHorizonYears()
                    * perYear);
            r.metric(STROKE_SICH_EXCESS_PER_YEAR, strokeSichExcess * perYear);
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
                r.series(SERIES_PSA.of(PSA_METRICS.get(i)), values[i]);
            }
            r.metric(PSA_SUMMARY_CELLS, psaSummary.cells());
        }
        for (int k = 0; k < variants.size(); k++) {
            r.metric(SENSITIVITY_DEATHS_TOTAL.of(variants.get(k).label()), variantDeaths[k][0] * perYear);
            r.metric(SENSITIVITY_STROKE_DEATHS_90D.of(variants.get(k).label()), variantDeaths[k][1] * perYear);
        }
        r.metric(EVENTS_EXECUTED, events);
        List<Site> sites = network.sites();
        for (Site s : sites) {
            r.metric(SITE_ADMISSIONS_PER_YEAR.of(s.id()), siteAdmissions[s.index()] * perYear);
        }
        for (Site s : sites) {
            r.metric(SITE_STROKE_ADMISSIONS_PER_YEAR.of(s.id()), siteStrokeAdmissions[s.index()] * perYear);
        }
        for (Site s : sites) {
            r.metric(SITE_ED_OCCUPANCY_MEAN.of(s.id()), occupancy.edBySite[s.index()].mean());
        }

        r.series(SERIES_ARRIVALS_BY_HOUR_OF_WEEK, scaled(incidentsByHour, perYear));
        r.series(SERIES_STROKE_ARRIVALS_BY_HOUR_OF_WEEK, scaled(strokesByHour, perYear));
        r.series(SERIES_DEATHS_BY_HOUR_OF_WEEK, scaled(deathsByHour, perYear));
        r.series(SERIES_HASU_OCCUPANCY_BY_HOUR_OF_WEEK, occupancy.unit(StrokePathway.HASU).total.meanByHourOfWeek());
        r.series(SERIES_ED_OCCUPANCY_BY_HOUR_OF_WEEK, occupancy.edTotal.meanByHourOfWeek());
        r.series(SERIES_STROKE_TRAVEL_MINUTES_HISTOGRAM, scaled(strokeTravelWholeMinutes, perYear));
        int zones = network.zones().size();
        double[] zoneSite = new double[zones];
        double[] zoneMinutes = new double[zones];
        for (int z = 0; z < zones; z++) {
            int s = routing.strokeSites(z)[0];
            zoneSite[z] = s;
            zoneMinutes[z] = network.travel().zoneToSite(z, s);
        }
        r.series(SERIES_ZONE_STROKE_SITE_INDEX, zoneSite);
        r.series(SERIES_ZONE_STROKE_TRAVEL_MINUTES_BASE, zoneMinutes);
        r.series(SERIES_ZONE_EXPECTED_DEATHS, scaled(zoneDeaths, perYear));
        r.series(SERIES_ZONE_EXPECTED_STROKE_DEATHS, scaled(zoneStrokeDeaths, perYear));
        r.series(SERIES_SITE_ADMISSIONS, scaled(siteAdmissions, perYear));
        r.series(SERIES_SITE_STROKE_ADMISSIONS, scaled(siteStrokeAdmissions, perYear));
        double[] siteHasu = new double[sites.size()];
        for (int s = 0; s < siteHasu.length; s++) {
            siteHasu[s] = occupancy.unit(StrokePathway.HASU).bySite[s].mean();
        }
        r.series(SERIES_SITE_HASU_OCCUPANCY_MEAN, siteHasu);
        r.series(SERIES_SITE_DIVERTS_FROM, scaled(siteDivertsFrom, perYear));
        double[] dtn = new double[sites.size()];
        double[] suOcc = new double[sites.size()];
        double[] edOcc = new double[sites.size()];
        for (int s = 0; s < dtn.length; s++) {
            dtn[s] = siteDoorToNeedle[s] == null ? Double.NaN : siteDoorToNeedle[s].quantile(0.5);
            suOcc[s] = occupancy.unit(StrokePathway.STROKE_UNIT).bySite[s].mean();
            edOcc[s] = occupancy.edBySite[s].mean();
        }
        r.series(SERIES_SITE_DOOR_TO_NEEDLE_MINUTES_MEDIAN, dtn);
        r.series(SERIES_SITE_EXPECTED_DEATHS, scaled(siteDeaths, perYear));
        r.series(SERIES_SITE_EXPECTED_STROKE_DEATHS, scaled(siteStrokeDeaths, perYear));
        r.series(SERIES_SITE_STROKE_UNIT_OCCUPANCY_MEAN, suOcc);
        r.series(SERIES_SITE_ED_OCCUPANCY_MEAN, edOcc);
        double[] handover = new double[sites.size()];
        for (int s = 0; s < handover.length; s++) {
            handover[s] = ratio(siteHandoverSum[s], siteHandovers[s]);
        }
        r.series(SERIES_SITE_HANDOVER_MINUTES_MEAN, handover);
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

    /** Time-weighted occupancy meters of one replication: vehicles, emergency departments and bed units. */
    static final class Occupancy {
        final TimeWeighted edTotal;
        final TimeWeighted[] edBySite;
        final TimeWeighted busyVehicles;
        final TimeWeighted busyCars;
        /** Bed units by name (the pathways' wards: HASU, stroke unit...), made on first use. */
        private final java.util.Map<String, Unit> units = new java.util.LinkedHashMap<>();
        private final int sites;
        private final double start;
        private final double end;

        Occupancy(int sites, double start, double end) {
            this.sites = sites;
            this.start = start;
            this.end = end;
            edTotal = new TimeWeighted(start, end, true);
            busyVehicles = new TimeWeighted(start, end, false);
            busyCars = new TimeWeighted(start, end, false);
            edBySite = new TimeWeighted[sites];
            for (int s = 0; s < sites; s++) {
                edBySite[s] = new TimeWeighted(start, end, false);
            }
        }

        /** The meter of bed unit {@code name}, made on first use. */
        Unit unit(String name, boolean byHourOfWeek) {
            return units.computeIfAbsent(name, k -> new Unit(sites, start, end, byHourOfWeek));
        }

        /** The meter of bed unit {@code name}; an empty one when no pathway used it. */
        Unit unit(String name) {
            return unit(name, false);
        }

        void finish(double now) {
            edTotal.finish(now);
            busyVehicles.finish(now);
            for (int s = 0; s < sites; s++) {
                edBySite[s].finish(now);
            }
            for (Unit u : units.values()) {
                u.total.finish(now);
                for (TimeWeighted t : u.bySite) {
                    t.finish(now);
                }
            }
        }
    }

    /** Occupancy of one bed unit, by site and in total. */
    static final class Unit implements Hospitals.BedMeter {
        final TimeWeighted total;
        final TimeWeighted[] bySite;

        Unit(int sites, double start, double end, boolean byHourOfWeek) {
            total = new TimeWeighted(start, end, byHourOfWeek);
            bySite = new TimeWeighted[sites];
            for (int s = 0; s < sites; s++) {
                bySite[s] = new TimeWeighted(start, end, false);
            }
        }

        @Override
        public void change(int site, int delta, double now) {
            bySite[site].add(now, delta);
            total.add(now, delta);
        }
    }
}
