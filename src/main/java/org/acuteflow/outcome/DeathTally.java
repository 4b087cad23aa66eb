package org.acuteflow.outcome;

import java.util.Objects;
import java.util.function.ObjDoubleConsumer;
import org.acuteflow.demand.Condition;
import org.acuteflow.metrics.Metrics;
import org.acuteflow.sim.WeekTime;

/**
 * Accumulates one replication's deaths: expected deaths (the sum of the patients' probabilities, the low-variance
 * estimator) and sampled deaths (the count of Bernoulli draws), by group of conditions, weekday or weekend and
 * hour band, and writes them as per-year metrics.
 *
 * <p>Groups and the metric names they write ({@link #writeTo}):
 * <ul>
 * <li>{@code stroke_deaths_90d}: ischaemic and haemorrhagic strokes only. Mimics never count here.</li>
 * <li>{@code trauma_deaths}: major trauma, in hospital.</li>
 * <li>{@code emergency_deaths_30d}: medical and surgical emergencies.</li>
 * <li>{@code mimic_deaths_30d}: stroke mimics (their 30-day emergency risk).</li>
 * <li>{@code deaths_total}: all of the above (horizons differ by group: 90 days, in hospital, 30 days).</li>
 * </ul>
 * Each group writes, per year of simulated time: {@code NAME} (expected), {@code NAME_sampled},
 * {@code NAME_weekday}, {@code NAME_weekend}, {@code NAME_hours_00_08}, {@code NAME_hours_08_18},
 * {@code NAME_hours_18_24} (expected). Ratios of expected deaths to patients, not per year:
 * {@code stroke_mortality_90d}, {@code trauma_mortality}, {@code emergency_mortality_30d},
 * {@code mimic_mortality_30d} (NaN when the group had no patient).
 *
 * <p>Mutable and not thread-safe: one tally belongs to one replication on one thread.
 */
public final class DeathTally {

    /** Groups of conditions whose deaths are reported together. */
    public enum Group {
        STROKE(Metrics.STROKE_DEATHS_90D.name(), Metrics.STROKE_MORTALITY_90D.name()),
        TRAUMA(Metrics.TRAUMA_DEATHS.name(), Metrics.TRAUMA_MORTALITY.name()),
        EMERGENCY(Metrics.EMERGENCY_DEATHS_30D.name(), Metrics.EMERGENCY_MORTALITY_30D.name()),
        MIMIC(Metrics.MIMIC_DEATHS_30D.name(), Metrics.MIMIC_MORTALITY_30D.name());

        private final String deathsMetric;
        private final String mortalityMetric;

        Group(String deathsMetric, String mortalityMetric) {
            this.deathsMetric = deathsMetric;
            this.mortalityMetric = mortalityMetric;
        }

        public String deathsMetric() {
            return deathsMetric;
        }

        public String mortalityMetric() {
            return mortalityMetric;
        }

        public static Group of(Condition condition) {
            if (condition.isStroke()) {
                return STROKE;
            }
            if (Condition.STROKE_MIMIC.equals(condition)) {
                return MIMIC;
            }
            if (Condition.MAJOR_TRAUMA.equals(condition)) {
                return TRAUMA;
            }
            if (Condition.MEDICAL_EMERGENCY.equals(condition) || Condition.SURGICAL_EMERGENCY.equals(condition)) {
                return EMERGENCY;
            }
            throw new IllegalArgumentException("no death group for condition " + condition);
        }
    }

    /** Slices of the week and day over which deaths are also reported. */
    public enum Slice {
        WEEKDAY(Metrics.WEEKDAY),
        WEEKEND(Metrics.WEEKEND),
        HOURS_00_08(Metrics.HOURS_00_08),
        HOURS_08_18(Metrics.HOURS_08_18),
        HOURS_18_24(Metrics.HOURS_18_24);

        private final String suffix;

        Slice(org.acuteflow.metrics.Slice declared) {
            this.suffix = declared.suffix();
        }

        public String suffix() {
            return suffix;
        }

        static Slice hourBand(int hourOfDay) {
            return hourOfDay < 8 ? HOURS_00_08 : hourOfDay < 18 ? HOURS_08_18 : HOURS_18_24;
        }
    }

    /** Name of the all-groups total. */
    public static final String TOTAL = Metrics.DEATHS_TOTAL.name();

