package org.acuteflow.model;

import java.util.function.ToDoubleFunction;
import org.acuteflow.config.RunControl;
import org.acuteflow.demand.AliasTable;
import org.acuteflow.demand.ClassDemand;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.ThinnedArrivals;
import org.acuteflow.demand.WeeklyProfile;
import org.acuteflow.demand.ZoneWeight;
import org.acuteflow.ems.DispatchOrders;
import org.acuteflow.ems.Fleet;
import org.acuteflow.ems.ResponseCars;
import org.acuteflow.hospital.EdCapacity;
import org.acuteflow.hospital.HospitalParameters;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.network.Network;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.Routing;
import org.acuteflow.pathway.ScenarioInputs;
import org.acuteflow.sim.ReplicationContext;
import org.acuteflow.sim.WeekTime;

/**
 * The patient-flow model of one scenario: demand, ambulance fleet, routing protocol, hospitals and outcomes.
 * Everything computed here (arrival processes, zone alias tables, per-zone site and station orders) is immutable
 * and shared by the threads running replications; {@link #simulate} builds all mutable state afresh, so a
 * replication is a pure function of (scenario, seed, replication index).
 */
public final class FlowModel implements ScenarioModel {
    private final Network network;
    private final FlowParameters parameters;
    private final Outcomes outcomes;
    private final int[] vehiclesPerStation;
    private final int[] carsPerStation;
    private final int[][] carStationOrder;
    private final Routing routing;
    private final DispatchOrders dispatchOrders;
    /** Per registered pathway ({@link Pathways#ALL} order), the pathway on this scenario. */
    private final Pathway.Scenario[] pathways;
    private final ThinnedArrivals[] arrivals;
    private final AliasTable[] zoneTables;
    private final int[] edCubicles;
    private final int[] emergencyBeds;

    /**
     * @param probabilityOfDeath the outcome model (thread-safe): probability of death of a patient's journey
     * @throws IllegalArgumentException when a class with demand has no zone with a positive weight, or the
     *                                  network has no open site
     */
    public FlowModel(Network network, FlowParameters parameters, ToDoubleFunction<OutcomeInput> probabilityOfDeath) {
        this(network, parameters, probabilityOfDeath, java.util.List.of());
    }

    /** With the full outcome model (mRS, utility) and no variants. */
    public FlowModel(Network network, FlowParameters parameters, org.acuteflow.outcome.OutcomeModel outcome) {
        this(network, parameters, Outcomes.of(outcome, java.util.List.of(), java.util.List.of()));
    }

    /**
     * @param sensitivity alternative outcome models evaluated on the same journeys; each adds the metrics
     *                    {@code sensitivity.<label>.deaths_total} and {@code sensitivity.<label>.stroke_deaths_90d}
     */
    public FlowModel(Network network, FlowParameters parameters, ToDoubleFunction<OutcomeInput> probabilityOfDeath,
                     java.util.List<OutcomeVariant> sensitivity) {
        this(network, parameters, Outcomes.deathsOnly(probabilityOfDeath, sensitivity));
    }

    /**
     * @param outcomes the outcome models evaluated on every journey
     * @throws IllegalArgumentException when a class with demand has no zone with a positive weight, or the
     *                                  network has no open site
     */
    public FlowModel(Network network, FlowParameters parameters, Outcomes outcomes) {
        this(network, parameters, outcomes, null);
    }

    /**
     * @param builtAe per site, whether it has a type-1 A&E in the network as built (its files before any
     *                configuration), to size emergency departments ({@link EdCapacity}); null: the scenario's own
     */
    public FlowModel(Network network, FlowParameters parameters, Outcomes outcomes, boolean[] builtAe) {
        this.outcomes = outcomes;
        this.network = network;
        this.parameters = parameters;
        this.vehiclesPerStation = Fleet.scaledVehicles(network, parameters.ems().fleetScale());
        this.routing = new Routing(network, vehiclesPerStation);
        this.dispatchOrders = new DispatchOrders(vehiclesPerStation, routing.stationOrder(), network.travel(),
                network.zones().size(), network.sites().size());
        this.carsPerStation = ResponseCars.perStation(network.stations().size(),
                parameters.ems().responseCarsPerStation());
        this.carStationOrder = ResponseCars.stationOrder(network.travel(), carsPerStation, network.zones().size());
        ScenarioInputs inputs = new ScenarioInputs(network, routing, parameters.demand(), parameters.hospital(),
                parameters.pathways());
        this.pathways = new Pathway.Scenario[Pathways.ALL.size()];
        for (int i = 0; i < pathways.length; i++) {
            pathways[i] = Pathways.ALL.get(i).prepare(inputs);
            if (!outcomes.psaDraws().isEmpty() && outcomes.psaStreams() != null) {
                // A stream per pathway: its sets leave the central model's (and other pathways') as they were.
                pathways[i] = pathways[i].withPsaDraws(outcomes.psaDraws().size(), outcomes.psaStreams()
                        .apply(FlowModelFactory.PSA_STREAM + "." + Pathways.ALL.get(i).key()));
            }
            if (!outcomes.sensitivity().isEmpty()) {
                pathways[i] = pathways[i].withSensitivity();
            }
        }
        int n = Pathways.CLASSES.size();
        arrivals = new ThinnedArrivals[n];
        zoneTables = new AliasTable[n];
        for (int k = 0; k < n; k++) {
            DemandClass c = Pathways.CLASSES.get(k);
            double perYear = parameters.demand().generatedPerYear(c);
            WeeklyProfile profile = parameters.demand().profileOf(c);
            ZoneWeight weight = parameters.demand().of(c).zoneWeight();
            double[] w = new double[network.zones().size()];
            double total = 0;
            for (Zone z : network.zones()) {
                w[z.index()] = Math.max(0, weight.of(z));
                total += w[z.index()];
            }
            if (!(total > 0)) {
                if (perYear > 0) {
                    throw new IllegalArgumentException("demand class " + c.key() + " has " + perYear
                            + " cases a year but no zone has a positive " + weight.key());
                }
                java.util.Arrays.fill(w, 1);
                perYear = 0;
            }
            arrivals[k] = new ThinnedArrivals(profile, perYear);
            zoneTables[k] = new AliasTable(w);
        }
        edCubicles = edCubicles(network, parameters, builtAe);
        emergencyBeds = emergencyBeds(network, parameters, builtAe);
    }

