package org.acuteflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.acuteflow.config.Experiment;
import org.acuteflow.config.Problems;
import org.acuteflow.config.ScenarioSpec;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.experiment.ModelFactory;
import org.acuteflow.experiment.ScenarioModel;
import org.acuteflow.network.Network;
import org.acuteflow.network.NetworkEditor;
import org.acuteflow.network.NetworkLoader;
import org.acuteflow.outcome.OutcomeModel;
import org.acuteflow.outcome.OutcomeParameters;
import org.acuteflow.sim.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Prepares the patient-flow model for each scenario: loads the network with the scenario's configuration,
 * binds and validates the {@code demand}, {@code ems}, {@code hospital} and {@code outcome} parameters, and
 * precomputes per-zone site and station orders. Stateless and thread-safe.
 */
public final class FlowModelFactory implements ModelFactory {
    /** Per site, whether the network's own files (before any configuration) give it a type-1 A&E. */
    private static boolean[] builtAe(Experiment experiment, Network network) {
        org.acuteflow.network.BaseNetwork base = NetworkLoader.loadBase(experiment.networkDir());
        boolean[] ae = new boolean[network.sites().size()];
        for (org.acuteflow.network.BaseNetwork.SiteDef s : base.sites()) {
            if (s.index() < ae.length) {
                ae[s.index()] = s.services().contains(org.acuteflow.network.Service.TYPE1_AE);
            }
        }
        return ae;
    }

    /** Most vehicles one scenario may have in all (after {@code ems.fleet_scale}). */
    static final long MAX_FLEET = 1_000_000;
    /** Most patients one replication may expect: counters are whole numbers of this size. */
    static final double MAX_PATIENTS = 2e9;

    /**
     * A scenario must be able to serve what it is asked to: ambulance calls need at least one ambulance (without
     * one they would wait for ever, and a comparison would count them as neither dead nor alive), and a
     * replication must stay within the sizes the model counts.
     */
    static void canServe(Experiment experiment, ScenarioSpec scenario, Network network, FlowParameters params) {
        Problems problems = scenario.sources().problems();
        double fleetScale = params.ems().fleetScale();
        long stationVehicles = network.stations().stream().mapToLong(s -> s.vehicles()).sum();
        long vehicles = java.util.Arrays.stream(org.acuteflow.ems.Fleet.scaledVehicles(network, fleetScale))
                .asLongStream().sum();
        double calls = 0;
        double patients = 0;
        for (DemandClass c : Pathways.CLASSES) {
            double perYear = params.demand().generatedPerYear(c);
            patients += perYear;
            calls += perYear * (1 - params.demand().of(c).selfPresentShare());
        }
        String fleet = "parameters.ems.fleet_scale";
        if (calls > 0 && vehicles == 0) {
            String why = network.stations().isEmpty() ? "the network has no ambulance stations"
                    : stationVehicles == 0 ? "configuration '" + network.configuration() + "' leaves "
                    + network.stations().size() + " stations with 0 vehicles"
                    : "ems.fleet_scale " + (fleetScale == Math.rint(fleetScale) ? String.valueOf((long) fleetScale) : String.valueOf(fleetScale)) + " leaves none of the " + stationVehicles + " vehicles";
            String path = stationVehicles > 0 ? fleet : configurationPath(scenario);
            problems.add(path, "scenario '" + scenario.name() + "' has no ambulance: " + why + ", so its "
                    + String.format(Locale.ROOT, "%.0f", calls) + " ambulance calls a year could never be answered; "
                    + "give its stations vehicles (stations file, or the configuration's fleet), or set the demand "
                    + "to 0");
        }
        if (vehicles > MAX_FLEET) {
            problems.add(fleet, "scenario '" + scenario.name() + "' would have " + vehicles + " vehicles; at most "
                    + MAX_FLEET + " are allowed");
        }
        double expected = patients * (experiment.run().days() + experiment.run().warmupDays()) / 365.0;
        if (expected > MAX_PATIENTS) {
            problems.add("parameters.demand.scale", String.format(Locale.ROOT, "scenario '%s' would simulate about "
                    + "%.3g patients per replication; at most %.0f are allowed: lower the demand or the run's days",
                    scenario.name(), expected, MAX_PATIENTS));
        }
        problems.throwIfAny();
    }

    private static String configurationPath(ScenarioSpec scenario) {
        String own = "scenarios[" + scenario.index() + "].configuration";
        return scenario.sources().locate(own).line() > 0 ? own : "sweep.configuration";
    }

