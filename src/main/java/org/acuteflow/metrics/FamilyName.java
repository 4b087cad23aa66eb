package org.acuteflow.metrics;

/**
 * The one rule for names with a placeholder in angle brackets ({@code site_admissions_per_year.<site_id>}), shared
 * by {@link Metric} and {@link Series}: the placeholder runs from the first '<' to the last '>'.
 */
final class FamilyName {
    private FamilyName() {
    }

    /** The member of the family {@code name} whose placeholder is {@code value}; {@code what} names the kind. */
    static String member(String name, String value, String what) {
        int from = name.indexOf('<');
        int to = name.lastIndexOf('>');
        if (from < 0 || to < from) {
            throw new IllegalStateException(name + " is not a family of " + what);
        }
        return name.substring(0, from) + value + name.substring(to + 1);
    }

    /** The name up to its placeholder (the whole name when it has none). */
    static String prefix(String name) {
        int from = name.indexOf('<');
        return from < 0 ? name : name.substring(0, from);
    }

    /** The name after its placeholder; empty when the placeholder ends the name or there is none. */
    static String suffix(String name) {
        int to = name.lastIndexOf('>');
        return to < 0 ? "" : name.substring(to + 1);
    }
}
