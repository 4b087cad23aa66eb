/**
 * The outputs of a run, written from {@link org.acuteflow.experiment.ExperimentResults} alone: CSV tables,
 * manifest.json, the self-contained report.html, charts (the only user of JFreeChart) and GeoJSON files.
 * Nothing here changes results or holds mutable static state, so outputs of several runs may be written at once.
 * results/README.md documents every file, column and metric.
 */
package org.acuteflow.report;
