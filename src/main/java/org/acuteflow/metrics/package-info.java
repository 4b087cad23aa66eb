/**
 * The declared outputs: every metric and series a replication writes, each with its name, unit, definition and
 * pathway, in one registry ({@link org.acuteflow.metrics.Metrics}). Writers, report and data dictionary use these
 * declarations instead of repeating names. Depends on nothing else in acuteflow.
 */
package org.acuteflow.metrics;
