package org.acuteflow.ems;

import java.util.ArrayList;
import java.util.List;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The ambulance operations of one replication: the fleet, the call queue and one SSJ event per vehicle for its
 * own moves (handover done, back at station). The patient side talks to it through three calls ({@link #call},
 * {@link #handover}, {@link #clearAtScene}) and hears back through {@link Crew}: a vehicle sent to a call, and
 * the count of busy vehicles changing. A call is an incident at a scene or an inter-hospital transfer
 * ({@link Call#pickupSite()}): both wait for a vehicle in the same queue. A vehicle clear at a hospital or scene
 * takes the next queued call, else drives back to its station, and the dispatch rule may send it again on the
 * way. Vehicles are numbered 0..size-1 as in {@link Fleet}. With {@link ResponseCars}, a Category A call at a
 * scene also gets a car when one would arrive before the ambulance ({@link Crew#carSent}); the patient side
 * releases it ({@link #releaseCar}) once the ambulance is there.
 *
 * <p>Mutable; confined to one replication.
 *
 * @param <C> a call (a patient's journey)
 */
public final class AmbulanceService<C extends AmbulanceService.Call> {

    /** What the service needs to know of a call. */
    public interface Call {
        /** The zone of the incident. */
        int zone();

        /** Category A calls are answered first when calls queue. */
        boolean categoryA();

        /** The hospital site a transfer leaves from, or -1 for an incident at a scene in {@link #zone()}. */
        default int pickupSite() {
            return -1;
        }

        /** False for a planned transfer: the vehicle drives to the pickup site at normal road speed. */
        default boolean blueLight() {
            return true;
        }
    }

    /** The patient side of the service. */
    public interface Crew<C> {
        /**
         * Vehicle {@code vehicle} of home station {@code station} is sent to {@code call} at {@code now};
         * {@code travelMinutes} is its drive to the scene or the transfer's site, blue light unless the call says
         * otherwise ({@link Call#blueLight}; mobilisation not included).
         */
        void dispatched(C call, int vehicle, int station, double travelMinutes, double now);

        /** The number of busy vehicles is now {@code busy}. */
        void busyChanged(int busy, double now);

        /**
         * Response car {@code car} is sent to Category A {@code call} at {@code now}, ahead of its ambulance;
         * {@code travelMinutes} is its blue-light drive to the scene (mobilisation not included).
         */
        default void carSent(C call, int car, double travelMinutes, double now) {
        }
    }

    private final Simulator simulator;
    private final TravelTimes travel;
    private final double responseTravelFactor;
    private final Fleet fleet;
    private final Dispatch dispatch;
    private final Crew<C> crew;
    /** Rapid-response cars, or null when the service has none. */
    private final ResponseCars cars;
    private final CallQueue<C> queue = new CallQueue<>();
    private final List<Vehicle> vehicles;
    private long events;

    /**
     * @param responseTravelFactor multiplies the base travel time of the response leg (the calibrated factor)
     * @param fleet                vehicles at their stations
     * @param dispatch             which free vehicle answers a call
     */
    public AmbulanceService(Simulator simulator, TravelTimes travel, double responseTravelFactor, Fleet fleet,
            Dispatch dispatch, Crew<C> crew) {
        this(simulator, travel, responseTravelFactor, fleet, dispatch, null, crew);
    }

    /**
     * @param cars rapid-response cars sent to Category A calls at a scene when nearer than the ambulance, or null
     *             for none
     */
    public AmbulanceService(Simulator simulator, TravelTimes travel, double responseTravelFactor, Fleet fleet,
            Dispatch dispatch, ResponseCars cars, Crew<C> crew) {
        this.cars = cars != null && cars.size() > 0 ? cars : null;
        this.simulator = simulator;
        this.travel = travel;
        this.responseTravelFactor = responseTravelFactor;
        this.fleet = fleet;
        this.dispatch = dispatch;
        this.crew = crew;
        this.vehicles = new ArrayList<>(fleet.size());
        for (int v = 0; v < fleet.size(); v++) {
            vehicles.add(new Vehicle(v));
        }
    }

    /** Vehicles in the fleet. */
    public int size() {
        return fleet.size();
    }

    /** Vehicle events run so far, response cars' included. */
    public long events() {
        return events + (cars == null ? 0 : cars.events());
    }

    /** Response cars (0 when the service has none). */
    public int cars() {
        return cars == null ? 0 : cars.size();
    }

    /**
     * A call (an incident, or a transfer asking for a vehicle) arrives at {@code now}: the vehicle the dispatch
     * rule chooses responds, or the call waits in the queue.
     */
    public void call(C c, double now) {
        int site = c.pickupSite();
        int v = site >= 0 ? dispatch.chooseForSite(fleet, site, now) : dispatch.choose(fleet, c.zone(), now);
        if (v < 0) {
            queue.add(c, c.categoryA());
            sendCar(c, Double.POSITIVE_INFINITY, now);
            return;
        }
        int from = fleet.lastFromSite();
        if (fleet.lastWasReturning()) {
            vehicles.get(v).cancel();
        }
        crew.busyChanged(fleet.busy(), now);
        if (cars != null && site < 0) {
            sendCar(c, sceneBaseMinutes(v, from, c.zone()), now);
        }
        respond(c, v, from, now);
    }

    /**
     * A Category A call at a scene also gets the nearest free response car when it would arrive before the
     * ambulance, whose response leg is {@code ambulanceBaseMinutes} base minutes (infinite: none is free yet).
     */
    private void sendCar(C c, double ambulanceBaseMinutes, double now) {
        if (cars == null || !c.categoryA() || c.pickupSite() >= 0) {
            return;
        }
        int car = cars.send(c.zone(), ambulanceBaseMinutes, responseTravelFactor, now);
        if (car >= 0) {
            crew.carSent(c, car, cars.lastTravelMinutes(), now);
        }
    }

    /**
     * Response car {@code car} at the scene in {@code zone} hands over to the ambulance crew and is clear after
     * {@code minutes}, then drives back to its station.
     */
    public void releaseCar(int car, int zone, double minutes) {
        cars.clearAfter(car, zone, minutes);
    }

    /** Vehicle {@code v} arrived at site {@code site}; it is clear after {@code minutes} of handover. */
    public void handover(int v, int site, double minutes) {
        vehicles.get(v).handover(site, minutes);
    }

    /** Vehicle {@code v} is clear at the scene in {@code zone} (the patient was not conveyed). */
    public void clearAtScene(int v, int zone, double now) {
        vehicleClear(v, -1, zone, now);
    }

    /**
     * Sends vehicle {@code v} to the call, from site {@code fromSite} or (when -1) its home station. The response
     * travel factor applies to scenes only: it stands for first responders and standby points, which do not
     * carry transfers.
     */
    private void respond(C c, int v, int fromSite, double now) {
        int station = fleet.homeStation(v);
        int hour = WeekTime.hourOfWeek(now);
        double blueLight = travel.factor(hour, TravelTimes.Mode.BLUE_LIGHT);
        int site = c.pickupSite();
        if (site >= 0) {
            double base = fromSite >= 0 ? travel.siteToSite(fromSite, site) : travel.siteToStation(site, station);
            double factor = c.blueLight() ? blueLight : travel.factor(hour, TravelTimes.Mode.NORMAL);
            crew.dispatched(c, v, station, base * factor, now);
            return;
        }
        crew.dispatched(c, v, station, sceneBaseMinutes(v, fromSite, c.zone()) * responseTravelFactor * blueLight,
                now);
    }

    /** Base minutes of vehicle {@code v}'s drive to a scene in {@code zone} from site {@code fromSite} or (-1) its station. */
    private double sceneBaseMinutes(int v, int fromSite, int zone) {
        return fleet.baseMinutesToZone(v, fromSite, zone);
    }

    /**
     * Vehicle {@code v} is clear, at site {@code fromSite} or (when -1) at the scene in {@code zone}: it takes
     * the next queued call or heads back to its station. Zone-to-zone times are not part of the network, so a
     * vehicle clearing at a scene answers a queued call with its home station's travel time.
     */
    private void vehicleClear(int v, int fromSite, int zone, double now) {
        C next = queue.poll();
        if (next != null) {
            respond(next, v, fromSite, now);
            return;
        }
        int home = fleet.homeStation(v);
        double base = fromSite >= 0 ? travel.siteToStation(fromSite, home) : travel.stationToZone(home, zone);
        double minutes = base * travel.factor(WeekTime.hourOfWeek(now), TravelTimes.Mode.NORMAL);
        fleet.returning(v, fromSite, now, now + minutes);
        vehicles.get(v).stage = VehicleStage.BACK_AT_STATION;
        vehicles.get(v).schedule(minutes);
    }

    private enum VehicleStage { HANDOVER_DONE, BACK_AT_STATION }

    private final class Vehicle extends Event {
        private final int id;
        private VehicleStage stage;
        private int site;

        Vehicle(int id) {
            super(simulator);
            this.id = id;
        }

        void handover(int atSite, double minutes) {
            site = atSite;
            stage = VehicleStage.HANDOVER_DONE;
            schedule(minutes);
        }

        @Override
        public void actions() {
            events++;
            double now = simulator.time();
            if (stage == VehicleStage.HANDOVER_DONE) {
                vehicleClear(id, site, -1, now);
            } else {
                C next = queue.poll();
                if (next != null) {
                    fleet.stopReturning(id);
                    respond(next, id, -1, now);
                } else {
                    fleet.release(id);
                    crew.busyChanged(fleet.busy(), now);
                }
            }
        }
    }
}
