package org.acuteflow.pathway.emergency;

import java.util.List;
import java.util.function.Function;
import org.acuteflow.config.DistributionSpec;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.hospital.EdDivert;
import org.acuteflow.hospital.EmergencyBeds;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.pathway.DestinationPolicy;
import org.acuteflow.pathway.DestinationRules;
import org.acuteflow.pathway.Hospitals;
import org.acuteflow.pathway.Journey;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.PatientDraws;
import org.acuteflow.pathway.ScenarioInputs;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;

/**
 * Other emergencies (medical, surgical) and other ambulance incidents: to the nearest type-1 A&E, through its
 * emergency department, outcome by the emergency consultant's cover, the distance travelled and, for admissions,
 * the time from arrival to a bed. Medical and surgical emergencies are emergency admissions: at the end of their
 * time in the department (the decision to admit) each takes a bed of its site's emergency bed pool, or waits in the
 * department for one (boarding: it keeps its cubicle, so it counts in the department's crowding); its record is
 * complete when it has its bed. Other incidents occupy ambulances and emergency departments but are not
 * admitted: they have no condition and no outcome.
 */
public final class EmergencyPathway implements Pathway {
    public static final String KEY = Metrics.OTHER_EMERGENCY;
    /** The bed unit of the emergency bed pools ({@link Hospitals#beds}). */
    public static final String BEDS = "emergency_beds";
    private static final int DECISION_TO_ADMIT = 0;
    private static final int BED_DISCHARGE = 1;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<DemandClass> demandClasses() {
        return List.of(DemandClass.MEDICAL_EMERGENCY, DemandClass.SURGICAL_EMERGENCY, DemandClass.OTHER_INCIDENT);
    }

    /** The nearest type-1 A&E: the rule of every conveyed patient no specialist rule takes. */
    public static DestinationPolicy nearestAe(ScenarioInputs in) {
        return new DestinationRules.NearestWithService("nearest_ae", in.routing()::aeSites,
                in.routing()::nearestAeSite, false);
    }

    @Override
    public Scenario prepare(ScenarioInputs in) {
        DestinationPolicy rule = nearestAe(in);
        DemandParameters demand = in.demand();
        EmergencyBeds beds = in.hospital().emergencyBedsOrOff();
        EdDivert divert = in.hospital().edDivertOrOff();
        java.util.function.IntFunction<int[]> aeSites = in.routing()::aeSites;
        return (hospitals, streams) -> new Run(rule, aeSites, divert, demand, beds, hospitals, streams);
    }

    private static final class Run implements Pathway.Run {
        private final DestinationPolicy rule;
        private final java.util.function.IntFunction<int[]> aeSites;
        private final EdDivert divert;
        private final DemandParameters demand;
        private final Hospitals hospitals;
        private final PatientDraws draws;
        private final DestinationPolicy.Situation situation;
        private final boolean bedsEnabled;
        private final DistributionSpec lengthOfStay;
        private final RandomStream lengthOfStayStream;
        private final Admissions<Journey> admissions;
        private final Hospitals.BedMeter bedMeter;
        private long diverts;

        Run(DestinationPolicy rule, java.util.function.IntFunction<int[]> aeSites, EdDivert divert,
            DemandParameters demand, EmergencyBeds beds, Hospitals hospitals, Function<String, RandomStream> streams) {
            this.rule = rule;
            this.aeSites = aeSites;
            this.divert = divert;
            this.demand = demand;
            this.hospitals = hospitals;
            this.draws = new PatientDraws(streams);
            this.situation = hospitals.situation();
            this.bedsEnabled = beds.enabled();
            this.lengthOfStay = beds.lengthOfStayMinutes();
            this.lengthOfStayStream = streams.apply("service.emergency_length_of_stay");
            int[] perSite = new int[hospitals.sites()];
            for (int s = 0; s < perSite.length; s++) {
                // A site whose A&E the scenario withdraws loses its emergency beds with it [assumption].
                boolean ae = hospitals.site(s).offers(Service.TYPE1_AE);
                perSite[s] = bedsEnabled && ae ? hospitals.emergencyBeds(s) : 0;
            }
            this.admissions = new Admissions<>(perSite);
            this.bedMeter = hospitals.beds(BEDS, false);
        }

        @Override
        public void create(Patient p, DemandClass c, double onsetMinutes) {
            p.callMinutes = onsetMinutes;
            if (c == DemandClass.OTHER_INCIDENT) {
                return;
            }
            draws.ageAndOutcome(p, demand.of(c));
            p.condition = c.fixedCondition();
            EmergencyState s = new EmergencyState();
            s.lengthOfStayUniform = lengthOfStayStream.nextDouble();
            p.state = s;
        }

        @Override
        public int destination(Patient p, double now) {
            int nearest = rule.destination(p, now, situation);
            if (!divert.enabled() || p.categoryA || hospitals.edOccupancy(nearest) < divert.divertOccupancy()) {
                return nearest;
            }
            double limit = hospitals.blueLightMinutes(p.zone, nearest, now) + divert.maxExtraMinutes();
            for (int s : aeSites.apply(p.zone)) {
                if (s == nearest) {
                    continue;
                }
                if (hospitals.blueLightMinutes(p.zone, s, now) <= limit
                        && hospitals.edOccupancy(s) < divert.divertOccupancy()) {
                    p.diverted = true;
                    p.intendedSite = nearest;
                    if (p.counted) {
                        diverts++;
                    }
                    return s;
                }
            }
            return nearest;
        }

