package org.acuteflow.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.acuteflow.config.Suggest;

/**
 * Finds a site by its id or its hospital name (ignoring case), so that people can write "St Thomas' Hospital"
 * where the data uses a postcode id; a near miss gets "did you mean" suggestions.
 */
public final class SiteNames {
    /** An id or name further than this many edits from every site gets no suggestion. */
    private static final int MAX_SUGGESTION_DISTANCE = 6;

    private SiteNames() {
    }

    /** A site's id and name (both forms of site in the network package have them). */
    public record Named(String id, String name) {
    }

    /** The id of the site whose id or name is {@code text} (case-insensitive), or null when none matches. */
    public static String resolve(String text, List<Named> sites) {
        if (text == null) {
            return null;
        }
        for (Named s : sites) {
            if (s.id().equals(text)) {
                return s.id();
            }
        }
        String wanted = normal(text);
        for (Named s : sites) {
            if (normal(s.id()).equals(wanted) || normal(s.name()).equals(wanted)) {
                return s.id();
            }
        }
        return null;
    }

    /** "unknown site 'x'; did you mean ..." with up to three nearest ids or names. */
    public static String unknown(String text, List<Named> sites) {
        String wanted = normal(text == null ? "" : text);
        record Scored(Named site, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Named s : sites) {
            String name = normal(s.name());
            int d = Math.min(Suggest.distance(wanted, normal(s.id())), Suggest.distance(wanted, name));
            // Against the start of the name too: "kings colege" is near "King's College Hospital".
            d = Math.min(d, Suggest.distance(wanted, name.substring(0, Math.min(name.length(), wanted.length()))));
            // A name that contains what was written (e.g. "kings" in "King's College Hospital") is near too.
            if (!wanted.isEmpty() && normal(s.name()).contains(wanted)) {
                d = Math.min(d, 1);
            }
            scored.add(new Scored(s, d));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(x -> x.site().id()));
        List<String> near = new ArrayList<>();
        for (Scored s : scored) {
            if (near.size() == 3 || s.distance() > MAX_SUGGESTION_DISTANCE) {
                break;
            }
            near.add(s.site().id() + " (" + s.site().name() + ")");
        }
        String m = "unknown site '" + text + "'";
        return near.isEmpty() ? m + "; 'acuteflow network sites DIR' lists the sites"
                : m + "; did you mean " + String.join(" or ", near) + "?";
    }

    public static List<Named> of(List<Site> sites) {
        return sites.stream().map(s -> new Named(s.id(), s.name())).toList();
    }

    public static List<Named> ofDefs(List<BaseNetwork.SiteDef> sites) {
        return sites.stream().map(s -> new Named(s.id(), s.name())).toList();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
