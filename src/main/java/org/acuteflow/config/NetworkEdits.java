package org.acuteflow.config;

import java.util.List;

/**
 * Changes a scenario makes to its network configuration without a configuration file of its own: closing
 * whole sites, or closing or opening single services at a site (used by closure sweeps and quick what-ifs).
 *
 * @param closeSites    site ids to close entirely
 * @param closeServices services to withdraw, as site and service
 * @param openServices  services to add, as site and service
 */
public record NetworkEdits(List<String> closeSites, List<SiteService> closeServices, List<SiteService> openServices) {
    public static final NetworkEdits NONE = new NetworkEdits(List.of(), List.of(), List.of());

    public NetworkEdits {
        closeSites = List.copyOf(closeSites);
        closeServices = List.copyOf(closeServices);
        openServices = List.copyOf(openServices);
    }

    /** One service at one site, written {@code {site: ID, service: hasu}}. */
    public record SiteService(String site, String service) {
    }

    public boolean isEmpty() {
        return closeSites.isEmpty() && closeServices.isEmpty() && openServices.isEmpty();
    }
}
