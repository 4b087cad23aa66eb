package org.acuteflow.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network folder as loaded, before any configuration: zones, the physical sites with the services and beds
 * their data columns give, stations, named cover profiles and the precomputed travel times (the expensive
 * part, cached by {@link NetworkLoader}). Immutable and shared.
 */
public final class BaseNetwork {
    /** A site as {@code sites.csv} describes it; {@code line} is its row, for messages. */
    public record SiteDef(int index, String id, String name, double lat, double lon, Set<Service> services,
                          Map<Service, Integer> beds, int line) {
        public SiteDef {
            services = Set.copyOf(services);
            beds = Map.copyOf(beds);
        }
    }

    /**
     * GeoJSON polygons for maps, named under {@code boundaries:} in network.yaml; either may be null (then maps
     * use {@link Boundaries#derive derived} cells). The model never reads them.
     */
    public record BoundaryFiles(Path zones, Path areas) {
    }

    private final String name;
    private final String description;
    private final Path dir;
    private final String sitesFile;
    private final String stationsFile;
    private final List<Zone> zones;
    private final List<SiteDef> sites;
    private final List<Station> stations;
    private final Map<String, Integer> siteIndex;
    private final Map<String, Integer> stationIndex;
    private final Map<String, CoverSchedule> coverProfiles;
    private final RoadTravelTimes travel;
    private final RoadGraph graph;
    private final TripCurve tripCurve;
    private final BoundaryFiles boundaryFiles;

    BaseNetwork(String name, String description, Path dir, String sitesFile, String stationsFile, List<Zone> zones,
                List<SiteDef> sites, List<Station> stations, Map<String, Integer> siteIndex,
                Map<String, Integer> stationIndex, Map<String, CoverSchedule> coverProfiles, RoadTravelTimes travel,
                RoadGraph graph, TripCurve tripCurve, BoundaryFiles boundaryFiles) {
        this.name = name;
        this.description = description;
        this.dir = dir;
        this.sitesFile = sitesFile;
        this.stationsFile = stationsFile;
        this.zones = List.copyOf(zones);
        this.sites = List.copyOf(sites);
        this.stations = List.copyOf(stations);
        this.siteIndex = Map.copyOf(siteIndex);
        this.stationIndex = Map.copyOf(stationIndex);
        this.coverProfiles = Map.copyOf(coverProfiles);
        this.travel = travel;
        this.graph = graph;
        this.tripCurve = tripCurve;
        this.boundaryFiles = boundaryFiles;
    }

    public BoundaryFiles boundaryFiles() {
        return boundaryFiles;
    }


    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Path dir() {
        return dir;
    }

    public String sitesFile() {
        return sitesFile;
    }

    public String stationsFile() {
        return stationsFile;
    }

    public List<Zone> zones() {
        return zones;
    }

    public List<SiteDef> sites() {
        return sites;
    }

    public List<Station> stations() {
        return stations;
    }

    /** Index of the site with this id or hospital name (ignoring case and punctuation; {@link SiteNames}), or -1. */
    public int findSite(String idOrName) {
        String id = SiteNames.resolve(idOrName, SiteNames.ofDefs(sites));
        return id == null ? -1 : siteIndex(id);
    }

    /** "unknown site 'x'; did you mean ...?" for text that {@link #findSite} does not find. */
    public String unknownSite(String idOrName) {
        return SiteNames.unknown(idOrName, SiteNames.ofDefs(sites)) + " (" + sitesFile() + " has the ids and names)";
    }

    /** "; did you mean 'X'?" for a station id that is not one of this network's, or "". */
    public String stationHint(String id) {
        return org.acuteflow.config.Suggest.didYouMean(id, stationIndex.keySet());
    }

    /** Site index for an id, or -1. */
    public int siteIndex(String id) {
        return siteIndex.getOrDefault(id, -1);
    }

    /** Station index for an id, or -1. */
    public int stationIndex(String id) {
        return stationIndex.getOrDefault(id, -1);
    }

    /** Cover profiles defined in network.yaml, by name. */
    public Map<String, CoverSchedule> coverProfiles() {
        return coverProfiles;
    }

    public RoadTravelTimes travel() {
        return travel;
    }

    /** The road graph; its nodes are the zones (0..Z-1), then the sites, then the stations. */
    public RoadGraph graph() {
        return graph;
    }

    /** Graph node of site {@code site}. */
    public int siteNode(int site) {
        return zones.size() + site;
    }

    /** The trip curve when the network times trips by path length (graph_times: trip_curve), else null. */
    public TripCurve tripCurve() {
        return tripCurve;
    }
}
