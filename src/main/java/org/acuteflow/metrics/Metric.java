package org.acuteflow.metrics;

/**
 * One metric a replication writes, declared once in {@link Metrics}: its name as in the CSV files, its unit, its
 * definition (the data dictionary's wording) and the pathway it belongs to ({@link Metrics#ALL} for metrics of the
 * whole system). A name with a placeholder in angle brackets ({@code site_admissions_per_year.<site_id>}) stands
 * for a family of metrics; {@link #of} names one member.
 */
public record Metric(String name, String unit, String definition, String pathway) {

    /** True for a family of metrics, whose name holds a placeholder such as {@code <site_id>}. */
    public boolean isFamily() {
        return name.indexOf('<') >= 0;
    }

    /** The member of a family whose placeholder (from the first '<' to the last '>') is {@code value}. */
    public String of(String value) {
        return FamilyName.member(name, value, "metrics");
    }

    /** The metric of the patients whose onset fell in {@code slice} (for the sliced death counts). */
    public String in(Slice slice) {
        return name + slice.suffix();
    }

    /** A family's name up to its placeholder ({@code "sensitivity."} of {@code sensitivity.<coefficient>...}). */
    public String prefix() {
        return FamilyName.prefix(name);
    }

    /** A family's name after its placeholder; empty when the placeholder ends the name. */
    public String suffix() {
        return FamilyName.suffix(name);
    }
}