    private static final int GROUPS = Group.values().length;
    private static final int SLICES = Slice.values().length;
    private final double[] expected = new double[GROUPS];
    private final double[][] expectedBySlice = new double[GROUPS][SLICES];
    private final long[] sampled = new long[GROUPS];
    private final long[] patients = new long[GROUPS];

    /**
     * Records one patient.
     *
     * @param condition          the patient's condition
     * @param probabilityOfDeath from {@link OutcomeModel#probabilityOfDeath}
     * @param died               the sampled death ({@link OutcomeModel#sampleDeath})
     * @param weekend            the patient's reference time (the caller's choice, e.g. arrival) fell on a Saturday or Sunday
     * @param hourOfDay          hour of that time, 0-23
     */
    public void record(Condition condition, double probabilityOfDeath, boolean died, boolean weekend, int hourOfDay) {
        Objects.requireNonNull(condition, "condition");
        if (!(probabilityOfDeath >= 0 && probabilityOfDeath <= 1)) {
            throw new IllegalArgumentException("probability of death must be in [0, 1], got " + probabilityOfDeath);
        }
        if (hourOfDay < 0 || hourOfDay > 23) {
            throw new IllegalArgumentException("hour of day must be 0-23, got " + hourOfDay);
        }
        int g = Group.of(condition).ordinal();
        patients[g]++;
        expected[g] += probabilityOfDeath;
        expectedBySlice[g][(weekend ? Slice.WEEKEND : Slice.WEEKDAY).ordinal()] += probabilityOfDeath;
        expectedBySlice[g][Slice.hourBand(hourOfDay).ordinal()] += probabilityOfDeath;
        if (died) {
            sampled[g]++;
        }
    }

    /**
     * Records one patient whose reference time is {@code clockMinutes} on the simulation clock (minutes from
     * Monday 00:00 of week 0): Saturday and Sunday are the weekend.
     */
    public void record(Condition condition, double probabilityOfDeath, boolean died, double clockMinutes) {
        if (!(clockMinutes >= 0) || Double.isInfinite(clockMinutes)) {
            throw new IllegalArgumentException("clock must be finite and >= 0 minutes, got " + clockMinutes);
        }
        record(condition, probabilityOfDeath, died, WeekTime.isWeekend(clockMinutes), WeekTime.hourOfDay(clockMinutes));
    }

    public long patients(Group group) {
        return patients[group.ordinal()];
    }

    public double expectedDeaths(Group group) {
        return expected[group.ordinal()];
    }

    public double expectedDeaths(Group group, Slice slice) {
        return expectedBySlice[group.ordinal()][slice.ordinal()];
    }

    public long sampledDeaths(Group group) {
        return sampled[group.ordinal()];
    }

    /** Expected deaths over all groups. */
    public double expectedDeathsTotal() {
        double sum = 0;
        for (double e : expected) {
            sum += e;
        }
        return sum;
    }

    public long sampledDeathsTotal() {
        long sum = 0;
        for (long s : sampled) {
            sum += s;
        }
        return sum;
    }

    /**
     * Writes the metrics listed in the class comment to {@code result} (name, value); counts are divided by
     * {@code simulatedYears} (the measured period, after warm-up).
     */
    public void writeTo(ObjDoubleConsumer<String> result, double simulatedYears) {
        if (!(simulatedYears > 0) || Double.isInfinite(simulatedYears)) {
            throw new IllegalArgumentException("simulated years must be finite and > 0, got " + simulatedYears);
        }
        double[] totalBySlice = new double[SLICES];
        for (Group group : Group.values()) {
            int g = group.ordinal();
            String name = group.deathsMetric();
            result.accept(name, expected[g] / simulatedYears);
            result.accept(name + "_sampled", sampled[g] / simulatedYears);
            for (Slice slice : Slice.values()) {
                result.accept(name + slice.suffix(), expectedBySlice[g][slice.ordinal()] / simulatedYears);
                totalBySlice[slice.ordinal()] += expectedBySlice[g][slice.ordinal()];
            }
        }
        result.accept(TOTAL, expectedDeathsTotal() / simulatedYears);
        result.accept(TOTAL + "_sampled", sampledDeathsTotal() / simulatedYears);
        for (Slice slice : Slice.values()) {
            result.accept(TOTAL + slice.suffix(), totalBySlice[slice.ordinal()] / simulatedYears);
        }
        for (Group group : Group.values()) {
            int g = group.ordinal();
            result.accept(group.mortalityMetric(), patients[g] == 0 ? Double.NaN : expected[g] / patients[g]);
        }
    }
}
