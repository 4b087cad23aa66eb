package org.acuteflow.network;

import java.util.Locale;

/**
 * Parses the hour-of-week sets written in network and configuration files: a mapping from days to hour
 * ranges, e.g. {@code {mon-fri: "08-18", sat-sun: "10-14"}}. Days are {@code mon..sun}, single or as a range
 * ({@code mon-fri}, {@code fri-mon} wraps); hours are {@code HH-HH} with the end exclusive and {@code 24}
 * meaning midnight, several ranges separated by commas ({@code "00-06,22-24"}); a range may not wrap past
 * midnight (write two). Hour of week = weekday (Monday = 0) * 24 + hour.
 */
final class WeekHours {
    static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private WeekHours() {
    }

    /** Days named by {@code key}: flags for Monday..Sunday. */
    static boolean[] days(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        boolean[] out = new boolean[7];
        int dash = k.indexOf('-');
        if (dash < 0) {
            out[day(k)] = true;
            return out;
        }
        int from = day(k.substring(0, dash));
        int to = day(k.substring(dash + 1));
        for (int d = from; ; d = (d + 1) % 7) {
            out[d] = true;
            if (d == to) {
                break;
            }
        }
        return out;
    }

    private static int day(String s) {
        String t = s.trim();
        for (int i = 0; i < 7; i++) {
            if (DAYS[i].equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown day '" + s + "'; use mon, tue, wed, thu, fri, sat, sun or a range like mon-fri");
    }

    /** Hours of the day named by {@code spec}: flags for 0..23. */
    static boolean[] hours(String spec) {
        boolean[] out = new boolean[24];
        String s = spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : s.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("hour range '" + p + "' must look like 08-18");
            }
            int from = hour(p.substring(0, dash));
            int to = hour(p.substring(dash + 1));
            if (from >= to) {
                throw new IllegalArgumentException("hour range '" + p + "' must end after it starts; split a range "
                        + "past midnight in two, e.g. 00-08,20-24");
            }
            for (int h = from; h < to; h++) {
                out[h] = true;
            }
        }
        return out;
    }

    private static int hour(String s) {
        try {
            int h = Integer.parseInt(s.trim());
            if (h < 0 || h > 24) {
                throw new IllegalArgumentException("hour " + s.trim() + " must be between 0 and 24");
            }
            return h;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read hour '" + s.trim() + "'; write two digits, e.g. 08");
        }
    }
}
