package org.acuteflow.optimise;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;
import org.acuteflow.network.Geo;
import org.acuteflow.network.Network;
import org.acuteflow.network.Projection;
import org.acuteflow.network.ProviderNetworks;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Zone;
import org.acuteflow.outcome.OutcomeParameters;

/**
 * Turns a {@link LocationProblem} on its network into solver instances: the zone-level instance (exact, used to
 * score layouts) and the solver's instance, where zones are grouped so that the MIP stays small.
 *
 * <p>Grouping. Maximal covering and the maximum-time constraint depend on a zone only through the set of
 * sites within the threshold, so zones with the same set are merged exactly. Cost objectives (p-median,
 * expected outcome) group zones into square cells of {@code aggregation_km}; a cell's cost at a site is the
 * weight-averaged cost of its zones, so a layout's cell-level objective equals its zone-level objective
 * whenever every zone of a cell has the same nearest open site. Layouts are always re-scored on the zones.
 *
 * <p>Sites. Candidates are free and count towards k; fixed-open sites and sites that offer the service in
 * the base configuration without being candidates stay open and do not count; fixed-closed sites are left out.
 */
public final class InstanceBuilder {
    private final LocationProblem problem;
    private final Network network;
    private final List<Site> sites = new ArrayList<>();
    private final int[] fixed;
    private final boolean[] counted;
    private final double[][] zoneCost;
    private final double[] zoneWeight;
    private final double[] zoneDemand;
    private final double unitScale;
    private final OutcomeParameters outcome;

    public InstanceBuilder(LocationProblem problem, Network network) {
        this.problem = problem;
        this.network = network;
        Map<String, Site> byId = new HashMap<>();
        network.sites().forEach(s -> byId.put(s.id(), s));
        Set<String> ids = new LinkedHashSet<>(problem.candidates());
        ids.addAll(problem.fixedOpen());
        for (Site s : network.sites()) {
            if (s.offers(problem.service()) && !problem.fixedClosed().contains(s.id())) {
                ids.add(s.id());
            }
        }
        for (String id : ids) {
            sites.add(byId.get(id));
        }
        int n = sites.size();
        fixed = new int[n];
        counted = new boolean[n];
        Set<String> candidates = Set.copyOf(problem.candidates());
        for (int j = 0; j < n; j++) {
            counted[j] = candidates.contains(sites.get(j).id());
            fixed[j] = counted[j] ? 0 : 1;
        }
        List<Zone> zones = network.zones();
        zoneWeight = new double[zones.size()];
        zoneDemand = new double[zones.size()];
        zoneCost = new double[zones.size()][n];
        outcome = problem.objective().type() == LocationProblem.ObjectiveType.EXPECTED_OUTCOME
                ? OutcomeParameters.from(problem.parameters().get("outcome"), problem.parameterSources()) : null;
        unitScale = unitCost();
        for (Zone z : zones) {
            double w = switch (problem.objective().weight()) {
                case STROKE_ADMISSIONS -> z.strokeAdmissionsPerYear();
                case POPULATION -> z.population();
                case POPULATION_65PLUS -> z.population65Plus();
            };
            zoneWeight[z.index()] = w;
            zoneDemand[z.index()] = w * problem.objective().patientsPerWeightPerYear();
            for (int j = 0; j < n; j++) {
                zoneCost[z.index()][j] = cost(z, sites.get(j));
            }
        }
    }

    public List<Site> sites() {
        return List.copyOf(sites);
    }

    public Network network() {
        return network;
    }

    /** Base minutes from zone to site (blue light, reference time band). */
    double minutes(Zone z, Site s) {
        return network.travel().zoneToSite(z.index(), s.index());
    }

