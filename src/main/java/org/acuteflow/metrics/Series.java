package org.acuteflow.metrics;

/**
 * One series (an array per replication) a replication writes, declared once in {@link Metrics}: its name, its
 * cells (how many and what an index means), its definition and its pathway.
 */
public record Series(String name, String cells, String definition, String pathway) {

    /** The member of a family ({@code psa.<metric>}) whose placeholder is {@code value}. */
    public String of(String value) {
        return FamilyName.member(name, value, "series");
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
