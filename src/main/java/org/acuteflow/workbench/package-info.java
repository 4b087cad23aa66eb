/**
 * The planner's workbench behind {@code acuteflow serve}: a web server for a single-page app that shows the
 * network on a map, turns a planner's changes into an ordinary experiment file, runs it in the background and
 * reads results folders. It adds no model of its own: experiments are checked by the experiment loader and run
 * by the experiment runner exactly as {@code acuteflow run} runs them.
 */
package org.acuteflow.workbench;