        @Override
        public void door(Journey j, double now) {
            Patient p = j.patient();
            j.enterEmergencyDepartment(now);
            if (p.condition == null) {
                j.leaveEmergencyDepartmentAfter(hospitals.edStayMinutes(p), false);
                j.finish();
                return;
            }
            Site site = hospitals.site(j.site());
            p.careLevel = CareLevel.EMERGENCY_DEPARTMENT;
            p.specialistOnSiteAtArrival = site.coverFor(Service.TYPE1_AE).onSiteAt(WeekTime.hourOfWeek(now));
            if (!bedsEnabled) {
                j.leaveEmergencyDepartmentAfter(hospitals.edStayMinutes(p), false);
                j.finish();
                return;
            }
            EmergencyState.of(p).edArrivalMinutes = now;
            j.next(DECISION_TO_ADMIT, hospitals.edStayMinutes(p));
        }

        @Override
        public void step(Journey j, int step, double now) {
            int site = j.site();
            switch (step) {
                case DECISION_TO_ADMIT -> {
                    EmergencyState.of(j.patient()).decisionMinutes = now;
                    if (admissions.ready(site, j)) {
                        takeBed(j, site, now);
                    }
                }
                case BED_DISCHARGE -> {
                    bedMeter.change(site, -1, now);
                    Journey next = admissions.bedFreed(site);
                    if (next != null) {
                        takeBed(next, site, now);
                    }
                }
                default -> Pathway.Run.super.step(j, step, now);
            }
        }

        /** The patient has a bed now: it leaves the emergency department for it. */
        private void takeBed(Journey j, int site, double now) {
            bedMeter.change(site, +1, now);
            j.leaveEmergencyDepartmentAfter(0, true);
        }

        @Override
        public void afterEmergencyDepartment(Journey j, double now) {
            Patient p = j.patient();
            EmergencyState s = EmergencyState.of(p);
            s.edMinutesToBed = now - s.edArrivalMinutes;
            if (p.counted) {
                admissions.record(j.site(), now - s.decisionMinutes, s.edMinutesToBed);
            }
            j.finish();
            j.next(BED_DISCHARGE, lengthOfStay.inverse(s.lengthOfStayUniform));
        }

        @Override
        public OutcomeInput outcomeInput(Patient p, double distanceKm) {
            OutcomeInput input = Journey.commonOutcomeInput(p, false, Double.NaN, Double.NaN, 0, distanceKm);
            return p.state instanceof EmergencyState s ? input.withEdMinutesToBed(s.edMinutesToBed) : input;
        }

        @Override
        public void write(ReplicationResult result, double years) {
            int n = admissions.sites();
            long admitted = 0;
            int beds = 0;
            double[] siteBeds = new double[n];
            double[] occupancyShare = new double[n];
            double[] boardingHours = new double[n];
            double[] boardedOver4h = new double[n];
            double[] edOver4h = new double[n];
            for (int s = 0; s < n; s++) {
                admitted += admissions.admitted(s);
                beds += admissions.beds(s);
                siteBeds[s] = admissions.beds(s);
                occupancyShare[s] = admissions.beds(s) > 0 ? bedMeter.mean(s) / admissions.beds(s) : Double.NaN;
                boardingHours[s] = admissions.boardingMinutesMean(s) / 60;
                boardedOver4h[s] = admissions.boardedOver4hShare(s);
                edOver4h[s] = admissions.edOver4hShare(s);
            }
            double[] shares = admissions.over4hShares();
            result.metric(Metrics.ED_DIVERTS_PER_YEAR, diverts / years);
            result.metric(Metrics.EMERGENCY_BED_ADMISSIONS_PER_YEAR, admitted / years);
            result.metric(Metrics.EMERGENCY_BEDS, beds);
            result.metric(Metrics.EMERGENCY_BED_OCCUPANCY_MEAN, bedMeter.mean());
            result.metric(Metrics.EMERGENCY_BED_OCCUPANCY_SHARE, beds > 0 ? bedMeter.mean() / beds : Double.NaN);
            result.metric(Metrics.EMERGENCY_BOARDING_HOURS_MEAN, admissions.boardingMinutesMean() / 60);
            result.metric(Metrics.EMERGENCY_BOARDED_OVER_4H_SHARE, shares[0]);
            result.metric(Metrics.EMERGENCY_ED_OVER_4H_SHARE, shares[1]);
            for (int s = 0; s < n; s++) {
                String id = hospitals.site(s).id();
                result.metric(Metrics.SITE_EMERGENCY_BED_OCCUPANCY_SHARE.of(id), occupancyShare[s]);
                result.metric(Metrics.SITE_BOARDING_HOURS_MEAN.of(id), boardingHours[s]);
            }
            result.series(Metrics.SERIES_SITE_EMERGENCY_BEDS, siteBeds);
            result.series(Metrics.SERIES_SITE_EMERGENCY_BED_OCCUPANCY_SHARE, occupancyShare);
            result.series(Metrics.SERIES_SITE_BOARDING_HOURS_MEAN, boardingHours);
            result.series(Metrics.SERIES_SITE_BOARDED_OVER_4H_SHARE, boardedOver4h);
            result.series(Metrics.SERIES_SITE_ED_OVER_4H_SHARE, edOver4h);
        }
    }
}
