package org.acuteflow.optimise;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.acuteflow.config.SourceMap;
import org.acuteflow.network.Service;

/**
 * A loaded, validated location problem file: where to place (or which to keep of) one service's units, under
 * which objective and constraints, and how the simulation re-scores the shortlist. See
 * {@code experiments/README.md} ("Location problems") for the file format.
 *
 * @param file               the problem file
 * @param sha256             hex SHA-256 of the file's bytes
 * @param networkDir         network folder
 * @param baseConfiguration  configuration every layout starts from
 * @param service            the service placed
 * @param companions         services opened and closed together with it (e.g. thrombolysis with a HASU)
 * @param candidates         sites that may offer the service; k counts the open ones
 * @param fixedOpen          sites that must offer it
 * @param fixedClosed        sites that must not
 * @param kMin               smallest k solved
 * @param kMax               largest k solved
 * @param objective          what the solver optimises
 * @param maxMinutes         every zone within this many base minutes of an open unit, or NaN for none
 * @param capacity           beds-derived capacity per unit, or null
 * @param providerNetworks   at least m units per provider network, or null
 * @param aggregationKm      zones are grouped into square cells of this size for cost objectives (0: none)
 * @param pool               number of best distinct layouts listed (and re-scored) at the selection k
 * @param compare            named layouts the report compares with the optimum (e.g. the 2010 choice)
 * @param selection          how the simulation selects among the pool
 * @param parameters         model parameters in force (defaults merged with the problem's parameters)
 * @param parameterSources   where each parameter was written
 * @param sources            where each field of the file was written
 */
public record LocationProblem(String name, String description, Path file, String sha256, Path networkDir,
                              String baseConfiguration, Service service, List<Service> companions,
                              List<String> candidates, List<String> fixedOpen, List<String> fixedClosed, int kMin,
                              int kMax, Objective objective, double maxMinutes, Capacity capacity,
                              ProviderNetworks providerNetworks, double aggregationKm, int pool,
                              Map<String, List<String>> compare, Selection selection, JsonNode parameters,
                              SourceMap parameterSources, SourceMap sources) {

    /** Objective types, as written in files. */
    public enum ObjectiveType {
        /** Demand-weighted mean travel minutes to the nearest open unit (p-median). */
        P_MEDIAN,
        /** Demand within {@code within_minutes} of an open unit (maximal covering). */
        MAX_COVERING,
        /** Expected deaths per year from travel, linearised from the outcome model's travel effect. */
        EXPECTED_OUTCOME
    }

    /** Zone weights, as written in files. */
    public enum Weight {
        STROKE_ADMISSIONS,
        POPULATION,
        POPULATION_65PLUS
    }

    /**
     * @param type                     objective type
     * @param weight                   which zone column weighs demand
     * @param withinMinutes            coverage threshold in base minutes (max_covering)
     * @param patientsPerWeightPerYear patients per year per unit of weight (expected_outcome and capacity)
     * @param treatedShare             share of the service's patients whose outcome depends on time to treatment
     *                                 (expected_outcome for stroke services: the thrombolysis rate)
     */
    public record Objective(ObjectiveType type, Weight weight, double withinMinutes, double patientsPerWeightPerYear,
                            double treatedShare) {
    }

    /**
     * Patients per year a unit can take: beds x occupancy x 365 / length of stay.
     *
     * @param defaultBeds       beds of a unit whose site has no bed count for the service
     * @param lengthOfStayDays  mean length of stay in the unit
     * @param occupancy         target mean occupancy (0, 1]
     */
    public record Capacity(int defaultBeds, double lengthOfStayDays, double occupancy) {
        public double patientsPerYear(int beds) {
            return beds * occupancy * 365.0 / lengthOfStayDays;
        }
    }

    /**
     * @param file    CSV of areas (column {@code name}, matching the zones' {@code area}) to networks
     * @param column  the column naming each area's network
     * @param min     open units required in every network
     */
    public record ProviderNetworks(Path file, String column, int min) {
    }

    /**
     * Simulation re-scoring of the pool with the Kim and Nelson (2001) fully sequential procedure.
     *
     * @param k                k whose pool is simulated
     * @param metric           replication metric to minimise (e.g. {@code deaths_total})
     * @param indifference     indifference-zone parameter delta, in the metric's units
     * @param probability      probability of correct selection 1 - alpha
     * @param firstStage       first-stage replications n0 of every layout
     * @param maxReplications  cap on replications per layout (the guarantee holds only if the cap is not hit)
     * @param days             simulated days per replication after warm-up
     * @param warmupDays       warm-up days
     * @param seed             base seed: replication r of every layout uses substream r (common random numbers)
     */
    public record Selection(int k, String metric, double indifference, double probability, int firstStage,
                            int maxReplications, double days, double warmupDays, long seed) {
    }
}
