package org.acuteflow.model;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.acuteflow.config.RunControl;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.Patient;
import org.acuteflow.demand.ThinnedArrivals;
import org.acuteflow.ems.AmbulanceService;
import org.acuteflow.ems.Dispatch;
import org.acuteflow.ems.Fleet;
import org.acuteflow.ems.ResponseCars;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.hospital.EdCrowding;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.metrics.Metric;
import org.acuteflow.network.Network;
import org.acuteflow.network.Site;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.pathway.Hospitals;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.Routing;
import org.acuteflow.sim.ReplicationContext;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The stage engine: the mutable state and events of one replication. Each patient is one SSJ event object that
 * reschedules itself through the stages every pathway shares (call, dispatch and response through the
 * {@link AmbulanceService}, at scene, leaving scene, conveyance, door and handover, emergency department, a
 * secondary transfer) and through its pathway's own steps; at each decision it asks the patient's pathway
 * ({@link Pathway.Run}: destination, what happens from the door on, transfer, outcome input). The event list
 * holds at most one entry per patient in flight and per vehicle. No randomness is drawn here: patients arrive with
 * all their draws (see {@link PatientFactory}); what differs between configurations is only where they go and how
 * long they wait.
 */
final class Replication {
    private static final String CSV_HEADER = "id,class,condition,zone,age_band,self_presenter,category_a,conveyed,"
            + "recognised,onset_known,eligible,lvo,onset_min,call_min,dispatch_min,at_scene_min,leave_scene_min,"
            + "door_min,scan_min,needle_min,puncture_min,transfer_depart_min,transfer_arrival_min,station,"
            + "first_site,transfer_site,diverted,care_level,specialist_on_site,organised_care_share,p_death";
    private static final String[] CSV_COLUMNS = CSV_HEADER.split(",");
    /**
     * The patients file's columns a pathway's state fills ({@link org.acuteflow.demand.PathwayState#column}), with
     * what is written for patients whose state does not fill them.
     */
    private static final Map<String, String> PATHWAY_COLUMNS = Map.of("recognised", "false", "onset_known", "false",
            "eligible", "false", "lvo", "false", "scan_min", "", "needle_min", "", "puncture_min", "",
            "organised_care_share", "0.0000");

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
    private final double end;
    private final PatientFactory factory;
    private final AmbulanceService<JourneyEvent> ambulances;
    /** A response car's time at the scene after the ambulance has arrived. */
    private final double carClearMinutes;
    private final java.util.List<Site> sites;
    private final FlowStatistics stats;
    private final FlowStatistics.Occupancy occupancy;
    /** Per demand class (by index in {@link Pathways#CLASSES}), its pathway in this replication. */
    private final Pathway.Run[] pathwayOf;
    /** Inter-hospital transfers wait for a fleet vehicle ({@code ems.transfers_use_fleet}). */
    private final boolean transfersUseFleet;
    private final EdCrowding crowding;
    /** Per site: cubicles of its emergency department, and patients in it now. */
    private final int[] edCubicles;
    private final int[] edNow;
    /** Per registered pathway ({@link Pathways#ALL} order), its state in this replication. */
    private final Pathway.Run[] runs;
    private final ToDoubleFunction<OutcomeInput> centralDeath;
    private long events;
    private long inFlight;
    private boolean arrivalsStopped;

