package org.acuteflow.pathway.emergency;

import java.util.List;
import java.util.function.Function;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
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
 * emergency department, outcome by the emergency consultant's cover and the distance travelled. Other incidents
 * occupy ambulances and emergency departments but are not emergency admissions: they have no condition and no
 * outcome.
 */
public final class EmergencyPathway implements Pathway {
    public static final String KEY = Metrics.OTHER_EMERGENCY;

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
        return new DestinationRules.NearestWithService("nearest_ae", in.routing()::aeSites, false);
    }

    @Override
    public Scenario prepare(ScenarioInputs in) {
        DestinationPolicy rule = nearestAe(in);
        DemandParameters demand = in.demand();
        return (hospitals, streams) -> new Run(rule, demand, hospitals, streams);
    }

    private static final class Run implements Pathway.Run {
        private final DestinationPolicy rule;
        private final DemandParameters demand;
        private final Hospitals hospitals;
        private final PatientDraws draws;
        private final DestinationPolicy.Situation situation;

        Run(DestinationPolicy rule, DemandParameters demand, Hospitals hospitals,
            Function<String, RandomStream> streams) {
            this.rule = rule;
            this.demand = demand;
            this.hospitals = hospitals;
            this.draws = new PatientDraws(streams);
            this.situation = hospitals.situation();
        }

        @Override
        public void create(Patient p, DemandClass c, double onsetMinutes) {
            p.callMinutes = onsetMinutes;
            if (c == DemandClass.OTHER_INCIDENT) {
                return;
            }
            draws.ageAndOutcome(p, demand.of(c));
            p.condition = c.fixedCondition();
        }

        @Override
        public int destination(Patient p, double now) {
            return rule.destination(p, now, situation);
        }

        @Override
        public void door(Journey j, double now) {
            Patient p = j.patient();
            j.enterEmergencyDepartment(now);
            if (p.condition != null) {
                Site site = hospitals.site(j.site());
                p.careLevel = CareLevel.EMERGENCY_DEPARTMENT;
                p.specialistOnSiteAtArrival = site.coverFor(Service.TYPE1_AE).onSiteAt(WeekTime.hourOfWeek(now));
            }
            j.leaveEmergencyDepartmentAfter(hospitals.edStayMinutes(p), false);
            j.finish();
        }
    }
}
