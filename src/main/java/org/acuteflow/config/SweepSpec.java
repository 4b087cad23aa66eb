package org.acuteflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Generates scenarios instead of listing them: one per site closure, one per point of a parameter grid, or
 * their product. The unmodified configuration is always the first generated scenario and the baseline.
 *
 * @param configuration     the network configuration every generated scenario starts from
 * @param closeEach         a service (e.g. {@code type1_ae}, {@code hasu}): one scenario per open site offering
 *                          it, or empty for no closures
 * @param closeServiceOnly  true: withdraw only that service at the site; false: close the whole site
 * @param sites             when not empty, only these sites are closed in turn (e.g. the sites inside the
 *                          region, not the border units that also offer the service)
 * @param grid              parameter path (dotted, under parameters) to the values to try
 */
public record SweepSpec(String configuration, String closeEach, boolean closeServiceOnly, List<String> sites,
                        Map<String, List<JsonNode>> grid) {

    public SweepSpec {
        sites = sites == null ? List.of() : List.copyOf(sites);
        grid = grid == null ? Map.of() : new java.util.TreeMap<>(grid);
    }
}
