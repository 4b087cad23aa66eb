package org.acuteflow.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.acuteflow.config.InputException;
import org.acuteflow.config.InputProblem;

/**
 * Validates a network folder and its configurations, and summarises access: population-weighted blue-light
 * minutes from each zone to the nearest open site offering HASU, MTC and type-1 A&E care. Stateless.
 */
public final class NetworkCheck {
    /**
     * The hour of week the summary uses for "off-peak": Tuesday 11:00-12:00 (24 + 11), outside the peaks and
     * the night band in the shipped networks.
     */
    public static final int OFF_PEAK_HOUR = 24 + 11;

    /** Services the summary reports access to (stroke_unit: any open stroke unit, the pre-2010 destination). */
    public static final List<Service> SUMMARY_SERVICES = List.of(Service.HASU, Service.STROKE_UNIT, Service.MTC,
            Service.TYPE1_AE);

    private NetworkCheck() {
    }

    /** Population-weighted distribution of minutes to the nearest site (NaN fields when no site offers it). */
    public record Access(double mean, double median, double p95, double max, double shareWithin30,
                         double shareWithin45) {
    }

    public record ConfigurationSummary(String name, RoutingProtocol protocol, int openSites,
                                       Map<Service, Integer> sitesByService, int vehicles,
                                       Map<Service, Access> access) {
    }

    public record Report(BaseNetwork base, List<ConfigurationSummary> configurations) {
    }

