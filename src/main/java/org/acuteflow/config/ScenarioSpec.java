package org.acuteflow.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario of an experiment: a network configuration plus parameter overrides.
 *
 * @param index          position in the experiment (for paths in messages)
 * @param configuration  name of a configuration overlay of the network (file in {@code configurations/})
 * @param parameters     model parameters in force: defaults, then the experiment's parameter files and
 *                       parameters, then this scenario's overrides, merged in that order
 * @param sources        where each parameter was written, for error messages
 * @param edits          site and service closures applied on top of the configuration
 * @param overlay        the scenario's own configuration keys ({@code cover_profiles}, {@code cover}, {@code beds},
 *                       {@code fleet}, {@code provider_networks}, {@code routing}, as in a configuration file), applied after the
 *                       configuration; empty for none
 */
public record ScenarioSpec(int index, String name, String description, String configuration,
                           JsonNode parameters, SourceMap sources, NetworkEdits edits, JsonNode overlay) {

    public ScenarioSpec {
        overlay = overlay == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : overlay;
    }

    /** A scenario without an overlay of its own. */
    public ScenarioSpec(int index, String name, String description, String configuration, JsonNode parameters,
                        SourceMap sources, NetworkEdits edits) {
        this(index, name, description, configuration, parameters, sources, edits, null);
    }

    public ScenarioSpec withIndex(int newIndex) {
        return new ScenarioSpec(newIndex, name, description, configuration, parameters, sources, edits, overlay);
    }

    /** Where this scenario is written in the experiment file, for messages. */
    public String path() {
        return "scenarios[" + index + "]";
    }

    /** The path prefix of this scenario's parameters in messages. */
    public String parameterPath() {
        return "parameters";
    }
}
