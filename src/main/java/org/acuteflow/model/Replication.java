package org.acuteflow.model;

import java.util.List;
import java.util.Locale;
import org.acuteflow.config.RunControl;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.ThinnedArrivals;
import org.acuteflow.demand.WeeklyProfile;
import org.acuteflow.ems.AmbulanceService;
import org.acuteflow.ems.Dispatch;
import org.acuteflow.ems.Fleet;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.hospital.StrokeTreatment;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.sim.ReplicationContext;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The mutable state and events of one replication. Each patient is one SSJ event object that reschedules itself
 * through the stages of its journey, and each ambulance one event object for its own moves, so the event list
 * holds at most one entry per patient in flight and per vehicle. No randomness is drawn here: patients arrive
 * with all their draws (see {@link PatientFactory}); what differs between configurations is only where they
 * go and how long they wait.
 */
final class Replication {
    private static final String CSV_HEADER = "id,class,condition,zone,age_band,self_presenter,category_a,conveyed,"
            + "recognised,onset_known,eligible,lvo,onset_min,call_min,dispatch_min,at_scene_min,leave_scene_min,"
            + "door_min,scan_min,needle_min,puncture_min,transfer_depart_min,transfer_arrival_min,station,"
            + "first_site,transfer_site,diverted,care_level,specialist_on_site,organised_care_share,p_death";

    private final FlowModel model;
    private final Network network;
    private final TravelTimes travel;
    private final Routing routing;
    private final HospitalParameters hospital;
    private final Simulator simulator;
    private final ReplicationContext context;
    private final RunControl run;
    private final PatientSink sink;
    private final double warmup;
    private final double responseTravelFactor;
    private final double end;
    private final PatientFactory factory;
    private final AmbulanceService<Journey> ambulances;
    private final List<Site> sites;
    private final int[] hasuBeds;
    private final int[] strokeUnitBeds;
    private final int[] hasuOccupied;
    private final int[] strokeUnitOccupied;
    /** Per site: strokes on a general ward waiting for a stroke-unit bed, first come first served. */
    private final java.util.ArrayDeque<Journey>[] strokeUnitWaiting;
    private final FlowStatistics stats;
    private final FlowStatistics.Occupancy occupancy;
    private final DestinationPolicies destinations;
    private final DestinationPolicy.Situation situation = new DestinationPolicy.Situation() {
        @Override
        public double blueLightMinutes(int zone, int site, double now) {
            return travel.zoneToSite(zone, site) * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT);
        }

