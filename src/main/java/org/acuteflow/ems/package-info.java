/**
 * Ambulance service: the fleet (vehicles at stations, on a job or driving home, with where each counts as being),
 * the priority call queue (Category A first, then first come first served), the {@code ems:} parameters
 * (mobilisation, on-scene and handover times, fleet scale, dispatch rule), the dispatch rules by key
 * ({@code Dispatch}: nearest-free, nearest-vehicle), the rapid-response cars ({@code ResponseCars}: sent with the
 * ambulance to Category A calls when nearer, not conveying), and {@code AmbulanceService}: the vehicle events of one
 * replication behind a narrow interface (a call at a scene or a transfer from a site, a handover, a crew clear at
 * scene; back: a vehicle sent, the busy count).
 */
package org.acuteflow.ems;
