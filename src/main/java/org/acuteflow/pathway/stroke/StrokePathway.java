package org.acuteflow.pathway.stroke;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.DemandParameters;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.StrokeCaseMix;
import org.acuteflow.hospital.BedPool;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.OutcomeInput;
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
 * Suspected stroke (true strokes and mimics): case mix, crew recognition, onset to call; recognised strokes by the
 * configuration's rule ({@code routing.stroke}), the others to the nearest A&E; at the door scan, thrombolysis and
 * thrombectomy ({@link StrokeTreatment}), then a HASU, stroke-unit or general-ward bed, a general ward's strokes
 * waiting for a stroke-unit bed; after the HASU, a step-down on site or a repatriation by fleet ambulance to the
 * home stroke unit once a bed there is free; outcome by type, age, reperfusion and the share of the stay in
 * organised care.
 */
public final class StrokePathway implements Pathway {
    public static final String KEY = Metrics.STROKE;
    /** Bed units whose occupancy the engine meters. */
    public static final String HASU = "hasu";
    public static final String STROKE_UNIT = "stroke_unit";

    /** Stroke rules by key ({@code routing.stroke}). */
    private static final Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> RULES = Map.of(
            "nearest_hasu", (r, p) -> new DestinationRules.NearestWithService("nearest_hasu", r::strokeSites,
                    r::nearestStrokeSite, true),
            "nearest_stroke_unit", (r, p) -> new DestinationRules.NearestWithService("nearest_stroke_unit",
                    r::strokeSites, r::nearestStrokeSite, false),
            "nearest_ae", (r, p) -> new DestinationRules.NearestWithService("nearest_ae", r::strokeSites,
                    r::nearestStrokeSite, false));

    // Steps after the door.
    private static final int HASU_DISCHARGE = 0;
    private static final int STROKE_UNIT_DISCHARGE = 1;
    private static final int WARD_DISCHARGE = 2;
    private static final int REPATRIATION_DEPART = 3;
    private static final int REPATRIATION_ARRIVE = 4;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<DemandClass> demandClasses() {
        return List.of(DemandClass.STROKE);
    }

    /** The stroke rule a configuration names. */
    public static DestinationPolicy rule(ScenarioInputs in) {
        RoutingProtocol protocol = in.network().protocol();
        return DestinationRules.create(RULES, DestinationRules.key(protocol.stroke()), in.routing(), protocol);
    }

    @Override
    public Scenario prepare(ScenarioInputs in) {
        DestinationPolicy stroke = rule(in);
        DestinationPolicy emergency = EmergencyPathway.nearestAe(in);
        IntUnaryOperator homeStrokeUnit = in.routing()::homeStrokeUnit;
        return (hospitals, streams) -> new Run(stroke, emergency, homeStrokeUnit, in.demand(), in.hospital().stroke(),
                hospitals, streams);
    }

    private static final class Run implements Pathway.Run {
        private final DestinationPolicy stroke;
        private final DestinationPolicy emergency;
        /** Per zone, the site of its patients' stroke unit after the HASU (-1: none). */
        private final IntUnaryOperator homeStrokeUnit;
        private final DemandParameters demand;
        private final HospitalParameters.Stroke hospital;
        private final Hospitals hospitals;
        private final PatientDraws draws;
        private final RandomStream casemix;
        private final RandomStream recognition;
        private final RandomStream eligibility;
        private final RandomStream onsetToCall;
        private final RandomStream strokeTreatment;
        private final RandomStream lengthOfStay;
        /** Per site: HASU beds (no waiting line: a stroke that finds none full goes elsewhere or over capacity). */
        private final BedPool<Journey>[] hasu;
        /**
         * Per site: stroke-unit beds, with one first-come-first-served line of strokes on a general ward and strokes
         * waiting in their HASU bed to step down.
         */
        private final BedPool<Journey>[] strokeUnit;
        private final Hospitals.BedMeter hasuMeter;
        private final Hospitals.BedMeter strokeUnitMeter;
        private final DestinationPolicy.Situation situation;
        private double stepDownWaitSum;
        private long stepDowns;
        private double repatriationWaitSum;
        private long repatriations;

