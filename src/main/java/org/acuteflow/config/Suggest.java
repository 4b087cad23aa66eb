package org.acuteflow.config;

import java.util.Collection;

/** "Did you mean" hints for misspelt ids, keys and names: the closest known word by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * {@code "; did you mean 'x'?"} when one known word is close to {@code given} (at most a third of its
     * letters differ, ignoring case), else "".
     */
    public static String didYouMean(String given, Collection<String> known) {
        if (given == null || given.isEmpty() || given.length() > 200) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (k == null || k.equals(given) || Math.abs(k.length() - given.length()) > bestDistance) {
                continue;
            }
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(given.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each count 1. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
