package org.acuteflow.pathway.trauma;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.pathway.DestinationPolicy;
import org.acuteflow.pathway.DestinationRules;
import org.acuteflow.pathway.Hospitals;
import org.acuteflow.pathway.Journey;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.PatientDraws;
import org.acuteflow.pathway.Routing;
import org.acuteflow.pathway.ScenarioInputs;
import org.acuteflow.pathway.emergency.EmergencyPathway;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;

/**
 * Major trauma: field triage at scene; recognised major trauma by the configuration's rule ({@code routing.trauma}:
 * nearest A&E, or an MTC within the threshold else the nearest trauma unit and a transfer on), under-triaged to the
 * nearest A&E; care level by the site reached; a secondary transfer to the MTC nearest the first site when the
 * rule says so; outcome by care level and call to definitive care.
 */
public final class TraumaPathway implements Pathway {
    public static final String KEY = Metrics.MAJOR_TRAUMA;

    /** Major trauma rules by key ({@code routing.trauma}). */
    private static final Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> RULES = Map.of(
            "nearest_ae", (r, p) -> new DestinationRules.NearestWithService("nearest_ae", r::aeSites,
                    r::nearestAeSite, false),
            "mtc_within_threshold", (r, p) -> new DestinationRules.SpecialistWithinThreshold("mtc_within_threshold",
                    r::mtcSites, r::traumaUnitSites, r::nearestMtcFromSite, p.mtcThresholdMinutes()));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<DemandClass> demandClasses() {
        return List.of(DemandClass.MAJOR_TRAUMA);
    }

    /** The trauma rule a configuration names. */
    public static DestinationPolicy rule(ScenarioInputs in) {
        RoutingProtocol protocol = in.network().protocol();
        return DestinationRules.create(RULES, DestinationRules.key(protocol.trauma()), in.routing(), protocol);
    }

    @Override
    public Scenario prepare(ScenarioInputs in) {
        DestinationPolicy trauma = rule(in);
        DestinationPolicy emergency = EmergencyPathway.nearestAe(in);
        DemandParameters demand = in.demand();
        HospitalParameters hospital = in.hospital();
        return (hospitals, streams) -> new Run(trauma, emergency, demand, hospital, hospitals, streams);
    }

    private static final class Run implements Pathway.Run {
        private final DestinationPolicy trauma;
        private final DestinationPolicy emergency;
        private final DemandParameters demand;
        private final HospitalParameters hospital;
        private final Hospitals hospitals;
        private final PatientDraws draws;
        private final RandomStream transfer;
        private final RandomStream triage;
        private final DestinationPolicy.Situation situation;

        Run(DestinationPolicy trauma, DestinationPolicy emergency, DemandParameters demand,
            HospitalParameters hospital, Hospitals hospitals, Function<String, RandomStream> streams) {
            this.trauma = trauma;
            this.emergency = emergency;
            this.demand = demand;
            this.hospital = hospital;
            this.hospitals = hospitals;
            this.draws = new PatientDraws(streams);
            this.transfer = streams.apply("service.transfer");
            this.triage = streams.apply("demand.trauma_triage");
            this.situation = hospitals.situation();
        }

        @Override
        public void create(Patient p, DemandClass c, double onsetMinutes) {
            draws.ageAndOutcome(p, demand.of(c));
            p.condition = c.fixedCondition();
            p.callMinutes = onsetMinutes;
            TraumaState s = new TraumaState();
            s.transferDelayMinutes = hospital.majorTrauma().transferDelayMinutes().sample(transfer);
            s.underTriaged = triage.nextDouble() < demand.trauma().underTriage(p.ageBand);
            p.state = s;
        }

        /** Recognised major trauma by the trauma rule; under-triaged, the nearest A&E. */
        @Override
        public int destination(Patient p, double now) {
            return (TraumaState.of(p).underTriaged ? emergency : trauma).destination(p, now, situation);
        }

        @Override
        public int transferFrom(Patient p, int site) {
            return trauma.transferFrom(site);
        }

        @Override
        public void door(Journey j, double now) {
            Patient p = j.patient();
            j.enterEmergencyDepartment(now);
            Site site = hospitals.site(j.site());
            Service level = site.offers(Service.MTC) ? Service.MTC
                    : site.offers(Service.TRAUMA_UNIT) ? Service.TRAUMA_UNIT : Service.TYPE1_AE;
            p.careLevel = level == Service.MTC ? CareLevel.MTC
                    : level == Service.TRAUMA_UNIT ? CareLevel.TRAUMA_UNIT : CareLevel.EMERGENCY_DEPARTMENT;
            p.specialistOnSiteAtArrival = site.coverFor(level).onSiteAt(WeekTime.hourOfWeek(now));
            if (level != Service.MTC && trauma.transferFrom(j.site()) >= 0) {
                j.transferAfter(TraumaState.of(p).transferDelayMinutes);
                return;
            }
            j.leaveEmergencyDepartmentAfter(hospitals.edStayMinutes(p), false);
            j.finish();
        }

        @Override
        public void transferArrived(Patient p) {
            p.careLevel = CareLevel.MTC;
        }
    }
}
