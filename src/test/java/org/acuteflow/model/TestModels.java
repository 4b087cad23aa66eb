package org.acuteflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.acuteflow.config.ExperimentLoader;
import org.acuteflow.config.RunControl;
import org.acuteflow.config.SourceMap;
import org.acuteflow.config.YamlTrees;
import org.acuteflow.demand.Condition;
import org.acuteflow.experiment.PatientSink;
import org.acuteflow.experiment.ReplicationResult;
import org.acuteflow.network.CoverSchedule;
import org.acuteflow.network.Network;
import org.acuteflow.network.RoutingProtocol;
import org.acuteflow.network.Service;
import org.acuteflow.network.Site;
import org.acuteflow.network.Station;
import org.acuteflow.network.TravelTimes;
import org.acuteflow.network.Zone;
import org.acuteflow.outcome.OutcomeInput;
import org.acuteflow.sim.ReplicationContext;

/** Helpers to build small networks and parameter trees for tests. */
final class TestModels {
    /** A fixed, simple outcome function for tests (the outcome package provides the real one). */
    static final ToDoubleFunction<OutcomeInput> TEST_OUTCOME = in -> in.condition().isStroke()
            ? (Double.isNaN(in.onsetToNeedleMinutes()) ? 0.2 : 0.15)
            : in.condition() == Condition.STROKE_MIMIC ? 0.0
            : in.condition() == Condition.MAJOR_TRAUMA ? 0.1 : 0.05;

    private TestModels() {
    }

    static Zone zone(int index, double population) {
        return new Zone(index, "Z" + index, "zone " + index, "area", 51.5, -0.1, population, population * 0.15,
                population / 1000.0);
    }

    static Site site(int index, Set<Service> services) {
        return new Site(index, "S" + index, "site " + index, 51.5, -0.1, true, services, Map.of(), Map.of());
    }

    static Site site(int index, Set<Service> services, Map<Service, Integer> beds, Map<Service, CoverSchedule> cover) {
        return new Site(index, "S" + index, "site " + index, 51.5, -0.1, true, services, beds, cover);
    }

    static Site closed(int index, Set<Service> services) {
        return new Site(index, "S" + index, "site " + index, 51.5, -0.1, false, services, Map.of(), Map.of());
    }

    static Station station(int index, int vehicles) {
        return new Station(index, "A" + index, "station " + index, 51.5, -0.1, vehicles);
    }

    static Set<Service> services(Service... s) {
        return s.length == 0 ? Set.of() : EnumSet.of(s[0], s);
    }

    static Network network(List<Zone> zones, List<Site> sites, List<Station> stations, TravelTimes travel,
                           RoutingProtocol protocol) {
        return new Network("test", "test-config", zones, sites, stations, travel, protocol);
    }

    static RoutingProtocol hasuProtocol(double mtcThreshold) {
        return new RoutingProtocol(RoutingProtocol.StrokeRouting.NEAREST_HASU,
                RoutingProtocol.TraumaRouting.MTC_WITHIN_THRESHOLD, mtcThreshold);
    }

    /** The built-in default parameters (a deep copy the test may edit). */
    static ObjectNode defaults() {
        return (ObjectNode) ExperimentLoader.defaults().tree().deepCopy();
    }

    static SourceMap sources() {
        YamlTrees.Located d = ExperimentLoader.defaults();
        SourceMap s = new SourceMap("test");
        s.putAll(d.sources(), "parameters");
        return s;
    }

    static FlowParameters parameters(JsonNode tree) {
        return FlowParameters.from(tree, sources());
    }

    /** Sets every class's volume to zero except those set afterwards. */
    static void onlyClasses(ObjectNode tree) {
        ObjectNode classes = (ObjectNode) tree.get("demand").get("classes");
        classes.fieldNames().forEachRemaining(k -> ((ObjectNode) classes.get(k)).put("per_year", 0.0));
    }

    static ObjectNode demandClass(ObjectNode tree, String key) {
        return (ObjectNode) tree.get("demand").get("classes").get(key);
    }

    static ReplicationResult run(FlowModel model, long seed, int replication, double days, double warmupDays) {
        return run(model, seed, replication, days, warmupDays, PatientSink.NONE);
    }

    static ReplicationResult run(FlowModel model, long seed, int replication, double days, double warmupDays,
                                 PatientSink sink) {
        RunControl rc = new RunControl(days, warmupDays, 1, seed, 1);
        return model.simulate(new ReplicationContext(seed, replication), rc, sink);
    }

    /** A sink that keeps rows in memory. */
    static final class ListSink implements PatientSink {
        final List<String> rows = new ArrayList<>();
        String header;

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void header(String csvHeader) {
            header = csvHeader;
        }

        @Override
        public void row(String csvRow) {
            rows.add(csvRow);
        }
    }
}
