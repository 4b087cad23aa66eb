/**
 * The region: demand zones, hospital sites and their services, ambulance stations, the road graph and
 * precomputed travel times, and the configuration overlays that open and close sites and services. The only
 * user of JGraphT and JTS. Everything a loader returns is immutable and may be shared by replications running
 * in parallel. File formats: networks/README.md.
 */
package org.acuteflow.network;
