package org.acuteflow.metrics;

/**
 * One series (an array per replication) a replication writes, declared once in {@link Metrics}: its name, its
 * cells (how many and what an index means), its definition and its pathway.
 */
public record Series(String name, String cells, String definition, String pathway) {

    /** The member of a family ({@code psa.<metric>}) whose placeholder is {@code value}. */
    public String of(String value) {
        int from = name.indexOf('<');
        int to = name.lastIndexOf('>');
        if (from < 0 || to < from) {
            throw new IllegalStateException(name + " is not a family of series");
        }
        return name.substring(0, from) + value + name.substring(to + 1);
    }

    /** A family's name up to its placeholder ({@code "sensitivity."} of {@code sensitivity.<coefficient>...}). */
    public String prefix() {
        int from = name.indexOf('<');
        return from < 0 ? name : name.substring(0, from);
    }

    /** A family's name after its placeholder; empty when the placeholder ends the name. */
    public String suffix() {
        int to = name.lastIndexOf('>');
        return to < 0 ? "" : name.substring(to + 1);
    }
}
