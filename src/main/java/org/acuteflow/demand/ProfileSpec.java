package org.acuteflow.demand;

/**
 * A weekly arrival profile as written in parameter files: the product of an hour-of-day shape and a
 * day-of-week shape (relative weights, any scale).
 *
 * @param hourOfDay 24 weights, hour 0 = 00:00-00:59
 * @param dayOfWeek 7 weights, Monday first
 */
public record ProfileSpec(double[] hourOfDay, double[] dayOfWeek) {

    public WeeklyProfile toProfile() {
        return WeeklyProfile.ofProduct(hourOfDay, dayOfWeek);
    }

    void validate(org.acuteflow.config.Problems p, String path) {
        cells(p, path + ".hour_of_day", hourOfDay, 24);
        cells(p, path + ".day_of_week", dayOfWeek, 7);
    }

    /**
     * Weights are relative, so any scale will do; bounds keep the 168 products of hour and day weights and their
     * sum finite and positive (the arrival process divides by them).
     */
    static final double MAX_WEIGHT = 1e6;
    static final double MIN_POSITIVE_WEIGHT = 1e-6;

    private static void cells(org.acuteflow.config.Problems p, String path, double[] values, int n) {
        if (values.length != n) {
            p.add(path, "must have exactly " + n + " cells, got " + values.length);
            return;
        }
        double sum = 0;
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            String cell = path + "[" + i + "]";
            if (p.inRange(cell, values[i], 0, MAX_WEIGHT) && values[i] > 0 && values[i] < MIN_POSITIVE_WEIGHT) {
                p.add(cell, "must be 0 or at least " + MIN_POSITIVE_WEIGHT + " (weights are relative: scale them all "
                        + "up), got " + values[i]);
                ok = false;
            }
            ok &= Double.isFinite(values[i]) && values[i] >= 0 && values[i] <= MAX_WEIGHT;
            sum += values[i];
        }
        if (ok && !(sum > 0)) {
            p.add(path, "must have at least one positive cell");
        }
    }
}
