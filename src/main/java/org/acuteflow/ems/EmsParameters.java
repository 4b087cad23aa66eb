package org.acuteflow.ems;

import com.fasterxml.jackson.databind.JsonNode;
import org.acuteflow.config.Binder;
import org.acuteflow.config.DistributionSpec;
import org.acuteflow.config.Problems;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.Validated;
import org.acuteflow.demand.DemandClass;

/**
 * The {@code ems:} section of the model parameters.
 *
 * @param fleetScale           multiplies every station's vehicles (rounded to whole vehicles)
 * @param mobilisationMinutes  call to wheels rolling (call handling, triage and mobilisation)
 * @param onSceneMinutes       at scene to leaving scene, by demand class key
 * @param handoverMinutes      arrival at hospital to the crew clearing
 * @param roadKmPerBaseMinute  road kilometres per base (off-peak blue-light) minute, to report distances where
 *                             the network has no road distances of its own
 * @param responseTravelFactor multiplies the travel minutes of the response leg (to the scene) only: it stands
 *                             for the first responders and standby points the model does not represent
 * @param dispatch             key of the dispatch rule ({@link Dispatch#rules()})
 * @param transfersUseFleet    inter-hospital transfers call a fleet vehicle to the site and wait for it (false: a
 *                             vehicle outside the fleet leaves at once)
 * @param responseCarsPerStation rapid-response cars at each ambulance station ({@link ResponseCars}); 0: none
 * @param responseCarClearMinutes a response car's time at the scene after the ambulance has arrived (handing the
 *                             patient over to its crew)
 */
public record EmsParameters(double fleetScale, DistributionSpec mobilisationMinutes, java.util.Map<String, DistributionSpec> onSceneMinutes,
                            DistributionSpec handoverMinutes, double roadKmPerBaseMinute,
                            double responseTravelFactor, String dispatch,
                            boolean transfersUseFleet, int responseCarsPerStation,
                            double responseCarClearMinutes) implements Validated {
    public static final String PATH = "parameters.ems";

    public static EmsParameters from(JsonNode tree, SourceMap sources) {
        return Binder.bindValidated(tree, EmsParameters.class, sources, PATH);
    }

    /** At scene to leaving scene of a patient of class {@code c}; null when the file has none for it. */
    public DistributionSpec onSceneMinutes(DemandClass c) {
        return onSceneMinutes.get(c.key());
    }

    @Override
    public void validate(Problems p, String path) {
        p.inRange(path + ".fleet_scale", fleetScale, 0, 100);
        p.inRange(path + ".road_km_per_base_minute", roadKmPerBaseMinute, 1e-3, 100);
        p.inRange(path + ".response_travel_factor", responseTravelFactor, 0.1, 10);
        p.inRange(path + ".response_cars_per_station", responseCarsPerStation, 0, 100);
        p.inRange(path + ".response_car_clear_minutes", responseCarClearMinutes, 0, 1440);
        if (dispatch != null && !Dispatch.rules().containsKey(dispatch)) {
            p.add(path + ".dispatch", "unknown dispatch rule '" + dispatch + "'; use one of "
                    + Dispatch.rules().keySet());
        }
    }
}
