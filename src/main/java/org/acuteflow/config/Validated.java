package org.acuteflow.config;

/** A bound parameter record that checks its own ranges, reporting every problem under {@code path}. */
public interface Validated {

    void validate(Problems problems, String path);
}
