package org.acuteflow.cluster;

import java.util.ArrayList;
import java.util.List;
import org.acuteflow.config.InputException;
import org.acuteflow.config.Problems;

/**
 * How to reach a cluster: its name (every member and client must give the same one) and the addresses of its
 * members. Only these addresses are contacted: multicast and cloud discovery are off.
 *
 * @param name    the cluster name; members with another name never join
 * @param members host:port of members to contact (some of them are enough to find the rest)
 */
public record ClusterSettings(String name, List<String> members) {

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /**
     * Checks a cluster name and a comma-separated list of host:port; every problem is reported at once, naming
     * the option it came from.
     */
    public static ClusterSettings parse(String name, String memberList) {
        Problems problems = Problems.forFile("command line");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add("--cluster", "must name the cluster (letters, digits, '.', '_' or '-', at most 64), got '"
                    + name + "'");
        }
        List<String> members = new ArrayList<>();
        if (memberList == null || memberList.isBlank()) {
            problems.add("--members", "must list at least one member as HOST:PORT (comma-separated)");
        } else {
            for (String raw : memberList.split(",")) {
                String m = raw.trim();
                String problem = addressProblem(m);
                if (problem != null) {
                    problems.add("--members", problem);
                } else {
                    members.add(m);
                }
            }
        }
        problems.throwIfAny();
        return new ClusterSettings(name, members);
    }

    /** Why {@code hostPort} is not HOST:PORT with a port in 1..65535, or null when it is. */
    static String addressProblem(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            return "'" + hostPort + "' is not HOST:PORT (e.g. 127.0.0.1:5701)";
        }
        String host = hostPort.substring(0, colon);
        if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return "'" + hostPort + "' has an invalid host '" + host + "'";
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                return "'" + hostPort + "' has port " + port + ", outside 1..65535";
            }
        } catch (NumberFormatException e) {
            return "'" + hostPort + "' has a port that is not a number";
        }
        return null;
    }

    /** Throws the input problem for a port option outside 1..65535. */
    public static void checkPort(String option, int port) {
        if (port < 1 || port > 65_535) {
            throw InputException.of("command line", 0, option, "must be a port in 1..65535, got " + port);
        }
    }
}