    /**
     * Expected deaths per patient per unit of exposure (minute or km) under the outcome model, linearised at the
     * baseline risk: d p / d x = p (1 - p) d(log-odds)/dx. For strokes the travel effect acts through
     * onset-to-needle time of the thrombolysed share; for other emergencies through straight-line distance
     * beyond the reference; for major trauma through call-to-definitive-care delay.
     */
    private double unitCost() {
        if (problem.objective().type() != LocationProblem.ObjectiveType.EXPECTED_OUTCOME) {
            return 1;
        }
        OutcomeParameters o = outcome;
        double perWeight = problem.objective().patientsPerWeightPerYear();
        Service s = problem.service();
        if (ProblemLoader.isStroke(s)) {
            // Thrombolysis changes disability, not death (outcome model v2): the cost is the expected number of
            // good outcomes (mRS 0-1) lost per minute of onset-to-needle among the treated share, linearised at the
            // untreated good-outcome probability of an ischaemic stroke without large-vessel occlusion, at the mean
            // of the two ischaemic age bands' mortality [assumption: the linearisation point].
            double death = (o.stroke().baselineMortality90d().ischaemicUnder80()
                    + o.stroke().baselineMortality90d().ischaemicAged80Plus()) / 2;
            java.util.List<Double> survivors = o.stroke().survivorMrs90d().nlvo();
            double total = survivors.stream().mapToDouble(Double::doubleValue).sum();
            double p = (1 - death) * (survivors.get(0) + survivors.get(1)) / total;
            OutcomeParameters.Reperfusion r = o.stroke().thrombolysis();
            double perMinute = Math.log(r.goodOutcomeOddsRatioAtOnset()) / r.noEffectMinutes();
            return perWeight * problem.objective().treatedShare() * p * (1 - p) * perMinute;
        }
        if (s == Service.MTC || s == Service.TRAUMA_UNIT) {
            // Mean of the two age bands' baselines [assumption: the linearisation point].
            double p = (o.majorTrauma().baselineMortality().under80() + o.majorTrauma().baselineMortality().aged80Plus())
                    / 2;
            return perWeight * p * (1 - p) * Math.log(o.majorTrauma().delayOddsRatioPer10Minutes()) / 10;
        }
        double p = o.otherEmergency().baselineMortality30d().medical();
        return perWeight * p * (1 - p) * Math.log(o.otherEmergency().distanceOddsRatioPerStraightLineKm());
    }

    /** The cost per unit of weight of serving zone z from site s, in the objective's units. */
    private double cost(Zone z, Site s) {
        double minutes = minutes(z, s);
        if (problem.objective().type() != LocationProblem.ObjectiveType.EXPECTED_OUTCOME) {
            return minutes;
        }
        Service service = problem.service();
        if (ProblemLoader.isStroke(service) || service == Service.MTC || service == Service.TRAUMA_UNIT) {
            return unitScale * minutes;
        }
        OutcomeParameters o = outcome;
        double roadKm = network.travel().zoneToSiteKm(z.index(), s.index());
        double straight = Double.isFinite(roadKm) ? roadKm / o.otherEmergency().roadKmPerStraightLineKm()
                : Geo.km(z.lat(), z.lon(), s.lat(), s.lon());
        return unitScale * Math.max(0, straight - o.otherEmergency().referenceStraightLineKm());
    }

    /** The exact instance: one group per zone. */
    public LocationInstance zoneInstance(int k) {
        List<BitSet> covers = null;
        if (problem.objective().type() == LocationProblem.ObjectiveType.MAX_COVERING) {
            covers = new ArrayList<>();
            for (Zone z : network.zones()) {
                covers.add(within(z, problem.objective().withinMinutes()));
            }
        }
        return new LocationInstance(kind(), ids(), fixed.clone(), counted.clone(), k, zoneWeight.clone(),
                zoneDemand.clone(), kind() == LocationInstance.Kind.MIN_COST ? zoneCost : null, covers, capacity(),
                requireOne(), providerGroups());
    }

