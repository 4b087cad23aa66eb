package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Csv;
import org.acuteflow.network.Network;
import org.acuteflow.network.Zone;

/**
 * borough_summary.csv: the zones of each area (zones.csv's {@code area}; for London the borough) summed, per
 * scenario: residents, observed stroke admissions (the demand weight), the admission-weighted mean stroke travel
 * time, and the model's expected deaths per year with their rate per 100,000 residents. Values are means over
 * replications of per-zone series, so they carry no interval. Rows in scenario order, then areas in order of
 * first appearance in zones.csv.
 */
public final class BoroughSummary {
    static final String HEADER = "scenario,area,zones,population,population_65_plus,"
            + "stroke_admissions_per_year_observed,stroke_travel_minutes_mean,expected_deaths_per_year,"
            + "expected_stroke_deaths_per_year,deaths_per_100000,stroke_deaths_per_100000\n";

    private BoroughSummary() {
    }

    /** One area's sums for one scenario. */
    static final class Area {
        int zones;
        double population;
        double population65;
        double admissions;
        double travelWeighted;
        double travelWeight;
        double deaths;
        double strokeDeaths;
    }

    /** @return false (and writes nothing) when no scenario has a network */
    public static boolean write(ExperimentResults results, Path file) throws IOException {
        Experiment e = results.experiment();
        StringBuilder sb = new StringBuilder(HEADER);
        boolean any = false;
        for (int s = 0; s < results.scenarios(); s++) {
            Network net = results.model(s).network();
            if (net == null) {
                continue;
            }
            any = true;
            String name = Csv.quote(e.scenarios().get(s).name());
            for (Map.Entry<String, Area> a : sum(net, results.seriesMean(s, Metrics.SERIES_ZONE_STROKE_TRAVEL_MINUTES_BASE.name()),
                    results.seriesMean(s, Metrics.SERIES_ZONE_EXPECTED_DEATHS.name()),
                    results.seriesMean(s, Metrics.SERIES_ZONE_EXPECTED_STROKE_DEATHS.name())).entrySet()) {
                Area v = a.getValue();
                sb.append(name).append(',').append(Csv.quote(a.getKey())).append(',').append(v.zones).append(',')
                        .append(Numbers.format(v.population)).append(',').append(Numbers.format(v.population65))
                        .append(',').append(Numbers.format(v.admissions)).append(',')
                        .append(Numbers.format(v.travelWeight > 0 ? v.travelWeighted / v.travelWeight : Double.NaN))
                        .append(',').append(Numbers.format(v.deaths)).append(',').append(Numbers.format(v.strokeDeaths))
                        .append(',').append(Numbers.format(per100k(v.deaths, v.population))).append(',')
                        .append(Numbers.format(per100k(v.strokeDeaths, v.population))).append('\n');
            }
        }
        if (any) {
            Files2.writeString(file, sb.toString());
        }
        return any;
    }

    static Map<String, Area> sum(Network net, double[] travel, double[] deaths, double[] strokeDeaths) {
        Map<String, Area> areas = new LinkedHashMap<>();
        for (Zone z : net.zones()) {
            Area a = areas.computeIfAbsent(z.area() == null || z.area().isBlank() ? "(none)" : z.area(),
                    k -> new Area());
            int i = z.index();
            a.zones++;
            a.population += z.population();
            a.population65 += z.population65Plus();
            a.admissions += z.strokeAdmissionsPerYear();
            double t = at(travel, i);
            if (Double.isFinite(t) && z.strokeAdmissionsPerYear() > 0) {
                a.travelWeighted += t * z.strokeAdmissionsPerYear();
                a.travelWeight += z.strokeAdmissionsPerYear();
            }
            a.deaths += orZero(at(deaths, i));
            a.strokeDeaths += orZero(at(strokeDeaths, i));
        }
        return areas;
    }

    private static double per100k(double deaths, double population) {
        return population > 0 ? deaths / population * 100_000 : Double.NaN;
    }

    private static double at(double[] series, int i) {
        return series == null || i >= series.length ? Double.NaN : series[i];
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