        @SuppressWarnings("unchecked")
        Run(DestinationPolicy stroke, DestinationPolicy emergency, IntUnaryOperator homeStrokeUnit,
            DemandParameters demand, HospitalParameters.Stroke hospital, Hospitals hospitals,
            Function<String, RandomStream> streams) {
            this.stroke = stroke;
            this.emergency = emergency;
            this.homeStrokeUnit = homeStrokeUnit;
            this.demand = demand;
            this.hospital = hospital;
            this.hospitals = hospitals;
            this.draws = new PatientDraws(streams);
            casemix = streams.apply("demand.casemix");
            recognition = streams.apply("demand.recognition");
            eligibility = streams.apply("demand.eligibility");
            onsetToCall = streams.apply("demand.onset_to_call");
            strokeTreatment = streams.apply("service.stroke_treatment");
            lengthOfStay = streams.apply("service.length_of_stay");
            int n = hospitals.sites();
            hasu = new BedPool[n];
            strokeUnit = new BedPool[n];
            for (int s = 0; s < n; s++) {
                hasu[s] = new BedPool<>(hospitals.site(s).bedsFor(Service.HASU), 0);
                strokeUnit[s] = BedPool.withUnlimitedWaiting(hospitals.site(s).bedsFor(Service.STROKE_UNIT));
            }
            hasuMeter = hospitals.beds(HASU, true);
            strokeUnitMeter = hospitals.beds(STROKE_UNIT, false);
            situation = new DestinationPolicy.Situation() {
                @Override
                public double blueLightMinutes(int zone, int site, double now) {
                    return hospitals.blueLightMinutes(zone, site, now);
                }

                @Override
                public boolean hasFreeHasuBed(int site) {
                    return hasu[site].hasFreeBed();
                }
            };
        }

        @Override
        public void create(Patient p, DemandClass c, double onsetMinutes) {
            draws.ageAndOutcome(p, demand.of(c));
            StrokeState s = new StrokeState();
            p.state = s;
            StrokeCaseMix mix = demand.stroke();
            double u = casemix.nextDouble();
            if (u < mix.mimicShare()) {
                p.condition = Condition.STROKE_MIMIC;
            } else {
                double v = (u - mix.mimicShare()) / (1 - mix.mimicShare());
                p.condition = v < mix.ischaemicShare() ? Condition.STROKE_ISCHAEMIC : Condition.STROKE_HAEMORRHAGIC;
            }
            s.recognisedAsStroke = recognition.nextDouble() < mix.recognitionProbability();
            boolean ischaemic = p.condition == Condition.STROKE_ISCHAEMIC;
            double uKnown = eligibility.nextDouble();
            double uEligible = eligibility.nextDouble();
            double uLvo = eligibility.nextDouble();
            s.onsetKnown = uKnown < mix.onsetKnownShare();
            s.eligibleForThrombolysis = ischaemic && uEligible < mix.eligibleShare();
            s.largeVesselOcclusion = ischaemic && uLvo < mix.largeVesselOcclusionShare();
            double delay = (p.condition == Condition.STROKE_MIMIC ? mix.mimicOnsetToCallMinutes()
                    : mix.onsetToCallMinutes()).sample(onsetToCall);
            p.callMinutes = p.onsetMinutes + delay;
            s.doorToScanUniform = strokeTreatment.nextDouble();
            s.scanToNeedleUniform = strokeTreatment.nextDouble();
            s.doorToPunctureMinutes = hospital.doorToPunctureMinutes().sample(strokeTreatment);
            s.hasuStayMinutes = hospital.hasuStayMinutes().sample(lengthOfStay);
            s.strokeUnitAfterHasu = lengthOfStay.nextDouble() < hospital.strokeUnitAfterHasuShare();
            s.strokeUnitStayMinutes = hospital.strokeUnitStayMinutes().sample(lengthOfStay);
            s.mimicStayMinutes = hospital.mimicStayMinutes().sample(lengthOfStay);
        }

        /** Suspected strokes (true strokes and mimics alike: the crew cannot tell them apart) by the stroke rule. */
        @Override
        public int destination(Patient p, double now) {
            return (StrokeState.isSuspectedStroke(p) ? stroke : emergency).destination(p, now, situation);
        }

        @Override
        public void door(Journey j, double now) {
            Patient p = j.patient();
            Site site = hospitals.site(j.site());
            StrokeTreatment.treat(p, site, hospital, hospitals.edCrowding(j.site()));
            if (p.condition == Condition.STROKE_MIMIC) {
                // A mimic is an emergency patient whom either consultant can see: the emergency department's
                // consultant counts for the weekend effect as well as the stroke specialist (whose cover alone would
                // leave a local hospital without a consultant all weekend).
                p.specialistOnSiteAtArrival |= site.offers(Service.TYPE1_AE)
                        && site.coverFor(Service.TYPE1_AE).onSiteAt(WeekTime.hourOfWeek(now));
            }
            boolean strokeReceiving = site.offers(Service.HASU) || site.offers(Service.STROKE_UNIT);
            if (StrokeState.isSuspectedStroke(p) && strokeReceiving) {
                admitStrokeBed(j, now, true);
            } else {
                // Not pre-alerted (or no stroke service here): through the emergency department first.
                j.enterEmergencyDepartment(now);
                j.leaveEmergencyDepartmentAfter(hospitals.edStayMinutes(p), true);
            }
        }