    /** The solver's instance: zones grouped (see the class comment). */
    public LocationInstance solverInstance(int k) {
        LocationInstance exact = zoneInstance(k);
        if (kind() == LocationInstance.Kind.MAX_COVER) {
            Map<BitSet, double[]> bySignature = new LinkedHashMap<>();
            for (int g = 0; g < exact.groups(); g++) {
                double[] acc = bySignature.computeIfAbsent(exact.covers().get(g), b -> new double[2]);
                acc[0] += exact.weight()[g];
                acc[1] += exact.demand()[g];
            }
            List<BitSet> covers = new ArrayList<>(bySignature.keySet());
            double[] w = new double[covers.size()];
            double[] d = new double[covers.size()];
            int i = 0;
            for (double[] acc : bySignature.values()) {
                w[i] = acc[0];
                d[i++] = acc[1];
            }
            return new LocationInstance(exact.kind(), exact.siteIds(), exact.fixed(), exact.counted(), k, w, d, null,
                    covers, exact.capacity(), exact.requireOne(), exact.groupsOf());
        }
        double cell = problem.aggregationKm();
        if (cell <= 0) {
            return exact;
        }
        double lat0 = network.zones().stream().mapToDouble(Zone::lat).average().orElse(0);
        Projection projection = Projection.scaledAt(lat0);
        Map<Long, List<Integer>> cells = new TreeMap<>();
        for (Zone z : network.zones()) {
            long row = (long) Math.floor(projection.y(z.lat()) / cell);
            long col = (long) Math.floor(projection.x(z.lon()) / cell);
            cells.computeIfAbsent(row * 1_000_003L + col, key -> new ArrayList<>()).add(z.index());
        }
        int n = exact.sites();
        List<double[]> costs = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (List<Integer> members : cells.values()) {
            double weight = 0;
            double demand = 0;
            double[] c = new double[n];
            for (int z : members) {
                weight += zoneWeight[z];
                demand += zoneDemand[z];
                for (int j = 0; j < n; j++) {
                    c[j] += zoneWeight[z] * zoneCost[z][j];
                }
            }
            if (weight <= 0) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                c[j] /= weight;
            }
            costs.add(c);
            w.add(weight);
            d.add(demand);
        }
        return new LocationInstance(exact.kind(), exact.siteIds(), exact.fixed(), exact.counted(), k,
                w.stream().mapToDouble(Double::doubleValue).toArray(), d.stream().mapToDouble(Double::doubleValue).toArray(),
                costs.toArray(new double[0][]), null, exact.capacity(), exact.requireOne(), exact.groupsOf());
    }

    private LocationInstance.Kind kind() {
        return problem.objective().type() == LocationProblem.ObjectiveType.MAX_COVERING
                ? LocationInstance.Kind.MAX_COVER : LocationInstance.Kind.MIN_COST;
    }

    private List<String> ids() {
        return sites.stream().map(Site::id).toList();
    }

    private BitSet within(Zone z, double minutes) {
        BitSet b = new BitSet();
        for (int j = 0; j < sites.size(); j++) {
            if (minutes(z, sites.get(j)) <= minutes) {
                b.set(j);
            }
        }
        return b;
    }

    private double[] capacity() {
        LocationProblem.Capacity c = problem.capacity();
        if (c == null) {
            return null;
        }
        double[] cap = new double[sites.size()];
        for (int j = 0; j < cap.length; j++) {
            int beds = sites.get(j).bedsFor(problem.service());
            cap[j] = c.patientsPerYear(beds == Integer.MAX_VALUE ? c.defaultBeds() : beds);
        }
        return cap;
    }

    /** Beds assumed for each site (its own count for the service, else the problem's default). */
    public int bedsOf(int site) {
        int beds = sites.get(site).bedsFor(problem.service());
        return beds == Integer.MAX_VALUE && problem.capacity() != null ? problem.capacity().defaultBeds() : beds;
    }

    /**
     * The distinct site sets of which one must be open so that every zone is within the maximum time; a zone
     * already within reach of an always-open site needs nothing. A zone with no site at all within reach makes
     * the problem infeasible: reported here, naming the zone.
     */
    private List<BitSet> requireOne() {
        if (Double.isNaN(problem.maxMinutes())) {
            return List.of();
        }
        Set<BitSet> sets = new LinkedHashSet<>();
        List<String> unreachable = new ArrayList<>();
        for (Zone z : network.zones()) {
            BitSet b = within(z, problem.maxMinutes());
            if (b.isEmpty()) {
                unreachable.add(z.id() + " (" + z.name() + ")");
                continue;
            }
            boolean alwaysCovered = false;
            for (int j = b.nextSetBit(0); j >= 0; j = b.nextSetBit(j + 1)) {
                alwaysCovered |= fixed[j] > 0;
            }
            if (!alwaysCovered) {
                sets.add(b);
            }
        }
        if (!unreachable.isEmpty()) {
            Problems p = problem.sources().problems();
            p.add("constraints.max_minutes", "infeasible: " + unreachable.size() + " zone(s) have no candidate or open "
                    + "site within " + problem.maxMinutes() + " minutes, e.g. "
                    + String.join(", ", unreachable.subList(0, Math.min(3, unreachable.size())))
                    + "; raise max_minutes or add candidate sites");
            p.throwIfAny();
        }
        // A set that contains another is implied by it (an open site in the smaller set is in the larger).
        List<BitSet> minimal = new ArrayList<>();
        List<BitSet> bySize = new ArrayList<>(sets);
        bySize.sort(java.util.Comparator.comparingInt(BitSet::cardinality));
        for (BitSet b : bySize) {
            boolean implied = false;
            for (BitSet m : minimal) {
                BitSet inter = (BitSet) m.clone();
                inter.and(b);
                if (inter.equals(m)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                minimal.add(b);
            }
        }
        return minimal;
    }

    /** The provider network of each site (null when it lies in no mapped area). */
    public Map<String, String> siteNetworks() {
        LocationProblem.ProviderNetworks pn = problem.providerNetworks();
        Map<String, String> out = new LinkedHashMap<>();
        if (pn == null) {
            return out;
        }
        Map<String, String> areaToNetwork = readAreas(pn);
        // The same site-to-area rule as the simulation's provider-network routing (network/ProviderNetworks).
        String[] areaOfSite = ProviderNetworks.siteAreas(network.zones(), network.sites());
        for (Site s : sites) {
            String area = areaOfSite[s.index()];
            out.put(s.id(), area == null ? null : areaToNetwork.get(area));
        }
        return out;
    }

    private List<LocationInstance.SiteGroup> providerGroups() {
        LocationProblem.ProviderNetworks pn = problem.providerNetworks();
        if (pn == null) {
            return List.of();
        }
        Map<String, String> of = siteNetworks();
        Map<String, BitSet> groups = new TreeMap<>();
        for (String networkName : new LinkedHashSet<>(readAreas(pn).values())) {
            groups.put(networkName, new BitSet());
        }
        for (int j = 0; j < sites.size(); j++) {
            String name = of.get(sites.get(j).id());
            if (name != null) {
                groups.get(name).set(j);
            }
        }
        List<LocationInstance.SiteGroup> out = new ArrayList<>();
        groups.forEach((name, bits) -> out.add(new LocationInstance.SiteGroup(name, bits, pn.min())));
        return out;
    }

    private Map<String, String> readAreas(LocationProblem.ProviderNetworks pn) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        Map<String, String> map = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema)
                .readValues(pn.file().toFile())) {
            int line = 0;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                if (!row.containsKey("name") || !row.containsKey(pn.column())) {
                    Problems p = problem.sources().problems();
                    p.add("constraints.per_provider_network.column", "the file " + pn.file()
                            + " needs columns 'name' and '" + pn.column() + "'; it has " + row.keySet());
                    p.throwIfAny();
                }
                map.put(row.get("name").trim(), row.get(pn.column()).trim());
            }
            if (line == 0) {
                throw InputException.of(pn.file().toString(), 0, null, "lists no areas");
            }
        } catch (IOException e) {
            throw InputException.of(pn.file().toString(), 0, null, "cannot be read as CSV: " + e.getMessage());
        }
        return map;
    }
}
