package org.acuteflow.pathway.stemi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.ClassDemand;
import org.acuteflow.demand.Condition;
import org.acuteflow.demand.DemandClass;
import org.acuteflow.demand.Patient;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.pathway.DestinationPolicy;
import org.acuteflow.pathway.DestinationRules;
import org.acuteflow.pathway.Hospitals;
import org.acuteflow.pathway.Journey;
import org.acuteflow.pathway.Pathway;
import org.acuteflow.pathway.Routing;
import org.acuteflow.pathway.ScenarioInputs;
import org.acuteflow.sim.WeekTime;
import umontreal.ssj.rng.RandomStream;

/**
 * Heart attack (ST-elevation myocardial infarction) to primary PCI. The ambulance takes the patient by the rule
 * the configuration names ({@code routing: {stemi: ...}}): straight to the nearest heart attack centre, or to the nearest A&E;
 * self-presenters reach the nearest A&E. A first hospital without primary PCI transfers the patient, after its
 * door-in-door-out time, to the heart attack centre nearest to it. At the centre the balloon follows after the
 * door-to-balloon time, plus the cover profile's on-call delay when the catheter-laboratory team is not on site
 * at that hour of the week. The outcome is 30-day death by age band and call-to-balloon time
 * ({@link StemiOutcome}), the pathway's own sub-model: its deaths are counted in its own metrics
 * ({@code stemi_*}), not in the central model's tallies. Off (no patients, no metrics) unless
 * {@code demand.classes.stemi.per_year > 0}.
 */
public final class StemiPathway implements Pathway {
    public static final String KEY = Metrics.STEMI;
    /** The pathway's condition (an open key: no edit of {@code demand/Condition}). */
    public static final Condition STEMI = new Condition(KEY);
    /**
     * Heart attack calls: the pathway sets the condition; the class draws from streams of its own, so adding it
     * leaves every other patient as it was.
     */
    public static final DemandClass DEMAND_CLASS = new DemandClass(KEY, null, false);

    /** Destination rules by key, as a configuration names them ({@code routing.stemi}). */
    static final Map<String, BiFunction<Routing, RoutingProtocol, DestinationPolicy>> RULES = Map.of(
            "nearest_pci", (r, p) -> new DestinationRules.NearestWithService("nearest_pci", r::pciSites,
                    r::nearestPciSite, false),
            "nearest_ae", (r, p) -> new DestinationRules.NearestWithService("nearest_ae", r::aeSites,
                    r::nearestAeSite, false));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<DemandClass> demandClasses() {
        return List.of(DEMAND_CLASS);
    }

    @Override
    public java.util.Set<String> routingRules() {
        return RULES.keySet();
    }

    @Override
    public Object bindParameters(JsonNode section, SourceMap sources, Problems problems) {
        return StemiParameters.bind(section, sources, problems);
    }

    @Override
    public Scenario prepare(ScenarioInputs in) {
        boolean active = in.demand().generatedPerYear(DEMAND_CLASS) > 0;
        if (!active) {
            return (hospitals, streams) -> new Pathway.Run() {
                @Override
                public void create(Patient p, DemandClass c, double onsetMinutes) {
                    throw new IllegalStateException("the heart attack pathway has no demand");
                }

                @Override
                public int destination(Patient p, double now) {
                    throw new IllegalStateException("the heart attack pathway has no demand");
                }

                @Override
                public void door(Journey j, double now) {
                    throw new IllegalStateException("the heart attack pathway has no demand");
                }
            };
        }
        if (in.network().sites().stream().noneMatch(s -> s.open() && s.offers(Service.PCI))) {
            throw new IllegalArgumentException("heart attacks (demand.classes.stemi.per_year > 0) need a site offering "
                    + "primary PCI (service pci) in configuration '" + in.network().configuration() + "'");
        }
        String ruleKey = in.network().protocol().ruleOf(KEY);
        if (ruleKey == null) {
            throw new IllegalArgumentException("heart attacks (demand.classes.stemi.per_year > 0) need a destination "
                    + "rule: configuration '" + in.network().configuration() + "' names none (routing: {stemi: "
                    + String.join(" or ", new java.util.TreeSet<>(RULES.keySet())) + "})");
        }
        StemiParameters params = in.parametersOf(KEY, StemiParameters.class);
        DestinationPolicy rule = DestinationRules.create(RULES, ruleKey, in.routing(), in.network().protocol());
        return new Prepared(rule, in.routing(), in.demand().of(DEMAND_CLASS), params, List.of(), Map.of());
    }

    /** The pathway on one scenario, with the PSA coefficient sets of its outcome sub-model (none without PSA). */
    private record Prepared(DestinationPolicy rule, Routing routing, ClassDemand demand, StemiParameters params,
                            List<StemiOutcome> psaDraws, Map<String, StemiOutcome> sensitivity) implements Scenario {
        @Override
        public Pathway.Run start(Hospitals hospitals, Function<String, RandomStream> streams) {
            return new Run(rule, routing, demand, params, psaDraws, sensitivity, hospitals, streams);
        }

        @Override
        public Scenario withPsaDraws(int sets, RandomStream stream) {
            return new Prepared(rule, routing, demand, params, params.outcome().draws(sets, stream), sensitivity);
        }

        @Override
        public Scenario withSensitivity() {
            return new Prepared(rule, routing, demand, params, psaDraws, params.outcome().sensitivityCases());
        }
    }

