package org.acuteflow.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.acuteflow.config.NetworkEdits;
import org.acuteflow.config.Problems;

/**
 * Applies a scenario's {@link NetworkEdits} (close sites, withdraw or add services) to a configured network,
 * giving a new immutable network; travel times are shared, since closing a hospital does not move roads.
 * Withdrawing a service withdraws the services that cannot run without it ({@link Service#needing}): closing an
 * A&E closes its trauma unit or major trauma centre too.
 */
public final class NetworkEditor {
    private NetworkEditor() {
    }

    /**
     * @param problems   collects unknown site ids and services, located at {@code pathPrefix}
     * @param pathPrefix where the edits were written, e.g. {@code scenarios[2]}
     */
    public static Network apply(Network network, NetworkEdits edits, Problems problems, String pathPrefix) {
        if (edits.isEmpty()) {
            return network;
        }
        Map<String, Site> byId = new HashMap<>();
        for (Site s : network.sites()) {
            byId.put(s.id(), s);
        }
        List<SiteNames.Named> named = SiteNames.of(network.sites());
        edits = byIds(edits, named);
        Map<String, Boolean> open = new HashMap<>();
        Map<String, Set<Service>> services = new HashMap<>();
        for (Site s : network.sites()) {
            open.put(s.id(), s.open());
            services.put(s.id(), s.services().isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(s.services()));
        }
        for (int i = 0; i < edits.closeSites().size(); i++) {
            String id = edits.closeSites().get(i);
            if (known(byId, id, problems, pathPrefix + ".close_sites[" + i + "]")) {
                open.put(id, false);
            }
        }
        applyServices(edits.closeServices(), false, byId, services, problems, pathPrefix + ".close_services");
        applyServices(edits.openServices(), true, byId, services, problems, pathPrefix + ".open_services");
        List<Site> sites = new ArrayList<>();
        for (Site s : network.sites()) {
            boolean isOpen = open.get(s.id());
            Set<Service> offered = isOpen ? services.get(s.id()) : Set.of();
            sites.add(new Site(s.index(), s.id(), s.name(), s.lat(), s.lon(), isOpen, offered, s.beds(), s.cover()));
        }
        Network edited = new Network(network.name(), network.configuration(), network.zones(), sites,
                network.stations(), network.travel(), network.protocol());
        checkNeeds(edited, problems, pathPrefix + (edits.closeSites().isEmpty() ? ".close_services" : ".close_sites"));
        return edited;
    }

    /**
     * The configuration was checked to leave every service its routing needs; the scenario's closures may
     * still withdraw the last one (closing every HASU of a HASU-routed configuration), which would leave
     * patients with nowhere to go.
     */
    private static void checkNeeds(Network n, Problems problems, String pathPrefix) {
        need(n, Set.of(Service.TYPE1_AE), "other emergencies and self-presenters go to the nearest type-1 A&E",
                problems, pathPrefix);
        switch (n.protocol().stroke()) {
            case NEAREST_HASU -> need(n, Set.of(Service.HASU), "configuration '" + n.configuration()
                    + "' routes strokes to the nearest HASU", problems, pathPrefix);
            case NEAREST_STROKE_UNIT -> need(n, Set.of(Service.STROKE_UNIT, Service.HASU), "configuration '"
                    + n.configuration() + "' routes strokes to the nearest stroke unit or HASU", problems, pathPrefix);
            case NEAREST_AE -> {
            }
        }
        if (n.protocol().trauma() == RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD) {
            need(n, Set.of(Service.MTC), "configuration '" + n.configuration()
                    + "' routes major trauma to a major trauma centre", problems, pathPrefix);
        }
    }

    private static void need(Network n, Set<Service> anyOf, String why, Problems problems, String pathPrefix) {
        for (Site s : n.sites()) {
            for (Service service : anyOf) {
                if (s.open() && s.offers(service)) {
                    return;
                }
            }
        }
        String names = anyOf.stream().map(Service::key).sorted().toList().toString();
        problems.add(pathPrefix, "the scenario's closures leave no open site with " + names + ", but " + why
                + "; keep one open or use a configuration with other routing");
    }

    private static void applyServices(List<NetworkEdits.SiteService> list, boolean add, Map<String, Site> byId,
                                      Map<String, Set<Service>> services, Problems problems, String path) {
        for (int i = 0; i < list.size(); i++) {
            NetworkEdits.SiteService ss = list.get(i);
            String p = path + "[" + i + "]";
            if (!known(byId, ss.site(), problems, p + ".site")) {
                continue;
            }
            Service service;
            try {
                service = Service.parse(ss.service() == null ? "" : ss.service());
            } catch (IllegalArgumentException e) {
                problems.add(p + ".service", e.getMessage());
                continue;
            }
            if (add) {
                services.get(ss.site()).add(service);
            } else {
                services.get(ss.site()).remove(service);
                services.get(ss.site()).removeAll(Service.needing(service));
            }
        }
    }

    private static boolean known(Map<String, Site> byId, String id, Problems problems, String path) {
        if (id == null || !byId.containsKey(id)) {
            List<SiteNames.Named> named = byId.values().stream().map(s -> new SiteNames.Named(s.id(), s.name()))
                    .sorted(java.util.Comparator.comparing(SiteNames.Named::id)).toList();
            problems.add(path, SiteNames.unknown(id, named));
            return false;
        }
        return true;
    }

    /** Hospital names written instead of ids are replaced by the ids; unknown text is kept (and reported). */
    private static NetworkEdits byIds(NetworkEdits edits, List<SiteNames.Named> named) {
        java.util.function.UnaryOperator<String> id = text -> {
            String resolved = SiteNames.resolve(text, named);
            return resolved == null ? text : resolved;
        };
        return new NetworkEdits(edits.closeSites().stream().map(id).toList(),
                edits.closeServices().stream().map(ss -> new NetworkEdits.SiteService(id.apply(ss.site()), ss.service()))
                        .toList(),
                edits.openServices().stream().map(ss -> new NetworkEdits.SiteService(id.apply(ss.site()), ss.service()))
                        .toList());
    }
}
