package org.acuteflow.ems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * Rapid-response cars of one replication: single-crewed vehicles at the ambulance stations that answer Category A
 * calls at a scene alongside the ambulance, and only when they would get there first. A car does not convey: the
 * ambulance still comes and the patient's care waits for it; the car's arrival is the call's first response (the
 * 8-minute standard counts any responding vehicle). The car stays until the ambulance has arrived and taken the
 * patient over, then drives back to its station, where it is free again (a car on its way home is not sent).
 * Cars are numbered 0..size-1 and kept in their own {@link Fleet}.
 *
 * <p>Mutable; confined to one replication.
 */
public final class ResponseCars {

    /** Hears the number of busy cars change. */
    public interface Listener {
        void carsBusyChanged(int busy, double now);
    }

    private final Simulator simulator;
    private final TravelTimes travel;
    private final Fleet fleet;
    private final Listener listener;
    private final List<Car> cars;
    private double lastTravelMinutes = Double.NaN;
    private long events;

    /**
     * @param carsPerStation     cars at each ambulance station
     * @param stationOrderByZone per zone, the stations with a car from nearest to farthest ({@link #stationOrder})
     * @param sites              number of hospital sites (for the {@link Fleet})
     */
    public ResponseCars(Simulator simulator, TravelTimes travel, int[] carsPerStation, int[][] stationOrderByZone,
                        int sites, Listener listener) {
        this.simulator = simulator;
        this.travel = travel;
        this.fleet = new Fleet(carsPerStation, stationOrderByZone, travel, sites);
        this.listener = listener;
        this.cars = new ArrayList<>(fleet.size());
        for (int c = 0; c < fleet.size(); c++) {
            cars.add(new Car(c));
        }
    }

    /** Cars at every station: {@code perStation} each. */
    public static int[] perStation(int stations, int perStation) {
        int[] cars = new int[stations];
        java.util.Arrays.fill(cars, perStation);
        return cars;
    }

    /** Per zone, the stations with a car from nearest to farthest by base travel time (ties to the lower index). */
    public static int[][] stationOrder(TravelTimes travel, int[] carsPerStation, int zones) {
        int[][] order = new int[zones][];
        for (int z = 0; z < zones; z++) {
            final int zone = z;
            order[z] = IntStream.range(0, carsPerStation.length).filter(s -> carsPerStation[s] > 0).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(s -> travel.stationToZone(s, zone))
                            .thenComparingInt(s -> s))
                    .mapToInt(Integer::intValue).toArray();
        }
        return order;
    }

    public int size() {
        return fleet.size();
    }

    /** Cars away from their station. */
    public int busy() {
        return fleet.busy();
    }

    /** Car events run so far. */
    long events() {
        return events;
    }

    /**
     * Sends the car of the nearest station with a free one to a Category A call in {@code zone} at {@code now}
     * when its base travel minutes are strictly fewer than {@code ambulanceBaseMinutes}, the ambulance's
     * (positive infinity when no ambulance is free); cars and ambulances drive at the same speed and mobilise
     * alike, so the car then arrives first. Returns the car, or -1 when none is sent; its blue-light minutes to
     * the scene (before {@code responseTravelFactor}): {@link #lastTravelMinutes()}.
     */
    int send(int zone, double ambulanceBaseMinutes, double responseTravelFactor, double now) {
        int car = fleet.dispatchToZone(zone, now, false);
        if (car < 0) {
            return -1;
        }
        double base = travel.stationToZone(fleet.homeStation(car), zone);
        if (!(base < ambulanceBaseMinutes)) {
            // Not nearer than the ambulance: the car stays at its station (taking and returning it leaves the
            // station's cars as they were).
            fleet.release(car);
            return -1;
        }
        lastTravelMinutes = base * responseTravelFactor
                * travel.factor(WeekTime.hourOfWeek(now), TravelTimes.Mode.BLUE_LIGHT);
        listener.carsBusyChanged(fleet.busy(), now);
        return car;
    }

    /** The response-leg minutes of the car {@link #send} last sent. */
    double lastTravelMinutes() {
        return lastTravelMinutes;
    }

    /** Car {@code car} clears the scene in {@code zone} after {@code minutes} and drives back to its station. */
    void clearAfter(int car, int zone, double minutes) {
        Car c = cars.get(car);
        c.zone = zone;
        c.atScene = true;
        c.schedule(minutes);
    }

    private final class Car extends Event {
        private final int id;
        private int zone;
        private boolean atScene;

        Car(int id) {
            super(simulator);
            this.id = id;
        }

        @Override
        public void actions() {
            events++;
            double now = simulator.time();
            if (atScene) {
                atScene = false;
                double minutes = travel.stationToZone(fleet.homeStation(id), zone)
                        * travel.factor(WeekTime.hourOfWeek(now), TravelTimes.Mode.NORMAL);
                schedule(minutes);
            } else {
                fleet.release(id);
                listener.carsBusyChanged(fleet.busy(), now);
            }
        }
    }
}
