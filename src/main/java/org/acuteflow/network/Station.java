package org.acuteflow.network;

/**
 * An ambulance station.
 *
 * @param index     position in {@link Network#stations()}
 * @param vehicles  emergency ambulances based here (after the configuration is applied)
 */
public record Station(int index, String id, String name, double lat, double lon, int vehicles) {
}
