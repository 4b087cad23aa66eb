/**
 * Hospitals: the {@code hospital:} parameters (stroke pathway timings, thrombolysis windows, stays, emergency
 * department stays, trauma transfers) and the stroke treatment rules ({@link org.acuteflow.hospital.StrokeTreatment}:
 * scan, thrombolysis and thrombectomy times from cover schedules and per-patient draws).
 */
package org.acuteflow.hospital;
