package org.acuteflow.metrics;

/** A slice of the week or the day over which a count is also reported: its name suffix and what it holds. */
public record Slice(String suffix, String definition) {
}
