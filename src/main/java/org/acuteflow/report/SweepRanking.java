package org.acuteflow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.acuteflow.config.Experiment;
import org.acuteflow.experiment.ExperimentResults;
import org.acuteflow.experiment.Statistics;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.network.Csv;

/**
 * ranking.csv for sweeps: every generated scenario against the unmodified base, paired by replication, ranked
 * by extra deaths per year (most harmful first); ties broken by extra travel minutes, then name.
 */
public final class SweepRanking {
    /** Deaths of all conditions per year: the ranking key. */
    public static final String DEATHS = Metrics.DEATHS_TOTAL.name();
    /** Mean scene-to-door minutes of suspected strokes. */
    public static final String TRAVEL = Metrics.STROKE_TRAVEL_MINUTES_MEAN.name();
    /** Mean ambulance response minutes. */
    public static final String RESPONSE = Metrics.AMBULANCE_RESPONSE_MINUTES_MEAN.name();

    /** One ranked scenario. */
    public record Row(String scenario, String description, Statistics.Interval extraDeaths,
                      Statistics.Interval extraTravelMinutes, Statistics.Interval extraResponseMinutes) {
    }

    private SweepRanking() {
    }

    public static List<Row> rank(ExperimentResults results) {
        Experiment e = results.experiment();
        int base = e.baselineIndex();
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < results.scenarios(); s++) {
            if (s == base) {
                continue;
            }
            rows.add(new Row(e.scenarios().get(s).name(), e.scenarios().get(s).description(),
                    paired(results, s, base, DEATHS), paired(results, s, base, TRAVEL),
                    paired(results, s, base, RESPONSE)));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -orZero(r.extraDeaths().mean()))
                .thenComparingDouble(r -> -orZero(r.extraTravelMinutes().mean()))
                .thenComparing(Row::scenario));
        return rows;
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static Statistics.Interval paired(ExperimentResults r, int s, int base, String metric) {
        return Statistics.interval95(Statistics.pairedDifferences(r.values(s, metric), r.values(base, metric)));
    }

    public static void write(ExperimentResults results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("rank,scenario,description,extra_deaths_per_year,extra_deaths_ci95_low,"
                + "extra_deaths_ci95_high,extra_stroke_travel_minutes,extra_stroke_travel_minutes_ci95_low,"
                + "extra_stroke_travel_minutes_ci95_high,extra_response_minutes,extra_response_minutes_ci95_low,"
                + "extra_response_minutes_ci95_high,replications\n");
        int rank = 1;
        for (Row row : rank(results)) {
            sb.append(rank++).append(',').append(Csv.quote(row.scenario())).append(',')
                    .append(Csv.quote(row.description()));
            for (Statistics.Interval ci : List.of(row.extraDeaths(), row.extraTravelMinutes(), row.extraResponseMinutes())) {
                sb.append(',').append(Numbers.format(ci.mean())).append(',').append(Numbers.format(ci.low()))
                        .append(',').append(Numbers.format(ci.high()));
            }
            sb.append(',').append(row.extraDeaths().n()).append('\n');
        }
        Files2.writeString(file, sb.toString());
    }
}
