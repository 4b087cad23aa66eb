package org.acuteflow.demand;

/**
 * What a pathway keeps on a patient beyond the common record (stroke: onset known, eligibility, scan and needle
 * times, stays...). Only patients of that pathway carry one, so the common record stays small.
 */
public interface PathwayState {
    /**
     * The value this state writes in the patients file's column {@code name}, or null when the column is not its
     * own (the file then writes the column's default).
     */
    default String column(String name) {
        return null;
    }
}
