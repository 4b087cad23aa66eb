package org.acuteflow.network;

/**
 * A demand zone (for London, a 2011 LSOA).
 *
 * @param index                     position in {@link Network#zones()}, used to index travel arrays
 * @param population                residents
 * @param population65Plus          residents aged 65 and over
 * @param strokeAdmissionsPerYear   observed emergency stroke admissions per year (demand weight for stroke)
 */
public record Zone(int index, String id, String name, String area, double lat, double lon,
                   double population, double population65Plus, double strokeAdmissionsPerYear) {
}
