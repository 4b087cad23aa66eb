/**
 * Hospitals: the {@code hospital:} parameters (stroke pathway timings, thrombolysis windows, stays, emergency
 * department stays, trauma transfers). What a pathway does with them from the door on is the pathway's own
 * ({@code org.acuteflow.pathway.*}).
 */
package org.acuteflow.hospital;