    Replication(FlowModel model, ReplicationContext context, RunControl run, PatientSink sink) {
        this.model = model;
        this.network = model.network();
        this.travel = network.travel();
        this.routing = model.routing();
        this.hospital = model.parameters().hospital();
        this.context = context;
        this.simulator = context.simulator();
        this.run = run;
        this.sink = sink;
        this.warmup = run.warmupMinutes();
        this.end = run.endMinutes();
        this.factory = new PatientFactory(model.parameters(), model.zoneTables(), context);
        this.sites = network.sites();
        stats = new FlowStatistics(network, model.parameters().ems().roadKmPerBaseMinute(), model.outcomes());
        occupancy = new FlowStatistics.Occupancy(sites.size(), warmup, end);
        Hospitals hospitals = new EngineHospitals();
        centralDeath = model.outcomes()::probabilityOfDeath;
        runs = new Pathway.Run[Pathways.ALL.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = model.pathways()[i].start(hospitals, context::stream);
        }
        pathwayOf = new Pathway.Run[Pathways.CLASSES.size()];
        for (int k = 0; k < pathwayOf.length; k++) {
            pathwayOf[k] = runs[Pathways.pathwayIndex(k)];
        }
        this.transfersUseFleet = model.parameters().ems().transfersUseFleet();
        this.crowding = hospital.edCrowding();
        this.edCubicles = model.edCubicles();
        this.edNow = new int[sites.size()];
        this.carClearMinutes = model.parameters().ems().responseCarClearMinutes();
        ResponseCars cars = new ResponseCars(simulator, travel, model.carsPerStation(), model.carStationOrder(),
                network.sites().size(), (busy, now) -> occupancy.busyCars.set(now, busy));
        this.ambulances = new AmbulanceService<>(simulator, travel, model.parameters().ems().responseTravelFactor(),
                new Fleet(model.vehiclesPerStation(), model.dispatchOrders()),
                Dispatch.of(model.parameters().ems().dispatch()), cars,
                new AmbulanceService.Crew<>() {
                    @Override
                    public void dispatched(JourneyEvent j, int vehicle, int station, double travelMinutes,
                                           double now) {
                        j.vehicle = vehicle;
                        if (j.pickup >= 0) {
                            // A transfer's vehicle drives to the site; the patient leaves when it arrives.
                            j.stage = Stage.TRANSFER_DEPART;
                            j.schedule(travelMinutes);
                            return;
                        }
                        Patient p = j.patient;
                        p.dispatchMinutes = now;
                        p.station = station;
                        j.stage = Stage.AT_SCENE;
                        j.schedule(factory.mobilisationMinutes(p) + travelMinutes);
                    }

                    @Override
                    public void busyChanged(int busy, double now) {
                        occupancy.busyVehicles.set(now, busy);
                    }

                    @Override
                    public void carSent(JourneyEvent j, int car, double travelMinutes, double now) {
                        j.car = car;
                        j.patient.carAtSceneMinutes = now + factory.mobilisationMinutes(j.patient) + travelMinutes;
                    }
                });
    }

    ReplicationResult run() {
        simulator.init();
        if (sink.enabled()) {
            sink.header(CSV_HEADER);
        }
        for (int k = 0; k < Pathways.CLASSES.size(); k++) {
            ThinnedArrivals a = model.arrivals(k);
            if (!a.isEmpty()) {
                RandomStream s = context.stream(PatientFactory.arrivalStreamName(Pathways.CLASSES.get(k)));
                double first = a.next(0, s);
                if (first < end) {
                    new ArrivalEvent(k, a, s).schedule(first);
                }
            }
        }
        new EndEvent().schedule(end);
        simulator.start();
        occupancy.finish(Math.max(simulator.time(), end));
        ReplicationResult result = new ReplicationResult();
        stats.write(result, run.years(), occupancy, routing, events + ambulances.events(),
                occupancy.busyVehicles.mean() / Math.max(1, ambulances.size()),
                ambulances.cars() == 0 ? Double.NaN : occupancy.busyCars.mean() / ambulances.cars());
        for (Pathway.Run r : runs) {
            r.write(result, run.years());
        }
        return result;
    }

    private static int hourOfWeek(double minutes) {
        return WeekTime.hourOfWeek(minutes);
    }

    /** What the engine offers the pathways' stages. */
    private final class EngineHospitals implements Hospitals {
        @Override
        public Site site(int index) {
            return sites.get(index);
        }

        @Override
        public int sites() {
            return sites.size();
        }

        @Override
        public HospitalParameters parameters() {
            return hospital;
        }

        @Override
        public double blueLightMinutes(int zone, int site, double now) {
            return travel.zoneToSite(zone, site) * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT);
        }

        @Override
        public double edCrowding(int site) {
            return Replication.this.edCrowding(site);
        }

        @Override
        public double edStayMinutes(Patient p) {
            return factory.edStayMinutes(p);
        }

