package org.acuteflow.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;

/**
 * Configuration overlays: small YAML files in {@code configurations/} that open and close sites and services,
 * set beds, cover and fleet, and choose the routing protocol, on top of the base network (and, with
 * {@code extends:}, on top of another configuration). The format is documented in networks/README.md.
 * Stateless; every application works on its own copies.
 */
final class Configurations {
    static final String FOLDER = "configurations";
    /** How many configurations one may stack through {@code extends:}; real networks use two or three. */
    static final int MAX_EXTENDS = 32;
    static final Set<String> KEYS = Set.of("description", "source", "extends", "routing", "services", "add_services",
            "remove_services", "close_sites", "open_sites", "beds", "cover_profiles", "cover", "fleet",
            "provider_networks");

    private Configurations() {
    }

    /** Names of the configurations in a network folder, sorted. */
    static List<String> names(Path dir) {
        Path folder = dir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw InputException.of(folder.toString(), 0, null, "cannot list folder: " + e.getMessage());
        }
    }

    /** The configured network; every problem found is thrown together. */
    static Network apply(BaseNetwork base, String name) {
        List<InputProblem> problems = new ArrayList<>();
        Network n = apply(base, name, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return n;
    }

    /** The configured network, or null; problems are added to {@code problems}. */
    static Network apply(BaseNetwork base, String name, List<InputProblem> problems) {
        int before = problems.size();
        State state = new State(base);
        Path file = base.dir().resolve(FOLDER).resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(new InputProblem(file.toString(), 0, 0, null, "unknown configuration '" + name
                    + "'; the network has " + names(base.dir())));
            return null;
        }
        state.overlay(name, new LinkedHashSet<>(), problems, null);
        if (problems.size() > before) {
            return null;
        }
        return state.finish(name, problems);
    }

    /** The keys a scenario may write in the experiment file itself, with this file's syntax. */
    public static final Set<String> SCENARIO_KEYS = Set.of("cover_profiles", "cover", "beds", "fleet",
            "provider_networks", "routing");

    /**
     * The configuration {@code name} with a scenario's own overlay applied last: its {@link #SCENARIO_KEYS} as
     * written in the experiment file (a mapping holding only those keys), problems located through
     * {@code sources} under {@code path} (e.g. {@code scenarios[1]}).
     */
    static Network apply(BaseNetwork base, String name, JsonNode scenarioOverlay, String path, SourceMap sources) {
        List<InputProblem> problems = new ArrayList<>();
        Path file = base.dir().resolve(FOLDER).resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw InputException.of(file.toString(), 0, null, "unknown configuration '" + name
                    + "'; the network has " + names(base.dir()));
        }
        State state = new State(base);
        state.overlay(name, new LinkedHashSet<>(), problems, null);
        if (problems.isEmpty()) {
            state.apply(new YamlNode(scenarioOverlay, path, sources, problems), sources);
        }
        Network n = problems.isEmpty() ? state.finish(name, problems) : null;
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return n;
    }

    /** Where a value was written, for messages about its effect. */
    private record Where(String file, int line, String field) {
    }

    /** Mutable working copy of one application; never shared. */
    private static final class State {
        final BaseNetwork base;
        final int sites;
        final boolean[] open;
        final List<EnumSet<Service>> services = new ArrayList<>();
        final List<EnumMap<Service, Integer>> beds = new ArrayList<>();
        final List<EnumMap<Service, CoverSchedule>> cover = new ArrayList<>();
        final int[] vehicles;
        final Map<String, CoverSchedule> profiles;
        RoutingProtocol.StrokeRouting stroke;
        RoutingProtocol.TraumaRouting trauma;
        double threshold = Double.NaN;
        Where strokeWhere;
        Where traumaWhere;
        /** The routing block's entries for other pathways, as written (the last overlay's wins per key). */
        final Map<String, RoutingProtocol.PathwayRule> pathwayRules = new java.util.LinkedHashMap<>();
        String topFile;
        /** Provider networks as the overlays last set them (null: none). */
        ProviderSpec providers;

        State(BaseNetwork base) {
            this.base = base;
            this.sites = base.sites().size();
            this.open = new boolean[sites];
            for (BaseNetwork.SiteDef s : base.sites()) {
                open[s.index()] = true;
                services.add(s.services().isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(s.services()));
                EnumMap<Service, Integer> b = new EnumMap<>(Service.class);
                b.putAll(s.beds());
                beds.add(b);
                cover.add(new EnumMap<>(Service.class));
            }
            vehicles = base.stations().stream().mapToInt(Station::vehicles).toArray();
            profiles = new HashMap<>(base.coverProfiles());
        }

        void overlay(String name, LinkedHashSet<String> chain, List<InputProblem> problems, YamlNode extendsNode) {
            Path file = base.dir().resolve(FOLDER).resolve(name + ".yaml");
            if (!chain.add(name)) {
                extendsNode.problem("configuration '" + name + "' extends itself through " + chain
                        + "; remove the cycle");
                return;
            }
            if (chain.size() > MAX_EXTENDS) {
                extendsNode.problem("configuration '" + chain.iterator().next() + "' extends a chain of more than "
                        + MAX_EXTENDS + " configurations; make the chain shorter (a configuration may repeat what its "
                        + "parent says)");
                return;
            }
            if (!Files.isRegularFile(file)) {
                extendsNode.problem("unknown configuration '" + name + "'"
                        + org.acuteflow.config.Suggest.didYouMean(name, names(base.dir())) + "; the network has "
                        + names(base.dir()));
                return;
            }
            YamlTrees.Located located;
            try {
                located = YamlTrees.read(file);
            } catch (InputException e) {
                problems.addAll(e.problems());
                return;
            }
            SourceMap src = located.sources();
            YamlNode root = new YamlNode(located.tree(), "", src, problems);
            if (!root.mapping(KEYS)) {
                problems.add(new InputProblem(file.toString(), 1, 0, null, "must be a YAML mapping (see networks/README.md)"));
                return;
            }
            if (extendsNode == null) {
                topFile = file.toString();
            }
            YamlNode ext = root.get("extends");
            if (ext.present()) {
                String parent = ext.text(null, true);
                if (parent != null) {
                    overlay(parent, chain, problems, ext);
                }
            }
            apply(root, src);
        }

        /** One overlay's own keys, in the documented order (the parent chain is already applied). */
        void apply(YamlNode root, SourceMap src) {
            for (YamlNode p : root.get("cover_profiles").entries().values()) {
                CoverSchedule s = BaseLoader.readProfile(p);
                if (s != null) {
                    profiles.put(lastKey(p.path()), s);
                }
            }
            routing(root.get("routing"), src);
            // Order within a file: set service lists, then remove, then add, then whole-site closures and
            // re-openings, so that "close_sites" wins over anything a service list says.
            for (Map.Entry<String, YamlNode> e : root.get("services").entries().entrySet()) {
                Service s = service(e.getKey(), e.getValue());
                List<Integer> ids = sitesOf(e.getValue());
                if (s == null || ids == null) {
                    continue;
                }
                for (int i = 0; i < sites; i++) {
                    services.get(i).remove(s);
                }
                ids.forEach(i -> services.get(i).add(s));
            }
            for (Map.Entry<String, YamlNode> e : root.get("remove_services").entries().entrySet()) {
                Service s = service(e.getKey(), e.getValue());
                List<Integer> ids = sitesOf(e.getValue());
                if (s != null && ids != null) {
                    ids.forEach(i -> services.get(i).remove(s));
                }
            }
            for (Map.Entry<String, YamlNode> e : root.get("add_services").entries().entrySet()) {
                Service s = service(e.getKey(), e.getValue());
                List<Integer> ids = sitesOf(e.getValue());
                if (s != null && ids != null) {
                    ids.forEach(i -> services.get(i).add(s));
                }
            }
            List<Integer> closing = sitesOf(root.get("close_sites"));
            if (closing != null) {
                closing.forEach(i -> open[i] = false);
            }
            List<Integer> opening = sitesOf(root.get("open_sites"));
            if (opening != null) {
                opening.forEach(i -> open[i] = true);
            }
            for (Map.Entry<String, YamlNode> e : root.get("beds").entries().entrySet()) {
                int site = base.findSite(e.getKey());
                if (site < 0) {
                    e.getValue().problem(base.unknownSite(e.getKey()));
                    continue;
                }
                for (Map.Entry<String, YamlNode> b : e.getValue().entries().entrySet()) {
                    Service s = service(b.getKey(), b.getValue());
                    if (s == null) {
                        continue;
                    }
                    YamlNode v = b.getValue();
                    if (v.present() && "unlimited".equals(v.text("", false))) {
                        beds.get(site).remove(s);
                        continue;
                    }
                    double n = v.number(Double.NaN, true);
                    if (!(n >= 1 && n <= BaseLoader.MAX_BEDS) || n != Math.rint(n)) {
                        v.problem("must be a whole number of beds from 1 to " + BaseLoader.MAX_BEDS
                                + ", or 'unlimited'; got " + n);
                        continue;
                    }
                    beds.get(site).put(s, (int) n);
                }
            }
            for (Map.Entry<String, YamlNode> e : root.get("cover").entries().entrySet()) {
                Service s = service(e.getKey(), e.getValue());
                if (s == null) {
                    continue;
                }
                YamlNode c = e.getValue();
                if (c.isMapping()) {
                    c.mapping(Set.of("all", "sites"));
                    YamlNode all = c.get("all");
                    if (all.present()) {
                        CoverSchedule p = profile(all);
                        if (p != null) {
                            for (int i = 0; i < sites; i++) {
                                cover.get(i).put(s, p);
                            }
                        }
                    }
                    for (Map.Entry<String, YamlNode> site : c.get("sites").entries().entrySet()) {
                        int i = base.findSite(site.getKey());
                        if (i < 0) {
                            site.getValue().problem(base.unknownSite(site.getKey()));
                            continue;
                        }
                        CoverSchedule p = profile(site.getValue());
                        if (p != null) {
                            cover.get(i).put(s, p);
                        }
                    }
                } else {
                    CoverSchedule p = profile(c);
                    if (p != null) {
                        for (int i = 0; i < sites; i++) {
                            cover.get(i).put(s, p);
                        }
                    }
                }
            }
            fleet(root.get("fleet"));
            providerNetworks(root.get("provider_networks"));
        }

        /** Settings of {@code provider_networks:}; a later overlay's keys replace an earlier one's. */
        private record ProviderSpec(String file, String column, boolean restrict, double borderMinutes,
                                    Map<String, String> sites, YamlNode at) {
        }

        private void providerNetworks(YamlNode p) {
            if (!p.mapping(Set.of("file", "column", "restrict_routing", "border_minutes", "sites"))) {
                return;
            }
            String file = p.get("file").text(providers == null ? "provider_networks.csv" : providers.file(), false);
            String column = p.get("column").text(providers == null ? null : providers.column(), providers == null);
            boolean restrict = providers != null && providers.restrict();
            YamlNode r = p.get("restrict_routing");
            if (r.present()) {
                String v = r.text("", true).trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    r.problem("must be true or false, got '" + v + "'");
                } else {
                    restrict = v.equals("true");
                }
            }
            double border = providers == null ? Double.POSITIVE_INFINITY : providers.borderMinutes();
            YamlNode b = p.get("border_minutes");
            if (b.present()) {
                if ("never".equals(b.text("", false))) {
                    border = Double.POSITIVE_INFINITY;
                } else {
                    double v = b.number(Double.NaN, true);
                    if (!(v >= 0 && v <= 600)) {
                        b.problem("must be minutes in [0, 600] or 'never', got " + v);
                    } else {
                        border = v;
                    }
                }
            }
            Map<String, String> siteNetworks = new java.util.LinkedHashMap<>(providers == null ? Map.of() : providers.sites());
            for (Map.Entry<String, YamlNode> e : p.get("sites").entries().entrySet()) {
                int site = base.findSite(e.getKey());
                if (site < 0) {
                    e.getValue().problem(base.unknownSite(e.getKey()));
                    continue;
                }
                String n = e.getValue().text(null, true);
                if (n != null) {
                    // Keyed by id: a hospital name stands for its site.
                    siteNetworks.put(base.sites().get(site).id(), n.trim());
                }
            }
            if (column != null) {
                providers = new ProviderSpec(file, column.trim(), restrict, border, siteNetworks, p);
            }
        }

        /**
         * Zones join the network of their area (column {@code name} of the file, matched to the zones' area), sites
         * that of the area they lie in ({@link ProviderNetworks#siteAreas}) unless assigned by name.
         */
        private ProviderNetworks buildProviders(List<Site> siteList, List<InputProblem> problems) {
            if (providers == null) {
                return null;
            }
            ProviderSpec spec = providers;
            Path path = base.dir().resolve(spec.file());
            int before = problems.size();
            Csv.Table t = Csv.read(path, Set.of("name", spec.column()),
                    Set.of("code", "name", "sector_2010", "ahsn_2013", "network"), problems);
            if (t == null || problems.size() > before) {
                return null;
            }
            Map<String, Integer> index = new java.util.LinkedHashMap<>();
            Map<String, Integer> areaNetwork = new HashMap<>();
            for (Csv.Row row : t.rows()) {
                String area = t.get(row, "name");
                String net = t.get(row, spec.column());
                if (area.isEmpty() || net.isEmpty()) {
                    problems.add(new InputProblem(t.file(), row.line(), 0, area.isEmpty() ? "name" : spec.column(),
                            "is empty; give every area a name and a network"));
                    continue;
                }
                index.putIfAbsent(net, index.size());
                areaNetwork.put(area, index.get(net));
            }
            int[] zoneNetwork = new int[base.zones().size()];
            int mapped = 0;
            for (Zone z : base.zones()) {
                Integer n = areaNetwork.get(z.area());
                zoneNetwork[z.index()] = n == null ? -1 : n;
                mapped += n == null ? 0 : 1;
            }
            if (mapped == 0) {
                spec.at().problem("no zone's area is named in " + path.getFileName() + " (column 'name' must match "
                        + "the zones' area column)");
            }
            String[] siteArea = ProviderNetworks.siteAreas(base.zones(), siteList);
            int[] siteNetwork = new int[siteList.size()];
            for (Site s : siteList) {
                Integer n = siteArea[s.index()] == null ? null : areaNetwork.get(siteArea[s.index()]);
                siteNetwork[s.index()] = n == null ? -1 : n;
            }
            for (Map.Entry<String, String> e : spec.sites().entrySet()) {
                Integer n = index.get(e.getValue());
                if (n == null) {
                    spec.at().problemAt(spec.at().path() + ".sites." + e.getKey(), "unknown provider network '"
                            + e.getValue() + "'; " + path.getFileName() + " column '" + spec.column() + "' has "
                            + index.keySet());
                    continue;
                }
                siteNetwork[base.siteIndex(e.getKey())] = n;
            }
            return new ProviderNetworks(List.copyOf(index.keySet()), zoneNetwork, siteNetwork, spec.restrict(),
                    spec.borderMinutes());
        }

        private static String lastKey(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        private void routing(YamlNode r, SourceMap src) {
            // Any key: the others name a pathway's rule, checked by the model (which knows the pathways).
            if (!r.mapping(null)) {
                return;
            }
            for (Map.Entry<String, YamlNode> e : r.entries().entrySet()) {
                if (!Set.of("stroke", "trauma", "mtc_threshold_minutes").contains(e.getKey())) {
                    String v = e.getValue().text("", true).trim();
                    if (!v.isEmpty()) {
                        InputProblem at = src.locate(e.getValue().path());
                        pathwayRules.put(e.getKey(), new RoutingProtocol.PathwayRule(v, at.file(), at.line(),
                                e.getValue().path()));
                    }
                }
            }
            YamlNode s = r.get("stroke");
            if (s.present()) {
                String v = s.text("", true).trim().toUpperCase(Locale.ROOT);
                try {
                    stroke = RoutingProtocol.StrokeRouting.valueOf(v);
                    InputProblem at = src.locate(s.path());
                    strokeWhere = new Where(at.file(), at.line(), s.path());
                } catch (IllegalArgumentException e) {
                    s.problem("unknown stroke routing '" + v.toLowerCase(Locale.ROOT) + "'; use nearest_hasu, "
                            + "nearest_stroke_unit or nearest_ae");
                }
            }
            YamlNode t = r.get("trauma");
            if (t.present()) {
                String v = t.text("", true).trim().toUpperCase(Locale.ROOT);
                try {
                    trauma = RoutingProtocol.TraumaRouting.valueOf(v);
                    InputProblem at = src.locate(t.path());
                    traumaWhere = new Where(at.file(), at.line(), t.path());
                } catch (IllegalArgumentException e) {
                    t.problem("unknown trauma routing '" + v.toLowerCase(Locale.ROOT) + "'; use nearest_ae or "
                            + "mtc_within_threshold");
                }
            }
            YamlNode m = r.get("mtc_threshold_minutes");
            if (m.present()) {
                double v = m.number(Double.NaN, true);
                if (!(v > 0 && v <= 600)) {
                    m.problem("must be minutes in (0, 600], got " + v);
                } else {
                    threshold = v;
                }
            }
        }

        private Service service(String key, YamlNode at) {
            try {
                return Service.parse(key);
            } catch (IllegalArgumentException e) {
                at.problem(e.getMessage());
                return null;
            }
        }

        /** Site indices named by a list (or the word {@code all}); null and problems on an unknown id. */
        private List<Integer> sitesOf(YamlNode list) {
            List<Integer> out = new ArrayList<>();
            if (!list.present()) {
                return out;
            }
            List<String> ids = list.texts();
            if (ids.size() == 1 && ids.get(0).equals("all")) {
                for (int i = 0; i < sites; i++) {
                    out.add(i);
                }
                return out;
            }
            boolean ok = true;
            List<YamlNode> items = list.items();
            for (int k = 0; k < ids.size(); k++) {
                int i = base.findSite(ids.get(k));
                if (i < 0) {
                    YamlNode at = k < items.size() ? items.get(k) : list;
                    at.problem(base.unknownSite(ids.get(k)));
                    ok = false;
                } else {
                    out.add(i);
                }
            }
            return ok ? out : null;
        }

        private CoverSchedule profile(YamlNode n) {
            String name = n.text(null, true);
            if (name == null) {
                return null;
            }
            CoverSchedule p = profiles.get(name);
            if (p == null) {
                n.problem("unknown cover profile '" + name + "'; define it under cover_profiles (known: "
                        + profiles.keySet().stream().sorted().toList() + ")");
            }
            return p;
        }

        private void fleet(YamlNode f) {
            if (!f.mapping(Set.of("scale", "vehicles"))) {
                return;
            }
            YamlNode scaleNode = f.get("scale");
            if (scaleNode.present()) {
                double scale = scaleNode.number(Double.NaN, true);
                if (!(scale >= 0 && scale <= 100)) {
                    scaleNode.problem("must be a multiplier in [0, 100], got " + scale);
                } else {
                    scaleVehicles(scale);
                }
            }
            for (Map.Entry<String, YamlNode> e : f.get("vehicles").entries().entrySet()) {
                int k = base.stationIndex(e.getKey());
                if (k < 0) {
                    e.getValue().problem("unknown station id '" + e.getKey() + "'" + base.stationHint(e.getKey()) + "; use an id from " + base.stationsFile());
                    continue;
                }
                double v = e.getValue().number(Double.NaN, true);
                if (!(v >= 0 && v <= BaseLoader.MAX_VEHICLES) || v != Math.rint(v)) {
                    e.getValue().problem("must be a whole number of vehicles from 0 to " + BaseLoader.MAX_VEHICLES
                            + ", got " + v);
                    continue;
                }
                vehicles[k] = (int) v;
            }
        }

        /** Scales every station, keeping the total at round(scale x total) by largest remainders. */
        private void scaleVehicles(double scale) {
            int total = 0;
            for (int v : vehicles) {
                total += v;
            }
            int target = (int) Math.round(scale * total);
            double[] exact = new double[vehicles.length];
            int assigned = 0;
            for (int k = 0; k < vehicles.length; k++) {
                exact[k] = vehicles[k] * scale;
                vehicles[k] = (int) Math.floor(exact[k]);
                assigned += vehicles[k];
            }
            Integer[] order = new Integer[vehicles.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            // Largest remainder first; ties to the lower index so the result is deterministic.
            java.util.Arrays.sort(order, (a, b) -> {
                int c = Double.compare(exact[b] - Math.floor(exact[b]), exact[a] - Math.floor(exact[a]));
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; assigned < target && i < order.length; i++) {
                vehicles[order[i]]++;
                assigned++;
            }
        }

        Network finish(String name, List<InputProblem> problems) {
            if (stroke == null) {
                problems.add(new InputProblem(topFile, 0, 0, "routing.stroke",
                        "is required (here or in the configuration this one extends): nearest_hasu, nearest_stroke_unit or nearest_ae"));
            }
            if (trauma == null) {
                problems.add(new InputProblem(topFile, 0, 0, "routing.trauma",
                        "is required (here or in the configuration this one extends): nearest_ae or mtc_within_threshold"));
            }
            if (trauma == RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD && Double.isNaN(threshold)) {
                problems.add(new InputProblem(traumaWhere.file(), traumaWhere.line(), 0, "routing.mtc_threshold_minutes",
                        "is required with mtc_within_threshold, e.g. 45"));
            }
            if (stroke == null || trauma == null) {
                return null;
            }
            List<Site> out = new ArrayList<>();
            for (BaseNetwork.SiteDef d : base.sites()) {
                int i = d.index();
                Set<Service> svc = open[i] ? services.get(i) : Set.of();
                EnumMap<Service, Integer> b = new EnumMap<>(Service.class);
                EnumMap<Service, CoverSchedule> c = new EnumMap<>(Service.class);
                for (Service s : svc) {
                    if (beds.get(i).containsKey(s)) {
                        b.put(s, beds.get(i).get(s));
                    }
                    if (cover.get(i).containsKey(s)) {
                        c.put(s, cover.get(i).get(s));
                    }
                }
                out.add(new Site(i, d.id(), d.name(), d.lat(), d.lon(), open[i], svc, b, c));
            }
            List<Station> stations = new ArrayList<>();
            for (Station s : base.stations()) {
                stations.add(new Station(s.index(), s.id(), s.name(), s.lat(), s.lon(), vehicles[s.index()]));
            }
            RoutingProtocol protocol = new RoutingProtocol(stroke, trauma, Double.isNaN(threshold) ? 0 : threshold,
                    buildProviders(out, problems), pathwayRules);
            Network network = new Network(base.name(), name, base.zones(), out, stations, base.travel(), protocol);
            checkNeeds(network, problems);
            return network;
        }

        /** Every zone must reach a site with each service the protocol sends patients to. */
        private void checkNeeds(Network n, List<InputProblem> problems) {
            Where strokeAt = strokeWhere;
            Where traumaAt = traumaWhere;
            need(n, RoutingProtocol.AE, RoutingProtocol.AE_WHY, strokeAt, problems);
            // The rules' own eligibility (RoutingProtocol.Eligibility); the A&E need is stated once, above.
            for (var rule : List.of(n.protocol().stroke(), n.protocol().trauma())) {
                if (!rule.services().equals(RoutingProtocol.AE)) {
                    need(n, rule.services(), rule.why(), rule == n.protocol().stroke() ? strokeAt : traumaAt,
                            problems);
                }
            }
        }

        private void need(Network n, Set<Service> anyOf, String why, Where at, List<InputProblem> problems) {
            String file = at == null ? topFile : at.file();
            int line = at == null ? 0 : at.line();
            String field = at == null ? "routing" : at.field();
            List<Site> offering = n.sites().stream().filter(s -> RoutingProtocol.qualifies(s, anyOf)).toList();
            String names = anyOf.stream().map(Service::key).toList().toString();
            if (offering.isEmpty()) {
                problems.add(new InputProblem(file, line, 0, field, why + ", but configuration '" + n.configuration()
                        + "' leaves no open site with " + names + "; open one or change the routing"));
                return;
            }
            int unreachable = 0;
            String first = null;
            for (Zone z : n.zones()) {
                boolean ok = false;
                for (Site s : offering) {
                    if (Double.isFinite(n.travel().zoneToSite(z.index(), s.index()))) {
                        ok = true;
                        break;
                    }
                }
                if (!ok) {
                    unreachable++;
                    first = first == null ? z.id() : first;
                }
            }
            if (unreachable > 0) {
                problems.add(new InputProblem(file, line, 0, field, unreachable + " zones (first: " + first
                        + ") cannot reach any open site with " + names + "; " + why));
            }
        }
    }
}