    @Override
    public ScenarioModel prepare(Experiment experiment, ScenarioSpec scenario) {
        Network configured = NetworkLoader.load(experiment.networkDir(), scenario.configuration(), scenario.overlay(),
                scenario.path(), scenario.sources());
        Problems edits = scenario.sources().problems();
        checkPathwayRules(configured.protocol(), edits);
        Network network = NetworkEditor.apply(configured, scenario.edits(), edits, "scenarios[" + scenario.index() + "]");
        edits.throwIfAny();
        FlowParameters params = FlowParameters.from(scenario.parameters(), scenario.sources());
        canServe(experiment, scenario, network, params);
        OutcomeParameters outcomeParameters =
                OutcomeParameters.from(scenario.parameters().get("outcome"), scenario.sources());
        OutcomeModel outcome = new OutcomeModel(outcomeParameters);
        List<OutcomeVariant> variants = new ArrayList<>();
        if (experiment.wants("sensitivity")) {
            for (OutcomeParameters.SensitivityRange range : outcomeParameters.sensitivity()) {
                for (OutcomeParameters.Level level : OutcomeParameters.Level.values()) {
                    OutcomeModel variant = new OutcomeModel(outcomeParameters.sensitivityCase(range.path(), level));
                    variants.add(new OutcomeVariant(range.path() + "." + OutcomeParameters.levelName(level),
                            variant::probabilityOfDeath));
                }
            }
        }
        try {
            return new FlowModel(network, params, Outcomes.of(outcome, variants,
                    psaDraws(experiment, outcomeParameters), name -> new RandomStreams(experiment.run().seed(), 0)
                            .stream(name)), builtAe(experiment, network));
        } catch (IllegalArgumentException e) {
            Problems problems = scenario.sources().problems();
            problems.add("parameters.demand", e.getMessage());
            problems.throwIfAny();
            throw e;
        }
    }

    /**
     * The routing block's entries for pathways other than stroke and trauma, checked here where the pathways are
     * known (the network layer keeps them as written): each key must be a registered pathway with destination
     * rules ({@code Pathway.routingRules}) and each rule one of them. Every problem joins {@code problems}, at the
     * file and line the entry was written.
     */
    static void checkPathwayRules(org.acuteflow.network.RoutingProtocol protocol, Problems problems) {
        java.util.Map<String, java.util.Set<String>> rulesByKey = new java.util.TreeMap<>();
        for (org.acuteflow.pathway.Pathway p : Pathways.ALL) {
            if (!p.routingRules().isEmpty()) {
                rulesByKey.put(p.key(), p.routingRules());
            }
        }
        List<String> keys = new ArrayList<>(List.of("stroke", "trauma", "mtc_threshold_minutes"));
        keys.addAll(rulesByKey.keySet());
        for (var e : protocol.pathwayRules().entrySet()) {
            String key = e.getKey();
            org.acuteflow.network.RoutingProtocol.PathwayRule r = e.getValue();
            java.util.Set<String> rules = rulesByKey.get(key);
            String message;
            if (rules == null) {
                message = "unknown key '" + key + "'" + org.acuteflow.config.Suggest.didYouMean(key, keys)
                        + "; expected one of " + keys + " (a pathway's key names its destination rule)";
            } else if (!rules.contains(r.rule())) {
                List<String> known = new java.util.TreeSet<>(rules).stream().toList();
                message = "unknown " + key + " routing '" + r.rule() + "'"
                        + org.acuteflow.config.Suggest.didYouMean(r.rule(), known) + "; use one of " + known;
            } else {
                continue;
            }
            problems.add(new org.acuteflow.config.InputProblem(r.file(), r.line(), 0, r.field(), message));
        }
    }

    /** Named stream of the PSA coefficient sets: one set of draws per experiment seed, shared by every scenario. */
    public static final String PSA_STREAM = "outcome.psa";

    /**
     * The PSA coefficient sets when the experiment asks for output {@code psa}: {@code run.psa_draws} sets from
     * the stream {@value #PSA_STREAM} of the experiment's seed (substream 0). Every scenario draws the same
     * uniforms, so draw k of two scenarios is the same coefficient set (where both use the same distributions) and
     * their differences are paired by draw as well as by replication.
     */
    static List<OutcomeModel> psaDraws(Experiment experiment, OutcomeParameters parameters) {
        if (!experiment.wants("psa")) {
            return List.of();
        }
        RandomStream stream = new RandomStreams(experiment.run().seed(), 0).stream(PSA_STREAM);
        List<OutcomeModel> models = new ArrayList<>();
        for (OutcomeParameters draw : parameters.draws(experiment.run().psaDraws(), stream)) {
            models.add(new OutcomeModel(draw));
        }
        return models;
    }
}
