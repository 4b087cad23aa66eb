/**
 * Ambulance service: the fleet (vehicles at stations, nearest-free dispatch in precomputed station order), the
 * priority call queue (Category A first, then first come first served), and the {@code ems:} parameters
 * (mobilisation, on-scene and handover times, fleet scale), the dispatch rules by key ({@code Dispatch}), and
 * {@code AmbulanceService}: the vehicle events of one replication behind a narrow interface (a call, a handover,
 * a crew clear at scene; back: a vehicle sent, the busy count).
 */
package org.acuteflow.ems;