    /** Call to balloon, and the other times of one patient, as the pathway's counts see them. */
    static final class Tally {
        int patients;
        double deaths;
        int within150;
        int direct;
        int transfers;
        int onCall;
        double[] callToBalloon = new double[64];
        double[] doorToBalloon = new double[64];
        // The outcome covariates of each patient, to re-evaluate the sub-model under PSA coefficient sets.
        AgeBand[] ageBand = new AgeBand[64];
        boolean[] cathLabOnCall = new boolean[64];

        void add(double ctb, double dtb, double death, boolean transferred, boolean onCall, AgeBand age) {
            if (patients == callToBalloon.length) {
                callToBalloon = Arrays.copyOf(callToBalloon, 2 * patients);
                doorToBalloon = Arrays.copyOf(doorToBalloon, 2 * patients);
                ageBand = Arrays.copyOf(ageBand, 2 * patients);
                cathLabOnCall = Arrays.copyOf(cathLabOnCall, 2 * patients);
            }
            callToBalloon[patients] = ctb;
            doorToBalloon[patients] = dtb;
            ageBand[patients] = age;
            this.cathLabOnCall[patients] = onCall;
            patients++;
            deaths += death;
            within150 += ctb <= 150 ? 1 : 0;
            direct += transferred ? 0 : 1;
            transfers += transferred ? 1 : 0;
            this.onCall += onCall ? 1 : 0;
        }

        /** Expected deaths of the counted patients under {@code model}, in the order they were counted. */
        double deathsUnder(StemiOutcome model) {
            double sum = 0;
            for (int i = 0; i < patients; i++) {
                sum += model.mortality30d(ageBand[i], callToBalloon[i], cathLabOnCall[i]);
            }
            return sum;
        }