        @Override
        public boolean hasFreeHasuBed(int site) {
            return hasuOccupied[site] < hasuBeds[site];
        }
    };
    private long events;
    private long inFlight;
    private boolean arrivalsStopped;

    Replication(FlowModel model, ReplicationContext context, RunControl run, PatientSink sink) {
        this.model = model;
        this.network = model.network();
        this.travel = network.travel();
        this.routing = model.routing();
        this.hospital = model.parameters().hospital();
        this.responseTravelFactor = model.parameters().ems().responseTravelFactor();
        this.context = context;
        this.simulator = context.simulator();
        this.run = run;
        this.sink = sink;
        this.warmup = run.warmupMinutes();
        this.end = run.endMinutes();
        this.factory = new PatientFactory(model.parameters(), model.zoneTables(), context);
        this.sites = network.sites();
        int n = sites.size();
        hasuBeds = new int[n];
        strokeUnitBeds = new int[n];
        for (Site s : sites) {
            hasuBeds[s.index()] = s.bedsFor(Service.HASU);
            strokeUnitBeds[s.index()] = s.bedsFor(Service.STROKE_UNIT);
        }
        hasuOccupied = new int[n];
        strokeUnitOccupied = new int[n];
        @SuppressWarnings("unchecked")
        java.util.ArrayDeque<Journey>[] waiting = new java.util.ArrayDeque[n];
        for (int s = 0; s < n; s++) {
            waiting[s] = new java.util.ArrayDeque<>();
        }
        strokeUnitWaiting = waiting;
        stats = new FlowStatistics(network, model.parameters().ems().roadKmPerBaseMinute(), model.outcomes());
        occupancy = new FlowStatistics.Occupancy(n, warmup, end);
        destinations = model.destinations();
        this.ambulances = new AmbulanceService<>(simulator, travel, responseTravelFactor,
                new Fleet(model.vehiclesPerStation(), routing.stationOrder()), Dispatch.of(Dispatch.DEFAULT),
                new AmbulanceService.Crew<>() {
                    @Override
                    public void dispatched(Journey j, int vehicle, int station, double travelMinutes, double now) {
                        Patient p = j.patient;
                        p.dispatchMinutes = now;
                        p.station = station;
                        j.vehicle = vehicle;
                        j.stage = Stage.AT_SCENE;
                        j.schedule(factory.mobilisationMinutes(p) + travelMinutes);
                    }

                    @Override
                    public void busyChanged(int busy, double now) {
                        occupancy.busyVehicles.set(now, busy);
                    }
                });
    }

    ReplicationResult run() {
        simulator.init();
        if (sink.enabled()) {
            sink.header(CSV_HEADER);
        }
        for (DemandClass c : DemandClass.values()) {
            ThinnedArrivals a = model.arrivals(c);
            if (!a.isEmpty()) {
                RandomStream s = context.stream(PatientFactory.arrivalStreamName(c));
                double first = a.next(0, s);
                if (first < end) {
                    new ArrivalEvent(c, a, s).schedule(first);
                }
            }
        }
        new EndEvent().schedule(end);
        simulator.start();
        occupancy.finish(Math.max(simulator.time(), end));
        ReplicationResult result = new ReplicationResult();
        stats.write(result, run.years(), occupancy, routing, events + ambulances.events(),
                occupancy.busyVehicles.mean() / Math.max(1, ambulances.size()));
        return result;
    }

    private int hourOfWeek(double minutes) {
        return WeekTime.hourOfWeek(minutes);
    }

    // ------------------------------------------------------------------ demand

    private final class ArrivalEvent extends Event {
        private final DemandClass demandClass;
        private final ThinnedArrivals arrivals;
        private final RandomStream stream;

        ArrivalEvent(DemandClass demandClass, ThinnedArrivals arrivals, RandomStream stream) {
            super(simulator);
            this.demandClass = demandClass;
            this.arrivals = arrivals;
            this.stream = stream;
        }

        @Override
        public void actions() {
            events++;
            double now = simulator.time();
            arrive(demandClass, now);
            double next = arrivals.next(now, stream);
            if (next < end) {
                schedule(next - now);
            }
        }
    }

    private final class EndEvent extends Event {
        EndEvent() {
            super(simulator);
        }

        @Override
        public void actions() {
            events++;
            arrivalsStopped = true;
            if (inFlight == 0) {
                simulator.stop();
            }
        }
    }

    private void arrive(DemandClass c, double now) {
        Patient p = factory.create(c, now, now >= warmup);
        inFlight++;
        Journey j = new Journey(p);
        if (p.selfPresenter) {
            int site = routing.selfPresentSite(p.zone);
            j.site = site;
            double door = p.callMinutes + travel.zoneToSite(p.zone, site)
                    * travel.factor(hourOfWeek(p.callMinutes), TravelTimes.Mode.NORMAL);
            j.stage = Stage.DOOR;
            j.schedule(door - now);
        } else if (p.callMinutes > now) {
            j.stage = Stage.CALL;
            j.schedule(p.callMinutes - now);
        } else {
            call(j, now);
        }
    }

    // ------------------------------------------------------------------ ambulance

    private void call(Journey j, double now) {
        ambulances.call(j, now);
    }

    // ------------------------------------------------------------------ patient journey

    private enum Stage { CALL, AT_SCENE, LEAVE_SCENE, DOOR, ED_LEAVE, TRANSFER_DEPART, TRANSFER_ARRIVE,
        HASU_DISCHARGE, STROKE_UNIT_DISCHARGE, WARD_DISCHARGE }

    private final class Journey extends Event implements AmbulanceService.Call {
        private final Patient patient;
        private Stage stage;
        private int vehicle = -1;
        private int site = -1;
        private boolean strokeBedAfterEd;
        private boolean finished;

        Journey(Patient patient) {
            super(simulator);
            this.patient = patient;
        }

        @Override
        public int zone() {
            return patient.zone;
        }

        @Override
        public boolean categoryA() {
            return patient.categoryA;
        }

        @Override
        public void actions() {
            events++;
            double now = simulator.time();
            Patient p = patient;
            switch (stage) {
                case CALL -> call(this, now);
                case AT_SCENE -> {
                    p.atSceneMinutes = now;
                    stage = Stage.LEAVE_SCENE;
                    schedule(factory.onSceneMinutes(p));
                }
                case LEAVE_SCENE -> leaveScene(this, now);
                case DOOR -> door(this, now);
                case ED_LEAVE -> {
                    changeEd(site, -1, now);
                    if (strokeBedAfterEd) {
                        admitStrokeBed(this, now, false);
                    }
                }
                case TRANSFER_DEPART -> {
                    changeEd(site, -1, now);
                    p.transferDepartMinutes = now;
                    int to = destinations.trauma().transferFrom(site);
                    p.transferSite = to;
                    stage = Stage.TRANSFER_ARRIVE;
                    schedule(travel.siteToSite(site, to)
                            * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT));
                }
                case TRANSFER_ARRIVE -> {
                    p.transferArrivalMinutes = now;
                    p.careLevel = CareLevel.MTC;
                    finish(this);
                }
                case HASU_DISCHARGE -> {
                    changeHasu(site, -1, now);
                    if (p.condition != Condition.STROKE_MIMIC && p.strokeUnitAfterHasu
                            && sites.get(site).offers(Service.STROKE_UNIT)
                            && strokeUnitOccupied[site] < strokeUnitBeds[site]) {
                        changeStrokeUnit(site, +1, now);
                        stage = Stage.STROKE_UNIT_DISCHARGE;
                        schedule(p.strokeUnitStayMinutes);
                    }
                }
                case STROKE_UNIT_DISCHARGE -> {
                    changeStrokeUnit(site, -1, now);
                    admitFromWard(site, now);
                }
                case WARD_DISCHARGE -> {
                    // Left hospital before a stroke-unit bed freed: no organised care.
                    strokeUnitWaiting[site].remove(this);
                    p.organisedCareShare = 0;
                    finish(this);
                }
                default -> throw new IllegalStateException(stage.toString());
            }
        }
    }

    private void leaveScene(Journey j, double now) {
        Patient p = j.patient;
        p.leaveSceneMinutes = now;
        int v = j.vehicle;
        if (!p.conveyed) {
            j.vehicle = -1;
            ambulances.clearAtScene(v, p.zone, now);
            finish(j);
            return;
        }
        int site = chooseSite(p, now);
        j.site = site;
        j.stage = Stage.DOOR;
        j.schedule(travel.zoneToSite(p.zone, site) * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT));
    }

    /** The destination of a conveyed patient leaving scene at {@code now}, by the rule of the patient's pathway. */
    private int chooseSite(Patient p, double now) {
        return destinations.of(p).destination(p, now, situation);
    }

    private void door(Journey j, double now) {
        Patient p = j.patient;
        p.doorMinutes = now;
        p.firstSite = j.site;
        if (j.vehicle >= 0) {
            ambulances.handover(j.vehicle, j.site, factory.handoverMinutes(p));
            j.vehicle = -1;
        }
        Site site = sites.get(j.site);
        Condition c = p.condition;
        int hour = hourOfWeek(now);
        if (c != null && c.looksLikeStroke()) {
            StrokeTreatment.treat(p, site, hospital);
            if (c == Condition.STROKE_MIMIC) {
                // A mimic is an emergency patient whom either consultant can see: the emergency department's
                // consultant counts for the weekend effect as well as the stroke specialist (whose cover alone would
                // leave a local hospital without a consultant all weekend).
                p.specialistOnSiteAtArrival |= site.offers(Service.TYPE1_AE)
                        && site.coverFor(Service.TYPE1_AE).onSiteAt(hour);
            }
            boolean strokeReceiving = site.offers(Service.HASU) || site.offers(Service.STROKE_UNIT);
            if (p.isSuspectedStroke() && strokeReceiving) {
                admitStrokeBed(j, now, true);
            } else {
                // Not pre-alerted (or no stroke service here): through the emergency department first.
                changeEd(j.site, +1, now);
                j.strokeBedAfterEd = true;
                j.stage = Stage.ED_LEAVE;
                j.schedule(factory.edStayMinutes(p));
            }
            return;
        }
        changeEd(j.site, +1, now);
        if (c == Condition.MAJOR_TRAUMA) {
            Service level = site.offers(Service.MTC) ? Service.MTC
                    : site.offers(Service.TRAUMA_UNIT) ? Service.TRAUMA_UNIT : Service.TYPE1_AE;
            p.careLevel = level == Service.MTC ? CareLevel.MTC
                    : level == Service.TRAUMA_UNIT ? CareLevel.TRAUMA_UNIT : CareLevel.EMERGENCY_DEPARTMENT;
            p.specialistOnSiteAtArrival = site.coverFor(level).onSiteAt(hour);
            if (level != Service.MTC && destinations.trauma().transferFrom(j.site) >= 0) {
                j.stage = Stage.TRANSFER_DEPART;
                j.schedule(p.transferDelayMinutes);
                return;
            }
        } else if (c != null) {
            p.careLevel = CareLevel.EMERGENCY_DEPARTMENT;
            p.specialistOnSiteAtArrival = site.coverFor(Service.TYPE1_AE).onSiteAt(hour);
        }
        j.stage = Stage.ED_LEAVE;
        j.schedule(factory.edStayMinutes(p));
        finish(j);
    }

    /**
     * A (suspected) stroke takes a bed at its site: a HASU bed if there is one free (or, when the crew took it
     * there as a suspected stroke, even over capacity: all HASUs were full when it left scene), else a
     * stroke-unit bed if free, else a general ward (beds of general wards are not modelled). A true stroke on a
     * general ward of a site with a stroke unit waits there for a stroke-unit bed ({@link #admitFromWard}); its
     * record is complete when it moves or leaves hospital. Every other patient's record is complete now.
     */
    private void admitStrokeBed(Journey j, double now, boolean preAlerted) {
        Patient p = j.patient;
        int s = j.site;
        Site site = sites.get(s);
        boolean mimic = p.condition == Condition.STROKE_MIMIC;
        if (site.offers(Service.HASU) && (hasuOccupied[s] < hasuBeds[s] || preAlerted)) {
            if (hasuOccupied[s] >= hasuBeds[s] && p.counted) {
                stats.hasuOverflows++;
            }
            changeHasu(s, +1, now);
            p.careLevel = CareLevel.HASU;
            p.organisedCareShare = 1;
            j.stage = Stage.HASU_DISCHARGE;
            j.schedule(mimic ? p.mimicStayMinutes : p.hasuStayMinutes);
        } else if (site.offers(Service.STROKE_UNIT) && strokeUnitOccupied[s] < strokeUnitBeds[s]) {
            changeStrokeUnit(s, +1, now);
            p.careLevel = CareLevel.STROKE_UNIT;
            p.organisedCareShare = 1;
            j.stage = Stage.STROKE_UNIT_DISCHARGE;
            j.schedule(mimic ? p.mimicStayMinutes : p.strokeUnitStayMinutes);
        } else {
            p.careLevel = CareLevel.GENERAL_WARD;
            p.organisedCareShare = 0;
            if (!mimic && hospital.strokeUnitBedQueue() && site.offers(Service.STROKE_UNIT)) {
                p.wardAdmissionMinutes = now;
                strokeUnitWaiting[s].addLast(j);
                j.stage = Stage.WARD_DISCHARGE;
                j.schedule(p.strokeUnitStayMinutes);
                return;
            }
        }
        finish(j);
    }

    /**
     * A stroke-unit bed freed at {@code site}: the longest-waiting stroke on a general ward moves into it for the
     * rest of its stay, and its share of the stay in organised care is that rest over the whole stay.
     */
    private void admitFromWard(int site, double now) {
        Journey j = strokeUnitWaiting[site].pollFirst();
        if (j == null) {
            return;
        }
        Patient p = j.patient;
        j.cancel();
        double stay = p.strokeUnitStayMinutes;
        double left = stay - (now - p.wardAdmissionMinutes);
        p.careLevel = CareLevel.STROKE_UNIT;
        p.organisedCareShare = stay > 0 ? Math.max(0, left) / stay : 0;
        changeStrokeUnit(site, +1, now);
        j.stage = Stage.STROKE_UNIT_DISCHARGE;
        j.schedule(Math.max(0, left));
        finish(j);
    }

    private void changeHasu(int site, int delta, double now) {
        hasuOccupied[site] += delta;
        occupancy.hasuBySite[site].set(now, hasuOccupied[site]);
        occupancy.hasuTotal.add(now, delta);
    }

    private void changeStrokeUnit(int site, int delta, double now) {
        strokeUnitOccupied[site] += delta;
        occupancy.strokeUnitBySite[site].add(now, delta);
        occupancy.strokeUnitTotal.add(now, delta);
    }

    private void changeEd(int site, int delta, double now) {
        occupancy.edBySite[site].add(now, delta);
        occupancy.edTotal.add(now, delta);
    }

    // ------------------------------------------------------------------ end of a journey record

    /** The patient's record is complete: evaluate the outcome, count it, write it. Idempotent. */
    private void finish(Journey j) {
        if (j.finished) {
            return;
        }
        j.finished = true;
        inFlight--;
        Patient p = j.patient;
        if (p.counted) {
            if (p.condition != null && p.firstSite >= 0) {
                OutcomeInput input = outcomeInput(p);
                p.probabilityOfDeath = model.outcomes().probabilityOfDeath(input);
                stats.recordOutcome(p, input);
            }
            stats.record(p);
            if (sink.enabled()) {
                sink.row(csvRow(p));
            }
        }
        if (arrivalsStopped && inFlight == 0) {
            simulator.stop();
        }
    }

    private OutcomeInput outcomeInput(Patient p) {
        double definitive = Double.isNaN(p.transferArrivalMinutes) ? p.doorMinutes : p.transferArrivalMinutes;
        return new OutcomeInput(p.condition, p.ageBand, p.largeVesselOcclusion,
                p.thrombolysed() ? p.needleMinutes - p.onsetMinutes : Double.NaN,
                Double.isNaN(p.punctureMinutes) ? Double.NaN : p.punctureMinutes - p.onsetMinutes,
                p.careLevel, p.organisedCareShare, p.specialistOnSiteAtArrival, WeekTime.isWeekendHour(hourOfWeek(p.doorMinutes)),
                !p.selfPresenter, stats.distanceKm(p.zone, p.firstSite), definitive - p.callMinutes);
    }

    private String csvRow(Patient p) {
        StringBuilder b = new StringBuilder(256);
        b.append(p.id).append(',').append(p.demandClass.key()).append(',')
                .append(p.condition == null ? "" : p.condition.name().toLowerCase(Locale.ROOT)).append(',')
                .append(network.zones().get(p.zone).id()).append(',')
                .append(p.ageBand == null ? "" : p.ageBand.name().toLowerCase(Locale.ROOT)).append(',')
                .append(p.selfPresenter).append(',').append(p.categoryA).append(',').append(p.conveyed).append(',')
                .append(p.recognisedAsStroke).append(',').append(p.onsetKnown).append(',')
                .append(p.eligibleForThrombolysis).append(',').append(p.largeVesselOcclusion);
        for (double t : new double[] {p.onsetMinutes, p.callMinutes, p.dispatchMinutes, p.atSceneMinutes,
                p.leaveSceneMinutes, p.doorMinutes, p.scanMinutes, p.needleMinutes, p.punctureMinutes,
                p.transferDepartMinutes, p.transferArrivalMinutes}) {
            b.append(',');
            if (!Double.isNaN(t)) {
                b.append(String.format(Locale.ROOT, "%.3f", t));
            }
        }
        b.append(',').append(p.station < 0 ? "" : network.stations().get(p.station).id())
                .append(',').append(p.firstSite < 0 ? "" : sites.get(p.firstSite).id())
                .append(',').append(p.transferSite < 0 ? "" : sites.get(p.transferSite).id())
                .append(',').append(p.diverted)
                .append(',').append(p.careLevel == null ? "" : p.careLevel.name().toLowerCase(Locale.ROOT))
                .append(',').append(p.firstSite >= 0 && p.specialistOnSiteAtArrival)
                .append(',').append(String.format(Locale.ROOT, "%.4f", p.organisedCareShare))
                .append(',');
        if (!Double.isNaN(p.probabilityOfDeath)) {
            b.append(String.format(Locale.ROOT, "%.6f", p.probabilityOfDeath));
        }
        return b.toString();
    }
}
