/**
 * Demand: who needs emergency care, where and when. Weekly (hour x weekday, cyclic) profiles, non-homogeneous
 * Poisson arrivals by thinning with the acceptance probability evaluated at the candidate time, alias tables
 * for zones, the per-class volumes and stroke case mix ({@link org.acuteflow.demand.DemandParameters}, bound
 * from {@code demand:}), and the {@link org.acuteflow.demand.Patient} record. Everything random about a
 * patient is drawn when it is created, from demand and service streams no configuration touches, so
 * configurations are compared on common random numbers.
 */
package org.acuteflow.demand;