        @Override
        public void afterEmergencyDepartment(Journey j, double now) {
            admitStrokeBed(j, now, false);
        }

        @Override
        public void step(Journey j, int step, double now) {
            Patient p = j.patient();
            StrokeState s = StrokeState.of(p);
            int site = j.site();
            switch (step) {
                case HASU_DISCHARGE -> {
                    boolean onward = p.condition != Condition.STROKE_MIMIC && s.strokeUnitAfterHasu;
                    int home = onward && hospital.hasuRepatriation() ? homeStrokeUnit.applyAsInt(p.zone) : -1;
                    if (home >= 0 && home != site) {
                        awaitRepatriation(j, home, now);
                        return;
                    }
                    boolean stepDown = onward && hospitals.site(site).offers(Service.STROKE_UNIT);
                    if (stepDown && !strokeUnit[site].hasFreeBed() && hospital.hasuStepDownWaits()) {
                        // No stroke-unit bed: the stroke keeps its HASU bed and joins the stroke unit's line.
                        s.stepDownReadyMinutes = now;
                        strokeUnit[site].arrive(j);
                        return;
                    }
                    releaseHasu(site, now);
                    if (stepDown && strokeUnit[site].hasFreeBed()) {
                        admitStrokeUnit(j, site, now);
                        stepDownWaited(p, 0);
                        j.next(STROKE_UNIT_DISCHARGE, s.strokeUnitStayMinutes);
                    }
                }
                case REPATRIATION_DEPART -> {
                    // The ambulance is at the HASU: the HASU bed frees.
                    releaseHasu(site, now);
                    if (p.counted) {
                        repatriationWaitSum += now - s.stepDownReadyMinutes;
                        repatriations++;
                    }
                    s.stepDownReadyMinutes = Double.NaN;
                }
                // At the home stroke unit, whose bed was held since it was allotted: the whole stroke-unit stay.
                case REPATRIATION_ARRIVE -> j.next(STROKE_UNIT_DISCHARGE, s.strokeUnitStayMinutes);
                case STROKE_UNIT_DISCHARGE -> releaseStrokeUnit(site, now);
                case WARD_DISCHARGE -> {
                    // Left hospital before a stroke-unit bed freed: no organised care.
                    strokeUnit[site].withdraw(j);
                    s.organisedCareShare = 0;
                    j.finish();
                }
                default -> Pathway.Run.super.step(j, step, now);
            }
        }

        /**
         * A (suspected) stroke takes a bed at its site: a HASU bed if there is one free (or, when the crew took it
         * there as a suspected stroke, even over capacity: all HASUs were full when it left scene), else a
         * stroke-unit bed if free, else a general ward (beds of general wards are not modelled). A true stroke on a
         * general ward of a site with a stroke unit waits there for a stroke-unit bed ({@link #admitFromWard}); its
         * record is complete when it moves or leaves hospital. Every other patient's record is complete now.
         */
        private void admitStrokeBed(Journey j, double now, boolean preAlerted) {
            Patient p = j.patient();
            StrokeState st = StrokeState.of(p);
            int s = j.site();
            Site site = hospitals.site(s);
            boolean mimic = p.condition == Condition.STROKE_MIMIC;
            if (site.offers(Service.HASU) && (hasu[s].hasFreeBed() || preAlerted)) {
                if (hasu[s].hasFreeBed()) {
                    hasu[s].arrive(j);
                } else {
                    if (p.counted) {
                        hospitals.count(Metrics.HASU_OVERFLOWS_PER_YEAR);
                    }
                    hasu[s].admitOverCapacity();
                }
                hasuMeter.change(s, +1, now);
                p.careLevel = CareLevel.HASU;
                st.organisedCareShare = 1;
                j.next(HASU_DISCHARGE, mimic ? st.mimicStayMinutes : st.hasuStayMinutes);
            } else if (site.offers(Service.STROKE_UNIT) && strokeUnit[s].hasFreeBed()) {
                admitStrokeUnit(j, s, now);
                p.careLevel = CareLevel.STROKE_UNIT;
                st.organisedCareShare = 1;
                j.next(STROKE_UNIT_DISCHARGE, mimic ? st.mimicStayMinutes : st.strokeUnitStayMinutes);
            } else {
                p.careLevel = CareLevel.GENERAL_WARD;
                st.organisedCareShare = 0;
                if (!mimic && hospital.strokeUnitBedQueue() && site.offers(Service.STROKE_UNIT)) {
                    st.wardAdmissionMinutes = now;
                    strokeUnit[s].arrive(j);
                    j.next(WARD_DISCHARGE, st.strokeUnitStayMinutes);
                    return;
                }
            }
            j.finish();
        }

