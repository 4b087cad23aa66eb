/**
 * Ambulance service: the fleet (vehicles at stations, nearest-free dispatch in precomputed station order), the
 * priority call queue (Category A first, then first come first served), and the {@code ems:} parameters
 * (mobilisation, on-scene and handover times, fleet scale). The events that move vehicles live in the model
 * package, which owns the simulator of a replication.
 */
package org.acuteflow.ems;