    /**
     * Loads the base network and every named configuration (all in {@code configurations/} when the list is
     * empty); throws one {@link InputException} listing every problem found.
     */
    public static Report check(Path dir, List<String> configurations) {
        BaseNetwork base = NetworkLoader.loadBase(dir);
        List<String> names = configurations.isEmpty() ? NetworkLoader.configurations(dir) : configurations;
        List<InputProblem> problems = new ArrayList<>();
        List<ConfigurationSummary> out = new ArrayList<>();
        for (String name : names) {
            Network n = Configurations.apply(base, name, problems);
            if (n != null) {
                out.add(summarise(n));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Report(base, out);
    }

    public static ConfigurationSummary summarise(Network n) {
        Map<Service, Integer> bySite = new EnumMap<>(Service.class);
        int open = 0;
        for (Site s : n.sites()) {
            open += s.open() ? 1 : 0;
            for (Service v : s.services()) {
                bySite.merge(v, 1, Integer::sum);
            }
        }
        Map<Service, Access> access = new EnumMap<>(Service.class);
        for (Service s : SUMMARY_SERVICES) {
            access.put(s, access(n, s, OFF_PEAK_HOUR, TravelTimes.Mode.BLUE_LIGHT));
        }
        return new ConfigurationSummary(n.configuration(), n.protocol(), open, bySite, n.totalVehicles(), access);
    }

    /** Minutes from each zone to the nearest open site offering {@code service} at that hour and mode (+inf if none). */
    public static double[] nearestMinutes(Network n, Service service, int hourOfWeek, TravelTimes.Mode mode) {
        double[] out = new double[n.zones().size()];
        java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
        for (Site s : n.sites()) {
            if (!s.offers(service)) {
                continue;
            }
            for (int z = 0; z < out.length; z++) {
                out[z] = Math.min(out[z], n.travel().zoneToSite(z, s.index(), hourOfWeek, mode));
            }
        }
        return out;
    }

    public static Access access(Network n, Service service, int hourOfWeek, TravelTimes.Mode mode) {
        double[] minutes = nearestMinutes(n, service, hourOfWeek, mode);
        double[] weights = n.zones().stream().mapToDouble(Zone::population).toArray();
        return weighted(minutes, weights);
    }

    /** Weighted mean, median, 95th percentile, maximum and shares within 30 and 45 minutes. */
    static Access weighted(double[] values, double[] weights) {
        int n = values.length;
        double total = 0;
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double w30 = 0;
        double w45 = 0;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (!Double.isFinite(values[i])) {
                return new Access(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            total += weights[i];
            sum += weights[i] * values[i];
            max = Math.max(max, values[i]);
            w30 += values[i] <= 30 ? weights[i] : 0;
            w45 += values[i] <= 45 ? weights[i] : 0;
        }
        if (n == 0 || total <= 0) {
            return new Access(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        return new Access(sum / total, quantile(order, values, weights, total, 0.5),
                quantile(order, values, weights, total, 0.95), max, w30 / total, w45 / total);
    }

    /** The smallest value whose cumulative weight reaches q of the total. */
    private static double quantile(Integer[] order, double[] values, double[] weights, double total, double q) {
        double run = 0;
        for (Integer i : order) {
            run += weights[i];
            if (run >= q * total - 1e-9 * total) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }

    /** The human-readable summary printed by {@code acuteflow network check}. */
    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        BaseNetwork b = r.base();
        double pop = b.zones().stream().mapToDouble(Zone::population).sum();
        double strokes = b.zones().stream().mapToDouble(Zone::strokeAdmissionsPerYear).sum();
        sb.append(String.format(Locale.ROOT, "network %s (%s): valid%n", b.name(), b.dir()));
        sb.append(String.format(Locale.ROOT, "  zones %d, population %,.0f, stroke admissions/yr %,.0f%n",
                b.zones().size(), pop, strokes));
        int measured = 0;
        RoadTravelTimes t = b.travel();
        for (int z = 0; z < t.zoneCount(); z++) {
            for (int s = 0; s < t.siteCount(); s++) {
                measured += t.zoneToSiteFromMatrix(z, s) ? 1 : 0;
            }
        }
        sb.append(String.format(Locale.ROOT, "  sites %d, stations %d (%d vehicles), road graph %d nodes / %d edges; "
                        + "zone-to-site times from the travel matrix %d of %d, road-graph estimates the rest%n",
                b.sites().size(), b.stations().size(), b.stations().stream().mapToInt(Station::vehicles).sum(),
                b.graph().nodeCount(), b.graph().edgeCount(), measured, t.zoneCount() * t.siteCount()));
        Map<Service, Integer> base = new EnumMap<>(Service.class);
        b.sites().forEach(s -> s.services().forEach(v -> base.merge(v, 1, Integer::sum)));
        sb.append("  sites by service in the data: ").append(bySite(base)).append(System.lineSeparator());
        for (ConfigurationSummary c : r.configurations()) {
            sb.append(String.format(Locale.ROOT, "configuration %s: %d open sites, %d vehicles, stroke %s, trauma %s%s%n",
                    c.name(), c.openSites(), c.vehicles(), c.protocol().stroke().name().toLowerCase(Locale.ROOT),
                    c.protocol().trauma().name().toLowerCase(Locale.ROOT),
                    c.protocol().trauma() == RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD
                            ? String.format(Locale.ROOT, " (%.0f min)", c.protocol().mtcThresholdMinutes()) : ""));
            sb.append("  sites by service: ").append(bySite(c.sitesByService())).append(System.lineSeparator());
            ProviderNetworks pn = c.protocol().providerNetworks();
            if (pn != null) {
                sb.append("  provider networks").append(pn.restrict() ? ", routing within them" + (Double.isInfinite(
                        pn.borderMinutes()) ? " (no exception)" : String.format(Locale.ROOT,
                        " (specialist units across a border when over %.0f min nearer)", pn.borderMinutes()))
                        : " (routing not restricted)").append(':');
                for (int k = 0; k < pn.names().size(); k++) {
                    final int n = k;
                    sb.append(' ').append(pn.names().get(k)).append(' ')
                            .append(java.util.Arrays.stream(pn.zoneNetwork()).filter(x -> x == n).count()).append(" zones ")
                            .append(java.util.Arrays.stream(pn.siteNetwork()).filter(x -> x == n).count()).append(" sites;");
                }
                sb.append(System.lineSeparator());
            }
            sb.append("  population-weighted blue-light minutes to the nearest site, Tuesday 11:00:").append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "    %-11s %6s %6s %6s %6s %8s %8s%n", "service", "mean", "median", "p95",
                    "max", "<=30min", "<=45min"));
            for (Service s : SUMMARY_SERVICES) {
                Access a = c.access().get(s);
                if (Double.isNaN(a.mean())) {
                    sb.append(String.format(Locale.ROOT, "    %-11s none open%n", s.key()));
                } else {
                    sb.append(String.format(Locale.ROOT, "    %-11s %6.1f %6.1f %6.1f %6.1f %7.1f%% %7.1f%%%n", s.key(),
                            a.mean(), a.median(), a.p95(), a.max(), 100 * a.shareWithin30(), 100 * a.shareWithin45()));
                }
            }
        }
        return sb.toString();
    }

    private static String bySite(Map<Service, Integer> m) {
        StringBuilder sb = new StringBuilder();
        for (Service s : Service.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.key()).append(' ').append(m.getOrDefault(s, 0));
        }
        return sb.toString();
    }
}