        /**
         * A stroke ready to leave its HASU bed at {@code j.site()} for its home stroke unit on site {@code home}
         * keeps the HASU bed and takes a bed there if one is free, else joins that unit's line; once it has the bed
         * a fleet ambulance is called to move it.
         */
        private void awaitRepatriation(Journey j, int home, double now) {
            StrokeState.of(j.patient()).stepDownReadyMinutes = now;
            if (strokeUnit[home].arrive(j) == BedPool.Admission.BED) {
                strokeUnitMeter.change(home, +1, now);
                j.moveByAmbulance(home, REPATRIATION_DEPART, REPATRIATION_ARRIVE);
            }
        }

        /**
         * A stroke-unit bed frees at {@code site}: the longest-waiting stroke takes it. One waiting in a HASU bed on
         * another site has it held and is moved by ambulance; one waiting in its HASU bed on this site steps down
         * for its whole stroke-unit stay; one on a general ward moves for the rest of its stay, and its share of the
         * stay in organised care is that rest over the whole stay.
         */
        private void releaseStrokeUnit(int site, double now) {
            strokeUnitMeter.change(site, -1, now);
            Journey j = strokeUnit[site].release();
            if (j == null) {
                return;
            }
            strokeUnitMeter.change(site, +1, now);
            Patient p = j.patient();
            StrokeState s = StrokeState.of(p);
            if (j.site() != site) {
                j.moveByAmbulance(site, REPATRIATION_DEPART, REPATRIATION_ARRIVE);
                return;
            }
            if (!Double.isNaN(s.stepDownReadyMinutes)) {
                // The HASU bed frees.
                releaseHasu(site, now);
                stepDownWaited(p, now - s.stepDownReadyMinutes);
                s.stepDownReadyMinutes = Double.NaN;
                j.next(STROKE_UNIT_DISCHARGE, s.strokeUnitStayMinutes);
                return;
            }
            j.cancel();
            double stay = s.strokeUnitStayMinutes;
            double left = stay - (now - s.wardAdmissionMinutes);
            p.careLevel = CareLevel.STROKE_UNIT;
            s.organisedCareShare = stay > 0 ? Math.max(0, left) / stay : 0;
            j.next(STROKE_UNIT_DISCHARGE, Math.max(0, left));
            j.finish();
        }

        /** A counted stroke moved from a HASU to a stroke unit after waiting {@code minutes} for the bed. */
        private void stepDownWaited(Patient p, double minutes) {
            if (p.counted) {
                stepDownWaitSum += minutes;
                stepDowns++;
            }
        }

        @Override
        public void write(ReplicationResult result, double years) {
            result.metric(Metrics.HASU_STEP_DOWN_WAIT_HOURS_MEAN, stepDowns > 0 ? stepDownWaitSum / stepDowns / 60 : Double.NaN);
            result.metric(Metrics.STROKE_REPATRIATIONS_PER_YEAR, repatriations / years);
            result.metric(Metrics.REPATRIATION_WAIT_HOURS_MEAN,
                    repatriations > 0 ? repatriationWaitSum / repatriations / 60 : Double.NaN);
        }

        private void releaseHasu(int site, double now) {
            hasu[site].release();
            hasuMeter.change(site, -1, now);
        }

        /** Takes a free stroke-unit bed at {@code site}. */
        private void admitStrokeUnit(Journey j, int site, double now) {
            strokeUnit[site].arrive(j);
            strokeUnitMeter.change(site, +1, now);
        }

        @Override
        public OutcomeInput outcomeInput(Patient p, double distanceKm) {
            StrokeState s = StrokeState.of(p);
            return Journey.commonOutcomeInput(p, s.largeVesselOcclusion,
                    s.thrombolysed() ? s.needleMinutes - p.onsetMinutes : Double.NaN,
                    Double.isNaN(s.punctureMinutes) ? Double.NaN : s.punctureMinutes - p.onsetMinutes,
                    s.organisedCareShare, distanceKm);
        }
    }
}