    /**
     * Each emergency department's cubicles, sized for its catchment as built: every zone's expected emergency
     * department arrivals (the ambulance-conveyed and self-presenting patients of every class but stroke, whose
     * recognised cases go straight to a stroke bed [assumption]) to its nearest A&E as built.
     */
    private static int[] edCubicles(Network network, FlowParameters parameters, boolean[] builtAe) {
        double[] perMinute = zoneArrivalsPerMinute(network, parameters,
                c -> !c.equals(DemandClass.STROKE));
        HospitalParameters h = parameters.hospital();
        return EdCapacity.cubicles(network.travel(), builtAe(network, builtAe), perMinute, h.edStayMinutes().mean(),
                h.edCrowding());
    }

    /**
     * Each site's emergency beds, sized for its catchment as built: every zone's expected emergency admissions (the
     * medical and surgical emergencies, conveyed or self-presenting) to its nearest A&E as built.
     */
    private static int[] emergencyBeds(Network network, FlowParameters parameters, boolean[] builtAe) {
        double[] perMinute = zoneArrivalsPerMinute(network, parameters,
                c -> c.equals(DemandClass.MEDICAL_EMERGENCY) || c.equals(DemandClass.SURGICAL_EMERGENCY));
        return EdCapacity.emergencyBeds(network.travel(), builtAe(network, builtAe), perMinute,
                parameters.hospital().emergencyBedsOrOff());
    }

    private static boolean[] builtAe(Network network, boolean[] builtAe) {
        if (builtAe != null) {
            return builtAe;
        }
        boolean[] ae = new boolean[network.sites().size()];
        for (Site s : network.sites()) {
            ae[s.index()] = s.offers(Service.TYPE1_AE);
        }
        return ae;
    }

    /** Per zone, the expected arrivals a minute at an emergency department of the classes {@code which} takes. */
    private static double[] zoneArrivalsPerMinute(Network network, FlowParameters parameters,
                                                  java.util.function.Predicate<DemandClass> which) {
        double[] perMinute = new double[network.zones().size()];
        for (DemandClass c : Pathways.CLASSES) {
            if (!which.test(c)) {
                continue;
            }
            ClassDemand d = parameters.demand().of(c);
            double perYear = parameters.demand().generatedPerYear(c)
                    * (d.selfPresentShare() + (1 - d.selfPresentShare()) * d.conveyedShare());
            double total = 0;
            for (Zone z : network.zones()) {
                total += Math.max(0, d.zoneWeight().of(z));
            }
            if (!(total > 0) || !(perYear > 0)) {
                continue;
            }
            for (Zone z : network.zones()) {
                perMinute[z.index()] += perYear / WeekTime.MINUTES_PER_YEAR * Math.max(0, d.zoneWeight().of(z)) / total;
            }
        }
        return perMinute;
    }

    /** Per site, the beds of its emergency bed pool (immutable; do not modify). */
    int[] emergencyBeds() {
        return emergencyBeds;
    }

    /** Per site, the cubicles of its emergency department (immutable; do not modify). */
    int[] edCubicles() {
        return edCubicles;
    }

    @Override
    public ReplicationResult simulate(ReplicationContext context, RunControl run, PatientSink patients) {
        return new Replication(this, context, run, patients).run();
    }

    @Override
    public Network network() {
        return network;
    }

    public FlowParameters parameters() {
        return parameters;
    }

    Routing routing() {
        return routing;
    }

    /** The registered pathways on this scenario (immutable, shared by replications), in registry order. */
    Pathway.Scenario[] pathways() {
        return pathways;
    }

    int[] vehiclesPerStation() {
        return vehiclesPerStation;
    }

    /** The nearest-first orders each replication's fleet searches (shared by replications). */
    DispatchOrders dispatchOrders() {
        return dispatchOrders;
    }

    /** Rapid-response cars per station ({@code ems.response_cars_per_station} at every station). */
    int[] carsPerStation() {
        return carsPerStation;
    }

    /** Per zone, the stations with a car from nearest to farthest; empty rows when there are no cars. */
    int[][] carStationOrder() {
        return carStationOrder;
    }

    /** The arrival process of the demand class of index {@code k} ({@link Pathways#CLASSES}). */
    ThinnedArrivals arrivals(int k) {
        return arrivals[k];
    }

    AliasTable[] zoneTables() {
        return zoneTables;
    }

    Outcomes outcomes() {
        return outcomes;
    }
}