        @Override
        public double edOccupancy(int site) {
            return edNow[site] / (double) edCubicles[site];
        }

        @Override
        public int emergencyBeds(int site) {
            return model.emergencyBeds()[site];
        }

        @Override
        public BedMeter beds(String unit, boolean byHourOfWeek) {
            return occupancy.unit(unit, byHourOfWeek);
        }

        @Override
        public void count(Metric metric) {
            stats.count(metric);
        }
    }

    // ------------------------------------------------------------------ demand

    private final class ArrivalEvent extends Event {
        /** Index of the demand class in {@link Pathways#CLASSES}. */
        private final int demandClass;
        private final ThinnedArrivals arrivals;
        private final RandomStream stream;

        ArrivalEvent(int demandClass, ThinnedArrivals arrivals, RandomStream stream) {
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

    private void arrive(int classIndex, double now) {
        Pathway.Run pathway = pathwayOf[classIndex];
        Patient p = factory.create(classIndex, now, now >= warmup, pathway);
        inFlight++;
        JourneyEvent j = new JourneyEvent(p, pathway);
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
            ambulances.call(j, now);
        }
    }

    // ------------------------------------------------------------------ patient journey

    private enum Stage { CALL, AT_SCENE, LEAVE_SCENE, DOOR, ED_LEAVE, TRANSFER_READY, TRANSFER_DEPART, TRANSFER_ARRIVE,
        PATHWAY_STEP, MOVE_ARRIVE }

    private final class JourneyEvent extends Event implements AmbulanceService.Call, org.acuteflow.pathway.Journey {
        private final Patient patient;
        private final Pathway.Run pathway;
        private Stage stage;
        private int step;
        private int vehicle = -1;
        /** The response car at or on its way to the scene ahead of the ambulance, else -1. */
        private int car = -1;
        private int site = -1;
        /** The site a transfer waits at for a fleet vehicle, else -1. */
        private int pickup = -1;
        private double transferReadyMinutes = Double.NaN;
        /** A planned move's destination site and the pathway's steps on leaving and arriving; -1: none. */
        private int moveTo = -1;
        private int moveDepartStep;
        private int moveArriveStep;
        private boolean pathwayAfterEd;
        private boolean finished;

        JourneyEvent(Patient patient, Pathway.Run pathway) {
            super(simulator);
            this.patient = patient;
            this.pathway = pathway;
        }

        @Override
        public int zone() {
            return patient.zone;
        }

        @Override
        public boolean categoryA() {
            return moveTo < 0 && patient.categoryA;
        }

        @Override
        public boolean blueLight() {
            return moveTo < 0;
        }

        @Override
        public int pickupSite() {
            return pickup;
        }

        @Override
        public Patient patient() {
            return patient;
        }

        @Override
        public int site() {
            return site;
        }

        @Override
        public void enterEmergencyDepartment(double now) {
            changeEd(site, +1, now);
        }

        @Override
        public void leaveEmergencyDepartmentAfter(double minutes, boolean thenPathway) {
            pathwayAfterEd = thenPathway;
            stage = Stage.ED_LEAVE;
            schedule(minutes);
        }

        @Override
        public void transferAfter(double minutes) {
            stage = Stage.TRANSFER_READY;
            schedule(minutes);
        }

        @Override
        public void moveByAmbulance(int to, int departStep, int arriveStep) {
            moveTo = to;
            moveDepartStep = departStep;
            moveArriveStep = arriveStep;
            if (transfersUseFleet) {
                pickup = site;
                ambulances.call(this, simulator.time());
            } else {
                departMove(simulator.time());
            }
        }

        /** A planned move leaves its site at normal road speed. */
        private void departMove(double now) {
            pathway.step(this, moveDepartStep, now);
            stage = Stage.MOVE_ARRIVE;
            schedule(travel.siteToSite(site, moveTo) * travel.factor(hourOfWeek(now), TravelTimes.Mode.NORMAL));
        }

        @Override
        public void next(int pathwayStep, double minutes) {
            step = pathwayStep;
            stage = Stage.PATHWAY_STEP;
            schedule(minutes);
        }

        @Override
        public void finish() {
            Replication.this.finish(this);
        }

        /** The patient leaves its first site for the transfer site, by blue light. */
        private void departTransfer(double now) {
            Patient p = patient;
            changeEd(site, -1, now);
            p.transferDepartMinutes = now;
            if (p.counted) {
                stats.transferWait(now - transferReadyMinutes);
            }
            int to = pathway.transferFrom(p, site);
            p.transferSite = to;
            stage = Stage.TRANSFER_ARRIVE;
            schedule(travel.siteToSite(site, to) * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT));
        }

        @Override
        public void actions() {
            events++;
            double now = simulator.time();
            Patient p = patient;
            switch (stage) {
                case CALL -> ambulances.call(this, now);
                case AT_SCENE -> {
                    p.atSceneMinutes = now;
                    if (car >= 0) {
                        // The car stays until the ambulance is there (it may itself still be on its way), then
                        // hands over.
                        ambulances.releaseCar(car, p.zone, Math.max(0, p.carAtSceneMinutes - now) + carClearMinutes);
                        car = -1;
                    }
                    stage = Stage.LEAVE_SCENE;
                    schedule(factory.onSceneMinutes(p));
                }
                case LEAVE_SCENE -> leaveScene(this, now);
                case DOOR -> door(this, now);
                case ED_LEAVE -> {
                    changeEd(site, -1, now);
                    if (pathwayAfterEd) {
                        pathway.afterEmergencyDepartment(this, now);
                    }
                }
                case TRANSFER_READY -> {
                    transferReadyMinutes = now;
                    if (transfersUseFleet) {
                        // The patient waits in the emergency department for a fleet vehicle, queued with calls.
                        pickup = site;
                        ambulances.call(this, now);
                    } else {
                        departTransfer(now);
                    }
                }
                case TRANSFER_DEPART -> {
                    if (moveTo >= 0) {
                        departMove(now);
                    } else {
                        departTransfer(now);
                    }
                }
                case TRANSFER_ARRIVE -> {
                    p.transferArrivalMinutes = now;
                    if (vehicle >= 0) {
                        handover(vehicle, p.transferSite, p);
                        vehicle = -1;
                    }
                    pathway.transferArrived(p);
                    finish();
                }
                case PATHWAY_STEP -> pathway.step(this, step, now);
                case MOVE_ARRIVE -> {
                    site = moveTo;
                    moveTo = -1;
                    pickup = -1;
                    if (vehicle >= 0) {
                        // A ward handover: the emergency department's crowding does not delay it, and it is not
                        // one of the emergency handovers the statistics report.
                        ambulances.handover(vehicle, site, factory.handoverMinutes(p));
                        vehicle = -1;
                    }
                    pathway.step(this, moveArriveStep, now);
                }
                default -> throw new IllegalStateException(stage.toString());
            }
        }
    }

    private void leaveScene(JourneyEvent j, double now) {
        Patient p = j.patient;
        p.leaveSceneMinutes = now;
        int v = j.vehicle;
        if (!p.conveyed) {
            j.vehicle = -1;
            ambulances.clearAtScene(v, p.zone, now);
            finish(j);
            return;
        }
        int site = j.pathway.destination(p, now);
        j.site = site;
        j.stage = Stage.DOOR;
        j.schedule(travel.zoneToSite(p.zone, site) * travel.factor(hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT));
    }

    private void door(JourneyEvent j, double now) {
        Patient p = j.patient;
        p.doorMinutes = now;
        p.firstSite = j.site;
        if (j.vehicle >= 0) {
            handover(j.vehicle, j.site, p);
            j.vehicle = -1;
        }
        j.pathway.door(j, now);
    }

    /**
     * The crew of {@code vehicle} hands {@code p} over at {@code site} and is clear after the handover time, longer
     * when the emergency department is crowded.
     */
    private void handover(int vehicle, int site, Patient p) {
        double minutes = factory.handoverMinutes(p) * edCrowding(site);
        if (p.counted) {
            stats.handover(site, minutes);
        }
        ambulances.handover(vehicle, site, minutes);
    }

    /** The crowding multiplier of the emergency department of {@code site} now. */
    private double edCrowding(int site) {
        return crowding.multiplier(edNow[site], edCubicles[site]);
    }

    private void changeEd(int site, int delta, double now) {
        edNow[site] += delta;
        occupancy.edBySite[site].add(now, delta);
        occupancy.edTotal.add(now, delta);
    }

    // ------------------------------------------------------------------ end of a journey record

    /** The patient's record is complete: evaluate the outcome, count it, write it. Idempotent. */
    private void finish(JourneyEvent j) {
        if (j.finished) {
            return;
        }
        j.finished = true;
        inFlight--;
        Patient p = j.patient;
        if (p.counted) {
            if (p.condition != null && p.firstSite >= 0) {
                OutcomeInput input = j.pathway.outcomeInput(p, stats.distanceKm(p.zone, p.firstSite));
                p.probabilityOfDeath = j.pathway.probabilityOfDeath(input, centralDeath);
                if (j.pathway.usesCentralOutcomeModel()) {
                    stats.recordOutcome(p, input);
                }
            }
            stats.record(p, j.pathway.usesCentralOutcomeModel());
            j.pathway.record(p);
            if (sink.enabled()) {
                sink.row(csvRow(p));
            }
        }
        if (arrivalsStopped && inFlight == 0) {
            simulator.stop();
        }
    }

    private String csvRow(Patient p) {
        StringBuilder b = new StringBuilder(256);
        for (int k = 0; k < CSV_COLUMNS.length; k++) {
            if (k > 0) {
                b.append(',');
            }
            String name = CSV_COLUMNS[k];
            String fallback = PATHWAY_COLUMNS.get(name);
            if (fallback != null) {
                String own = p.state == null ? null : p.state.column(name);
                b.append(own != null ? own : fallback);
            } else {
                b.append(commonColumn(p, name));
            }
        }
        return b.toString();
    }

    private String commonColumn(Patient p, String name) {
        return switch (name) {
            case "id" -> String.valueOf(p.id);
            case "class" -> p.demandClass.key();
            case "condition" -> p.condition == null ? "" : p.condition.name().toLowerCase(Locale.ROOT);
            case "zone" -> network.zones().get(p.zone).id();
            case "age_band" -> p.ageBand == null ? "" : p.ageBand.name().toLowerCase(Locale.ROOT);
            case "self_presenter" -> String.valueOf(p.selfPresenter);
            case "category_a" -> String.valueOf(p.categoryA);
            case "conveyed" -> String.valueOf(p.conveyed);
            case "onset_min" -> minutes(p.onsetMinutes);
            case "call_min" -> minutes(p.callMinutes);
            case "dispatch_min" -> minutes(p.dispatchMinutes);
            case "at_scene_min" -> minutes(p.atSceneMinutes);
            case "leave_scene_min" -> minutes(p.leaveSceneMinutes);
            case "door_min" -> minutes(p.doorMinutes);
            case "transfer_depart_min" -> minutes(p.transferDepartMinutes);
            case "transfer_arrival_min" -> minutes(p.transferArrivalMinutes);
            case "station" -> p.station < 0 ? "" : network.stations().get(p.station).id();
            case "first_site" -> p.firstSite < 0 ? "" : sites.get(p.firstSite).id();
            case "transfer_site" -> p.transferSite < 0 ? "" : sites.get(p.transferSite).id();
            case "diverted" -> String.valueOf(p.diverted);
            case "care_level" -> p.careLevel == null ? "" : p.careLevel.name().toLowerCase(Locale.ROOT);
            case "specialist_on_site" -> String.valueOf(p.firstSite >= 0 && p.specialistOnSiteAtArrival);
            case "p_death" -> Double.isNaN(p.probabilityOfDeath) ? ""
                    : String.format(Locale.ROOT, "%.6f", p.probabilityOfDeath);
            default -> throw new IllegalStateException("no value for patients column " + name);
        };
    }

    private static String minutes(double t) {
        return Double.isNaN(t) ? "" : String.format(Locale.ROOT, "%.3f", t);
    }
}