        /** The median of the first {@code n} values (NaN for none): the mean of the middle two for even n. */
        static double median(double[] values, int n) {
            if (n == 0) {
                return Double.NaN;
            }
            double[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        void write(ReplicationResult out, double years) {
            double perYear = years > 0 ? 1 / years : Double.NaN;
            double n = patients;
            out.metric(Metrics.STEMI_PATIENTS_PER_YEAR, n * perYear);
            out.metric(Metrics.STEMI_DEATHS_30D, deaths * perYear);
            out.metric(Metrics.STEMI_MORTALITY_30D, patients == 0 ? Double.NaN : deaths / n);
            out.metric(Metrics.STEMI_CALL_TO_BALLOON_MINUTES_MEDIAN, median(callToBalloon, patients));
            out.metric(Metrics.STEMI_SHARE_CALL_TO_BALLOON_WITHIN_150MIN, patients == 0 ? Double.NaN : within150 / n);
            out.metric(Metrics.STEMI_DOOR_TO_BALLOON_MINUTES_MEDIAN, median(doorToBalloon, patients));
            out.metric(Metrics.STEMI_SHARE_DIRECT_TO_PCI, patients == 0 ? Double.NaN : direct / n);
            out.metric(Metrics.STEMI_TRANSFERS_PER_YEAR, transfers * perYear);
            out.metric(Metrics.STEMI_SHARE_CATH_LAB_ON_CALL, patients == 0 ? Double.NaN : onCall / n);
        }

        /** The outcome metrics under each PSA coefficient set: series psa.stemi_deaths_30d and its mortality. */
        void writePsa(ReplicationResult out, double years, List<StemiOutcome> sets) {
            if (sets.isEmpty()) {
                return;
            }
            double perYear = years > 0 ? 1 / years : Double.NaN;
            double[] deathsPerYear = new double[sets.size()];
            double[] mortality = new double[sets.size()];
            for (int k = 0; k < sets.size(); k++) {
                double d = deathsUnder(sets.get(k));
                deathsPerYear[k] = d * perYear;
                mortality[k] = patients == 0 ? Double.NaN : d / patients;
            }
            out.series(Metrics.SERIES_PSA.of(Metrics.STEMI_DEATHS_30D.name()), deathsPerYear);
            out.series(Metrics.SERIES_PSA.of(Metrics.STEMI_MORTALITY_30D.name()), mortality);
        }

        /** Deaths per year under each one-at-a-time sensitivity case (labels in their order). */
        void writeSensitivity(ReplicationResult out, double years, Map<String, StemiOutcome> cases) {
            double perYear = years > 0 ? 1 / years : Double.NaN;
            for (Map.Entry<String, StemiOutcome> e : cases.entrySet()) {
                out.metric(Metrics.SENSITIVITY_STEMI_DEATHS_30D.of(e.getKey()), deathsUnder(e.getValue()) * perYear);
            }
        }
    }

    private static final class Run implements Pathway.Run {
        private final DestinationPolicy rule;
        private final Routing routing;
        private final ClassDemand demand;
        private final StemiParameters params;
        private final StemiOutcome outcome;
        private final List<StemiOutcome> psaDraws;
        private final Map<String, StemiOutcome> sensitivity;
        private final Hospitals hospitals;
        private final DestinationPolicy.Situation situation;
        // Streams of the pathway's own: its patients leave every other patient's draws as they were.
        private final RandomStream age;
        private final RandomStream doorToBalloon;
        private final RandomStream transfer;
        private final Tally tally = new Tally();

        Run(DestinationPolicy rule, Routing routing, ClassDemand demand, StemiParameters params,
            List<StemiOutcome> psaDraws, Map<String, StemiOutcome> sensitivity, Hospitals hospitals,
            Function<String, RandomStream> streams) {
            this.psaDraws = psaDraws;
            this.sensitivity = sensitivity;
            this.rule = rule;
            this.routing = routing;
            this.demand = demand;
            this.params = params;
            this.outcome = params.outcome();
            this.hospitals = hospitals;
            this.situation = hospitals.situation();
            this.age = streams.apply(DEMAND_CLASS.streamName("demand.age"));
            this.doorToBalloon = streams.apply(DEMAND_CLASS.streamName("service.door_to_balloon"));
            this.transfer = streams.apply(DEMAND_CLASS.streamName("service.transfer"));
        }

        @Override
        public void create(Patient p, DemandClass c, double onsetMinutes) {
            p.condition = STEMI;
            p.ageBand = age.nextDouble() < demand.aged80PlusShare() ? AgeBand.AGED_80_PLUS : AgeBand.UNDER_80;
            p.callMinutes = onsetMinutes;
            StemiState s = new StemiState();
            s.doorToBalloonMinutes = params.hospital().doorToBalloonMinutes().sample(doorToBalloon);
            s.doorInDoorOutMinutes = params.hospital().transferDoorInDoorOutMinutes().sample(transfer);
            p.state = s;
        }

        @Override
        public int destination(Patient p, double now) {
            return rule.destination(p, now, situation);
        }

        /** A first hospital without primary PCI sends the patient on to the heart attack centre nearest to it. */
        @Override
        public int transferFrom(Patient p, int site) {
            return hospitals.site(site).offers(Service.PCI) ? -1 : routing.nearestPciFromSite(site);
        }

        @Override
        public void door(Journey j, double now) {
            Patient p = j.patient();
            if (hospitals.site(j.site()).offers(Service.PCI)) {
                balloon(p, j.site(), now, false);
                j.finish();
                return;
            }
            j.enterEmergencyDepartment(now);
            j.transferAfter(StemiState.of(p).doorInDoorOutMinutes);
        }

        @Override
        public void transferArrived(Patient p) {
            balloon(p, p.transferSite, p.transferArrivalMinutes, true);
        }

        /** The patient reaches the catheter laboratory of {@code site} at {@code arrival}: the balloon time. */
        private void balloon(Patient p, int site, double arrival, boolean transferred) {
            StemiState s = StemiState.of(p);
            Site centre = hospitals.site(site);
            CoverSchedule cover = centre.coverFor(Service.PCI);
            s.cathLabOnCall = !cover.onSiteAt(WeekTime.hourOfWeek(arrival));
            s.arrivalAtCentreMinutes = arrival;
            s.transferred = transferred;
            s.balloonMinutes = arrival + s.doorToBalloonMinutes + (s.cathLabOnCall ? cover.onCallDelayMinutes() : 0);
            p.specialistOnSiteAtArrival = !s.cathLabOnCall;
        }

        /** Call (a self-presenter: arrival at the first hospital, its first call for help) to balloon. */
        private static double callToBalloon(Patient p) {
            double firstContact = p.selfPresenter ? p.doorMinutes : p.callMinutes;
            return StemiState.of(p).balloonMinutes - firstContact;
        }

        /** The outcome input: call to definitive care is call to balloon; "specialist on site", the team's. */
        @Override
        public OutcomeInput outcomeInput(Patient p, double distanceKm) {
            return new OutcomeInput(p.condition, p.ageBand, false, Double.NaN, Double.NaN, p.careLevel, 0,
                    p.specialistOnSiteAtArrival, WeekTime.isWeekendHour(WeekTime.hourOfWeek(p.doorMinutes)),
                    !p.selfPresenter, distanceKm, callToBalloon(p));
        }

        @Override
        public double probabilityOfDeath(OutcomeInput input, ToDoubleFunction<OutcomeInput> central) {
            return outcome.mortality30d(input.ageBand(), input.callToDefinitiveCareMinutes(),
                    !input.specialistOnSiteAtArrival());
        }

        @Override
        public boolean usesCentralOutcomeModel() {
            return false;
        }

        @Override
        public void record(Patient p) {
            StemiState s = StemiState.of(p);
            tally.add(callToBalloon(p), s.balloonMinutes - s.arrivalAtCentreMinutes, p.probabilityOfDeath,
                    s.transferred, s.cathLabOnCall, p.ageBand);
        }

        @Override
        public void write(ReplicationResult result, double years) {
            tally.write(result, years);
            tally.writePsa(result, years, psaDraws);
            tally.writeSensitivity(result, years, sensitivity);
        }
    }
}
