/**
 * Hospitals: the {@code hospital:} parameters (stroke pathway timings, thrombolysis windows, stays, emergency
 * department stays, trauma transfers, step-down, crowding), emergency department crowding ({@code EdCrowding}:
 * the multiplier of handover and time to be seen by occupancy) and sizing ({@code EdCapacity}: cubicles from the
 * catchment as built), and {@code BedPool}, a pool of beds with a first-come-first-served line (c beds, K
 * places). What a pathway does with them from the door on is the pathway's own ({@code org.acuteflow.pathway.*}).
 */
package org.acuteflow.hospital;
